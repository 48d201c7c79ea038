"""Timesheets: entries, a month submitted, then approved (and locked) or returned."""

import datetime
import math
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participation.models import Attendance, Meeting, Programme, User

from ..models import Contract, TimeEntry, Timesheet
from ..money import QUARTER, contract_on, hours_text, is_quarter_hours

MAX_HOURS_A_DAY = Decimal("24")


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_label(month: datetime.date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def timesheet_get_or_create(
    *, programme: Programme, person: User, month: datetime.date
) -> Timesheet:
    """The person's timesheet for the month, made as a draft the first time it is needed."""
    timesheet, _created = Timesheet.objects.get_or_create(
        programme=programme, person=person, month=month_start(month)
    )
    return timesheet


def _clean_hours(hours) -> Decimal:
    try:
        hours = Decimal(hours)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            {"hours": _("Write the hours as a number, for example 1.5.")}
        ) from None
    if not hours.is_finite() or hours <= 0:
        raise ValidationError({"hours": _("Hours must be more than zero.")})
    if hours > MAX_HOURS_A_DAY:
        raise ValidationError({"hours": _("A day has 24 hours at most.")})
    if not is_quarter_hours(hours):
        raise ValidationError({"hours": _("Use quarter hours: for example 1, 1.25, 1.5 or 1.75.")})
    return hours


def _refuse_unless_editable(timesheet: Timesheet) -> None:
    month = month_label(timesheet.month)
    if timesheet.status == Timesheet.Status.APPROVED:
        raise ValidationError(
            {
                "date": _(
                    "%(month)s is approved and locked. Add a correction as a new entry in a "
                    "month that is still open, and say in the comment what it corrects."
                )
                % {"month": month}
            }
        )
    if timesheet.status == Timesheet.Status.SUBMITTED:
        raise ValidationError(
            {
                "date": _(
                    "%(month)s has been sent for approval. Ask the coordinator to return it if "
                    "something must change."
                )
                % {"month": month}
            }
        )


@transaction.atomic
def time_entry_add(
    *,
    programme: Programme,
    person: User,
    date: datetime.date,
    hours,
    activity: str,
    comment: str = "",
    meeting: Meeting | None = None,
    today: datetime.date | None = None,
) -> TimeEntry:
    """Log hours on a day the person has a contract, in a month not yet sent or approved.

    Hours are quarter hours, more than zero, and at most 24 on one day all together. A
    meeting may be linked once, and only one the person attended.
    """
    today = today or timezone.localdate()
    hours = _clean_hours(hours)
    if activity not in TimeEntry.Activity.values:
        raise ValidationError({"activity": _("Choose what you did.")})
    if date > today:
        raise ValidationError({"date": _("You cannot log hours for a day that has not come yet.")})
    contracts = Contract.objects.filter(programme=programme, person=person)
    if contract_on(contracts, date) is None:
        raise ValidationError({"date": _("You have no contract on this day.")})

    timesheet = timesheet_get_or_create(programme=programme, person=person, month=date)
    timesheet = Timesheet.objects.select_for_update().get(pk=timesheet.pk)
    _refuse_unless_editable(timesheet)

    day_total = timesheet.entries.filter(date=date).aggregate(total=Sum("hours"))["total"] or 0
    if day_total + hours > MAX_HOURS_A_DAY:
        raise ValidationError(
            {
                "hours": _(
                    "You have already logged %(logged)s hours on this day. A day has 24 hours at "
                    "most."
                )
                % {"logged": hours_text(day_total)}
            }
        )
    if meeting is not None:
        _check_meeting(programme=programme, person=person, meeting=meeting, date=date)

    entry = TimeEntry(
        timesheet=timesheet,
        date=date,
        hours=hours,
        activity=activity,
        meeting=meeting,
        comment=comment.strip(),
    )
    entry.full_clean()
    entry.save()
    return entry


def _check_meeting(*, programme, person, meeting, date) -> None:
    attended = Attendance.objects.filter(
        meeting=meeting,
        membership__person=person,
        membership__group__programmes=programme,
        status=Attendance.Status.PRESENT,
    ).exists()
    if not attended:
        raise ValidationError({"meeting": _("Choose a meeting you were at.")})
    if timezone.localdate(meeting.starts_at) != date:
        raise ValidationError({"date": _("The date must be the day of the meeting.")})
    already = TimeEntry.objects.filter(
        meeting=meeting, timesheet__person=person, timesheet__programme=programme
    ).exists()
    if already:
        raise ValidationError({"meeting": _("You have already logged hours for this meeting.")})


def suggested_hours(meeting: Meeting) -> Decimal:
    """The meeting's length rounded up to the next quarter hour."""
    minutes = (meeting.ends_at - meeting.starts_at).total_seconds() / 60
    quarters = max(1, math.ceil(minutes / 15))
    return min(MAX_HOURS_A_DAY, quarters * QUARTER)


def time_entry_add_from_meeting(
    *, programme: Programme, person: User, meeting: Meeting, today: datetime.date | None = None
) -> TimeEntry:
    """One tap: log a meeting the person attended, with its length and title."""
    return time_entry_add(
        programme=programme,
        person=person,
        date=timezone.localdate(meeting.starts_at),
        hours=suggested_hours(meeting),
        activity=TimeEntry.Activity.GROUP_MEETING,
        comment=meeting.display_title,
        meeting=meeting,
        today=today,
    )


@transaction.atomic
def time_entry_delete(*, entry: TimeEntry, person: User) -> None:
    """Remove one of the person's own entries from a month not yet sent or approved."""
    timesheet = Timesheet.objects.select_for_update().get(pk=entry.timesheet_id)
    if timesheet.person_id != person.pk:
        raise ValidationError(_("You can only remove your own hours."))
    _refuse_unless_editable(timesheet)
    entry.delete()


def timesheet_submit(*, timesheet: Timesheet, by: User, now=None) -> Timesheet:
    """The representative sends the month for approval; it cannot change while it waits."""
    if timesheet.person_id != by.pk:
        raise ValidationError(_("You can only send your own hours."))
    if not timesheet.entries.exists():
        raise ValidationError(_("Log some hours before you send the month."))
    now = now or timezone.now()
    changed = Timesheet.objects.filter(
        pk=timesheet.pk, status__in=(Timesheet.Status.DRAFT, Timesheet.Status.RETURNED)
    ).update(status=Timesheet.Status.SUBMITTED, submitted_at=now)
    if not changed:
        raise ValidationError(_("This month has already been sent."))
    timesheet.refresh_from_db()
    return timesheet


def _decide(
    *,
    timesheet: Timesheet,
    by: User,
    to_status: str,
    comment: str,
    now,
    seen_submitted_at: datetime.datetime | None = None,
) -> Timesheet:
    if timesheet.person_id == by.pk:
        raise ValidationError(
            _("You cannot approve or return your own hours. Ask another coordinator.")
        )
    now = now or timezone.now()
    waiting = Timesheet.objects.filter(pk=timesheet.pk, status=Timesheet.Status.SUBMITTED)
    if seen_submitted_at is not None:
        # Approve only the sending that was checked, not one sent again since.
        waiting = waiting.filter(submitted_at=seen_submitted_at)
    # Only one decision can win, even if two coordinators press at the same time.
    changed = waiting.update(
        status=to_status, decided_at=now, decided_by=by, return_comment=comment
    )
    if not changed:
        if (
            seen_submitted_at is not None
            and waiting.model.objects.filter(
                pk=timesheet.pk, status=Timesheet.Status.SUBMITTED
            ).exists()
        ):
            raise ValidationError(
                _(
                    "The month was sent again after you opened it. Nothing is approved. "
                    "Check the hours below again."
                )
            )
        raise ValidationError(_("This month is not waiting for approval any more."))
    timesheet.refresh_from_db()
    return timesheet


def timesheet_approve(
    *,
    timesheet: Timesheet,
    by: User,
    now=None,
    seen_submitted_at: datetime.datetime | None = None,
) -> Timesheet:
    """A coordinator approves a submitted month; from then on it is locked. With
    `seen_submitted_at`, only the sending the coordinator looked at is approved."""
    return _decide(
        timesheet=timesheet,
        by=by,
        to_status=Timesheet.Status.APPROVED,
        comment=timesheet.return_comment,
        now=now,
        seen_submitted_at=seen_submitted_at,
    )


def timesheet_return(*, timesheet: Timesheet, by: User, comment: str, now=None) -> Timesheet:
    """A coordinator sends a submitted month back with a comment saying what to fix."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what needs to be fixed.")})
    return _decide(
        timesheet=timesheet,
        by=by,
        to_status=Timesheet.Status.RETURNED,
        comment=comment.strip(),
        now=now,
    )


def payroll_export_log(*, programme: Programme, month: datetime.date, rows: int, by: User):
    """Remember who took the payroll file for a month."""
    from ..models import PayrollExport

    return PayrollExport.objects.create(programme=programme, month=month, rows=rows, by=by)
