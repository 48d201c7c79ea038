"""The region's picture, and turning a poor or missing offer into an input."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as offer_access
from .. import selectors, services
from ..forms import MissingOfferForm, OfferInputForm
from ..models import OfferInput


@login_required
def region(request, slug):
    """Offers per municipality and type, the gaps, cross-border use and judgements."""
    access = access_programme(request.user, slug)
    offer_access.require(offer_access.can_see_region(access))
    return render(
        request,
        "offers/region.html",
        {
            "access": access,
            "programme": access.programme,
            "picture": selectors.region_picture(programme=access.programme),
            "can_raise_input": offer_access.can_raise_input(access),
        },
    )


@login_required
def input_raise(request, slug, offer_id):
    """A poor offer becomes an input, followed up by the office that keeps it."""
    access, offer = offer_access.access_offer(request.user, slug, offer_id)
    offer_access.require(offer_access.can_raise_input(access))
    summary = selectors.judgement_summaries(offer_ids=[offer.pk]).get(offer.pk)
    initial = {"title": _("Improve the offer: %(title)s") % {"title": offer.title}}
    if summary is not None and summary.is_poor:
        initial["reason"] = OfferInput.Reason.POOR_JUDGEMENT
        initial["description"] = _(
            "%(count)s young people judged the offer. Useful: %(usefulness)s of 5. "
            "Felt welcome: %(welcome)s of 5."
        ) % {
            "count": summary.count,
            "usefulness": summary.usefulness,
            "welcome": summary.welcome,
        }
    elif access.is_resource_group_member:
        initial["reason"] = OfferInput.Reason.RESOURCE_GROUP
    form = OfferInputForm(request.POST or None, offer=offer, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_input_raise(
                programme=access.programme, offer=offer, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The input is raised and will be followed up."))
            return redirect("offers:detail", slug=slug, offer_id=offer.pk)
    return render(
        request,
        "offers/input_form.html",
        {
            "access": access,
            "programme": access.programme,
            "offer": offer,
            "summary": summary,
            "form": form,
        },
    )


@login_required
def missing_offer(request, slug):
    """A type of offer the region lacks becomes an input."""
    access = access_programme(request.user, slug)
    offer_access.require(offer_access.can_raise_input(access))
    form = MissingOfferForm(request.POST or None, programme=access.programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_input_raise(
                programme=access.programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The input is raised and will be followed up."))
            return redirect("offers:list", slug=slug)
    return render(
        request,
        "offers/input_form.html",
        {"access": access, "programme": access.programme, "offer": None, "form": form},
    )
