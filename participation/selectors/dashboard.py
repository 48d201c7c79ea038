"""The coordinator's day: what needs doing now, in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ..access import ProgrammeAccess, groups_visible_to
from ..models import ActionItem, Input, Meeting
from .attendance import MemberRow, OfficeRow, attendance_overviews

# The agenda should reach members a week ahead; minutes older than this are history.
AGENDA_WARNING_DAYS = 7
MINUTES_LOOKBACK_DAYS = 180


@dataclass
class CoordinatorDashboard:
    next_meetings: list[Meeting]
    agendas_not_sent: list[Meeting]
    minutes_not_approved: list[Meeting]
    overdue_action_items: list[ActionItem]
    inputs_waiting: list[Input]
    inputs_overdue_count: int
    members_at_risk: list[MemberRow]
    offices_absent: list[OfficeRow]


def coordinator_dashboard(*, access: ProgrammeAccess, now=None) -> CoordinatorDashboard:
    now = now or timezone.now()
    today = timezone.localdate(now)
    groups = list(groups_visible_to(access))
    meetings = Meeting.objects.filter(group__in=groups).select_related("group")
    upcoming = meetings.upcoming(now=now).order_by("starts_at")
    inputs_waiting = list(
        Input.objects.filter(programme=access.programme)
        .waiting_for_feedback()
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related("group", "assigned_office")
        .order_by("feedback_due_on")[:10]
    )
    overviews = attendance_overviews(groups=groups, now=now)
    return CoordinatorDashboard(
        next_meetings=list(upcoming[:6]),
        agendas_not_sent=list(
            upcoming.filter(
                agenda_sent_at__isnull=True,
                starts_at__lte=now + datetime.timedelta(days=AGENDA_WARNING_DAYS),
            )
        ),
        minutes_not_approved=list(
            meetings.past(now=now)
            .exclude(minutes_status=Meeting.MinutesStatus.APPROVED)
            .filter(starts_at__gte=now - datetime.timedelta(days=MINUTES_LOOKBACK_DAYS))
            .order_by("-starts_at")
        ),
        overdue_action_items=list(
            ActionItem.objects.overdue(today=today)
            .filter(group__in=groups)
            .select_related("owner", "group", "meeting")
        ),
        inputs_waiting=inputs_waiting,
        inputs_overdue_count=Input.objects.filter(programme=access.programme)
        .feedback_overdue(today=today)
        .count(),
        members_at_risk=[row for o in overviews.values() for row in o.flagged],
        offices_absent=[row for o in overviews.values() for row in o.flagged_offices],
    )
