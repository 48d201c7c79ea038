"""The register's pages: finding an offer, reading one, keeping entries up to date."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as offer_access
from .. import selectors, services
from ..forms import CrossBorderUseForm, OfferFilterForm, OfferForm
from ..models import Offer

FILTER_FIELDS = ("office", "open", "kind", "municipality", "day", "km")


def _filters_from(form: OfferFilterForm) -> selectors.OfferFilters:
    data = form.cleaned_data
    return selectors.OfferFilters(
        office=data.get("office"),
        open_to_office=bool(data.get("open")),
        municipality=data.get("municipality") or "",
        kind=data.get("kind") or "",
        weekday=data.get("day") or "",
        within_km=data.get("km"),
    )


@login_required
def offer_list(request, slug):
    """Find an offer: an advisor starts with the offers open to her own office's young people."""
    access = access_programme(request.user, slug)
    programme = access.programme
    own = list(offer_access.own_offices(access))
    if any(name in request.GET for name in FILTER_FIELDS):
        form = OfferFilterForm(request.GET, programme=programme)
    else:
        initial = {"office": own[0].pk, "open": "on"} if own else {}
        form = OfferFilterForm(initial, programme=programme)
    offers = []
    if form.is_valid():
        offers = list(selectors.offer_search(programme=programme, filters=_filters_from(form)))
    summaries = selectors.judgement_summaries(offer_ids=[o.pk for o in offers])
    today = timezone.localdate()
    for offer in offers:
        offer.summary = summaries.get(offer.pk)
        offer.is_due = offer.needs_check(today)
    return render(
        request,
        "offers/list.html",
        {
            "access": access,
            "programme": programme,
            "form": form,
            "offers": offers,
            "can_keep": offer_access.can_keep_offers(access),
            "can_see_region": offer_access.can_see_region(access),
            "to_check": selectors.offers_to_check(programme=programme)
            if offer_access.can_keep_offers(access)
            else [],
        },
    )


def judgement_url(offer: Offer) -> str:
    return settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(
        "offers:judge", kwargs={"code": offer.public_code}
    )


@login_required
def offer_detail(request, slug, offer_id):
    access, offer = offer_access.access_offer(request.user, slug, offer_id)
    summary = selectors.judgement_summaries(offer_ids=[offer.pk]).get(offer.pk)
    link = judgement_url(offer)
    return render(
        request,
        "offers/detail.html",
        {
            "access": access,
            "programme": access.programme,
            "offer": offer,
            "summary": summary,
            "needs_check": offer.needs_check(timezone.localdate()),
            "can_edit": offer_access.can_edit(access, offer),
            "can_raise_input": offer_access.can_raise_input(access),
            "comments": selectors.judgement_comments(offer=offer)
            if offer_access.can_see_comments(access)
            else [],
            "inputs": selectors.inputs_about(offer=offer),
            "uses": offer.cross_border_uses.select_related("office")[:12]
            if offer_access.can_edit(access, offer)
            else [],
            "judgement_url": link,
            "qr_code": segno.make(link, error="m").svg_inline(scale=4, omitsize=False),
        },
    )


def _offer_form_page(request, access, form, offer=None):
    return render(
        request,
        "offers/form.html",
        {"access": access, "programme": access.programme, "form": form, "offer": offer},
    )


@login_required
def offer_create(request, slug):
    access = access_programme(request.user, slug)
    offer_access.require(offer_access.can_keep_offers(access))
    offices = offer_access.keeping_offices(access)
    form = OfferForm(
        request.POST or None,
        programme=access.programme,
        offices=offices,
        initial={"office": offices.first(), "is_active": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_create(
                programme=access.programme,
                office=form.cleaned_data["office"],
                open_to_offices=list(form.cleaned_data["open_to_offices"]),
                by=request.user,
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The offer is added to the register."))
            return redirect("offers:detail", slug=slug, offer_id=offer.pk)
    return _offer_form_page(request, access, form)


@login_required
def offer_edit(request, slug, offer_id):
    access, offer = offer_access.access_offer_to_edit(request.user, slug, offer_id)
    form = OfferForm(
        request.POST or None,
        instance=offer,
        programme=access.programme,
        offices=offer_access.keeping_offices(access),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_update(
                offer=offer,
                by=request.user,
                office=form.cleaned_data["office"],
                open_to_offices=list(form.cleaned_data["open_to_offices"]),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The offer is saved and marked as checked today."))
            return redirect("offers:detail", slug=slug, offer_id=offer.pk)
    return _offer_form_page(request, access, form, offer)


@login_required
@require_POST
def offer_checked(request, slug, offer_id):
    """One tap: the entry is still right."""
    _access, offer = offer_access.access_offer_to_edit(request.user, slug, offer_id)
    services.offer_mark_checked(offer=offer, by=request.user)
    messages.success(request, _("Marked as checked today."))
    return redirect("offers:detail", slug=slug, offer_id=offer.pk)


@login_required
def use_record(request, slug, offer_id):
    """Record how many young people from another office used the offer in a month."""
    access, offer = offer_access.access_offer_to_edit(request.user, slug, offer_id)
    form = CrossBorderUseForm(request.POST or None, offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.cross_border_use_record(offer=offer, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The use is recorded."))
            return redirect("offers:detail", slug=slug, offer_id=offer.pk)
    return render(
        request,
        "offers/use_form.html",
        {"access": access, "programme": access.programme, "offer": offer, "form": form},
    )
