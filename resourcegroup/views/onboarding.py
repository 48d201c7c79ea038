"""Onboarding: a checklist with dates for every member of the resource group."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as rules
from ..forms.onboarding import OnboardingForm
from ..models import Onboarding
from ..selectors.followup import member_for_followup
from ..selectors.onboarding import onboarding_rows
from ..services.onboarding import onboarding_save


@login_required
def onboarding_list(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    return render(
        request,
        "resourcegroup/onboarding/onboarding_list.html",
        {
            "access": access,
            "programme": access.programme,
            "rows": onboarding_rows(programme=access.programme),
            "items": Onboarding.ITEMS,
        },
    )


@login_required
def onboarding_member(request, slug, membership_id):
    access = access_programme(request.user, slug)
    membership = member_for_followup(access=access, membership_id=membership_id)
    onboarding = Onboarding.objects.filter(membership=membership).first()
    initial = {}
    if onboarding is not None:
        initial = {field: getattr(onboarding, field) for field, _label in Onboarding.ITEMS}
        initial["note"] = onboarding.note
    form = OnboardingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            onboarding_save(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The checklist for %(name)s is saved.")
                % {"name": membership.person.display_name},
            )
            return redirect("resourcegroup:onboarding_list", slug=slug)
    return render(
        request,
        "resourcegroup/onboarding/onboarding_form.html",
        {"access": access, "programme": access.programme, "membership": membership, "form": form},
    )


BASE = "p/<slug:slug>/resource-group/onboarding/"
urlpatterns = [
    path(BASE, onboarding_list, name="onboarding_list"),
    path(BASE + "<int:membership_id>/", onboarding_member, name="onboarding_member"),
]
