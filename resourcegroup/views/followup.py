"""Dropout follow-up: who is drifting away, the contacts made, and why people left."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from participation import services as participation_services
from participation.access import access_programme
from participation.forms import MembershipEndForm, add_service_errors

from .. import access as rules
from ..forms.followup import FollowUpForm, WeeksForm
from ..selectors.followup import (
    DEFAULT_WEEKS,
    drifting_members,
    followup_log,
    leaving_reasons,
    left_members,
    member_for_followup,
)
from ..services.followup import follow_up_log


@login_required
def followup(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    weeks_form = WeeksForm(request.GET or None, initial={"weeks": DEFAULT_WEEKS})
    weeks = weeks_form.cleaned_data["weeks"] if weeks_form.is_valid() else DEFAULT_WEEKS
    reasons, left_count = leaving_reasons(programme=access.programme)
    return render(
        request,
        "resourcegroup/followup/followup.html",
        {
            "access": access,
            "programme": access.programme,
            "members": drifting_members(programme=access.programme, weeks=weeks),
            "weeks": weeks,
            "weeks_form": weeks_form,
            "reasons": reasons,
            "left_count": left_count,
            "left": left_members(programme=access.programme)[:20],
        },
    )


@login_required
def followup_member(request, slug, membership_id):
    access = access_programme(request.user, slug)
    membership = member_for_followup(access=access, membership_id=membership_id)
    form = FollowUpForm(request.POST or None, initial={"contacted_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_log(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The contact is saved."))
            return redirect("resourcegroup:followup_member", slug=slug, membership_id=membership.pk)
    return render(
        request,
        "resourcegroup/followup/member.html",
        {
            "access": access,
            "programme": access.programme,
            "membership": membership,
            "contacts": followup_log(membership=membership),
            "form": form,
        },
    )


@login_required
def followup_leave(request, slug, membership_id):
    """Record that the member left, with the reason, through participation's service."""
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    membership = member_for_followup(access=access, membership_id=membership_id)
    if membership.ends_on is not None:
        messages.info(request, _("This person has already left the group."))
        return redirect("resourcegroup:followup_member", slug=slug, membership_id=membership.pk)
    form = MembershipEndForm(request.POST or None, initial={"ends_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            participation_services.membership_end(membership=membership, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has left %(group)s.")
                % {"name": membership.person.display_name, "group": membership.group.name},
            )
            return redirect("resourcegroup:followup", slug=slug)
    return render(
        request,
        "resourcegroup/followup/leave.html",
        {"access": access, "programme": access.programme, "membership": membership, "form": form},
    )


BASE = "p/<slug:slug>/resource-group/follow-up/"
urlpatterns = [
    path(BASE, followup, name="followup"),
    path(BASE + "<int:membership_id>/", followup_member, name="followup_member"),
    path(BASE + "<int:membership_id>/leave/", followup_leave, name="followup_leave"),
]
