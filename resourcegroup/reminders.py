"""The resource group's reminder kinds, found by participation's sweep (REMINDERS below)."""

import datetime

from django.utils import timezone

from participation.models import Membership
from participation.models import NotificationKind as Kind
from participation.reminders import (
    SweepResult,
    absolute_url,
    active_programmes,
    deliver,
    make_notice,
    per_coordinator,
)

from .selectors.hours import timesheet_rows


def _month_to_send(today: datetime.date) -> datetime.date | None:
    """The month whose timesheet is due: the ending month in its last two days, the month
    just ended in the first five days of the next; None in between."""
    tomorrow_but_one = today + datetime.timedelta(days=2)
    if tomorrow_but_one.month != today.month:
        return today.replace(day=1)
    if today.day <= TIMESHEET_GRACE_DAYS:
        return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return None


TIMESHEET_GRACE_DAYS = 5
TIMESHEET_APPROVE_AFTER_DAYS = 2


def timesheet_reminders(*, now, result: SweepResult) -> None:
    """Paid representatives: send in the month's timesheet (last two days of the month and
    the first five of the next). Coordinators: timesheets sent in two days ago or more and
    still waiting."""
    today = timezone.localdate(now)
    month = _month_to_send(today)
    to_submit, to_approve = [], []
    for programme in active_programmes(now):
        rows = timesheet_rows(programme=programme)
        if month is not None:
            done = {
                row.timesheet.person_id
                for row in rows
                if row.timesheet.month == month
                and row.timesheet.status in ("submitted", "approved")
            }
            representatives = {
                m.person_id: m.person
                for m in Membership.objects.current(on=today)
                .filter(
                    group__programmes=programme,
                    role=Membership.Role.PAID_REPRESENTATIVE,
                    person__is_active=True,
                )
                .select_related("person")
            }
            url = absolute_url("resourcegroup:my_hours", slug=programme.slug)
            for person in representatives.values():
                if person.pk not in done:
                    to_submit.append(
                        make_notice(
                            Kind.TIMESHEET_SUBMIT,
                            person,
                            [(f"timesheet:{programme.pk}:{month:%Y-%m}", month)],
                            programme=programme,
                            month=month,
                            url=url,
                        )
                    )
        waiting_since = now - datetime.timedelta(days=TIMESHEET_APPROVE_AFTER_DAYS)
        for row in rows:
            sheet = row.timesheet
            if (
                sheet.status == "submitted"
                and sheet.submitted_at
                and sheet.submitted_at <= waiting_since
            ):
                row.url = absolute_url("resourcegroup:timesheet_list", slug=programme.slug)
                key = f"timesheet:{sheet.pk}:submitted:{sheet.submitted_at:%Y%m%d%H%M}"
                to_approve.append((programme, key, row))
    deliver(to_submit, now=now, result=result)
    per_coordinator(Kind.TIMESHEET_APPROVE, to_approve, now=now, result=result)


REMINDERS = [timesheet_reminders]
