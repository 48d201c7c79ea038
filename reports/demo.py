"""Demo data for reports: the steering reports made before the last two steering meetings,
rendered for real, the programme's report schedule, and the demo users' reminder choices.

Idempotent: a report is found by the meeting it was made for, so a second run renders
nothing. The first run renders two PDFs (a few seconds).
"""

import datetime

from django.utils import timezone

from participation.models import (
    Group,
    GroupReminderSettings,
    Meeting,
    NotificationChannel,
    NotificationKind,
    Programme,
    User,
)
from participation.services.meetings import local_datetime
from participation.services.notifications import notification_preferences_set

from . import services
from .demo_goals import seed_goals
from .models import Report, ReportSchedule

DAYS_BEFORE = 5
REPORTS_IN_ARCHIVE = 2

# (email, {kind: channel}): what the demo users chose on their reminders page.
PREFERENCES = [
    (
        "representative@example.org",
        {
            NotificationKind.MEETING_REMINDER: NotificationChannel.SMS,
            NotificationKind.AGENDA_DEADLINE: NotificationChannel.SMS,
            NotificationKind.TIMESHEET_SUBMIT: NotificationChannel.SMS,
        },
    ),
    (
        "steering@example.org",
        {
            NotificationKind.MEETING_REMINDER: NotificationChannel.NONE,
            NotificationKind.STEERING_REPORT: NotificationChannel.EMAIL,
        },
    ),
    (
        "advisor@example.org",
        {
            NotificationKind.MEETING_INVITATION: NotificationChannel.EMAIL,
            NotificationKind.ACTION_ITEM_DUE: NotificationChannel.EMAIL,
        },
    ),
    ("coordinator@example.org", {NotificationKind.ABSENCE_FLAG: NotificationChannel.EMAIL}),
]


def seed_reports(*, programme: Programme) -> None:
    """Goals, schedule, reminder settings and preferences, and two finished steering reports
    (made after the goals, so that they show them)."""
    seed_goals(programme=programme)
    ReportSchedule.objects.get_or_create(
        programme=programme, defaults={"days_before": DAYS_BEFORE, "attach_pdf": False}
    )
    for group in programme.groups.filter(kind__in=[Group.Kind.RESOURCE, Group.Kind.PROJECT]):
        GroupReminderSettings.objects.get_or_create(
            group=group,
            defaults={
                # Young users get the reminder at lunchtime; the advisors first thing.
                "day_before_at": datetime.time(12, 0)
                if group.kind == Group.Kind.RESOURCE
                else datetime.time(9, 0)
            },
        )
    people = {u.email: u for u in User.objects.filter(email__in=[e for e, _c in PREFERENCES])}
    for email, channels in PREFERENCES:
        person = people.get(email)
        if person is None:
            continue
        if any(c == NotificationChannel.SMS for c in channels.values()) and not person.phone:
            continue
        notification_preferences_set(person=person, channels=channels)
    _seed_steering_reports(programme)


def _seed_steering_reports(programme: Programme) -> None:
    now = timezone.now()
    steering = list(
        Meeting.objects.filter(group__in=services.steering_groups(programme), starts_at__lt=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )
    if not steering:
        return
    for index in range(max(len(steering) - REPORTS_IN_ARCHIVE, 0), len(steering)):
        meeting = steering[index]
        day = timezone.localdate(meeting.starts_at)
        made_at = local_datetime(day - datetime.timedelta(days=DAYS_BEFORE), datetime.time(8, 30))
        start = (
            timezone.localdate(steering[index - 1].starts_at) if index > 0 else programme.starts_on
        )
        end = max(start, timezone.localdate(made_at))
        report, _created = Report.objects.get_or_create(
            programme=programme,
            kind=Report.Kind.STEERING,
            for_meeting=meeting,
            defaults={
                "period_start": start,
                "period_end": end,
                "requested_at": made_at,
                "parameters": {"language": "nb"},
                # Emailed when it was made: the schedule must not send it again.
                "emailed_at": made_at,
            },
        )
        if report.status != Report.Status.DONE:
            Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED)
            services.report_render(report_id=report.pk, now=made_at)
