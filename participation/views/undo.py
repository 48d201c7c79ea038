"""The undo button in a success message: puts back what the user just did, if it is still
theirs to undo (same user, within a few minutes), and logs it in the audit log."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import (
    access_meeting,
    access_programme,
    groups_visible_to,
    require_action_item_change,
    require_writer,
)
from ..models import ActionItem, AuditEvent
from ..services.audit import audit_event
from ..undo import take_offer
from .meetings import _next_url


def _undo_attendance(request, offer) -> str:
    access, meeting = access_meeting(request.user, offer["slug"], offer["payload"]["meeting"])
    require_writer(access, meeting.group)
    previous = {int(pk): status for pk, status in offer["payload"]["previous"].items()}
    services.attendance_restore(meeting=meeting, previous=previous)
    day = date_format(meeting.starts_at, "SHORT_DATE_FORMAT")
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.CHANGED,
        programme=access.programme,
        subject=f"Attendance, {meeting.group.name} {day}",
        detail="Undone: the attendance is as it was before the last save.",
    )
    return _("The attendance is as it was before.")


def _undo_action_item_status(request, offer) -> str:
    access = access_programme(request.user, offer["slug"])
    payload = offer["payload"]
    item = get_object_or_404(
        ActionItem.objects.select_related("group"),
        pk=payload["item"],
        group__in=groups_visible_to(access),
    )
    require_action_item_change(access, item)
    closed_at = payload["closed_at"]
    services.action_item_restore(
        action_item=item,
        status=payload["status"],
        closed_at=datetime.datetime.fromisoformat(closed_at) if closed_at else None,
        note=payload["note"],
    )
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.CHANGED,
        programme=access.programme,
        subject=f"Action item {item.pk}",
        detail=f"Undone: the status is {item.status} again.",
    )
    return _("“%(title)s” is back to: %(status)s.") % {
        "title": item.title,
        "status": item.get_status_display(),
    }


UNDO = {"attendance": _undo_attendance, "action_item_status": _undo_action_item_status}


@login_required
@require_POST
def undo(request):
    offer = take_offer(request, request.POST.get("token", ""))
    back = _next_url(request) or reverse("home")
    if offer is None or offer["kind"] not in UNDO:
        messages.error(request, _("It is too late to undo that. Change it by hand instead."))
        return redirect(back)
    messages.success(request, UNDO[offer["kind"]](request, offer))
    return redirect(back)


urlpatterns = [path("undo/", undo, name="undo")]
