"""Reads for contracts, timesheets, payroll and the budget. Scoped to one programme."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Sum
from django.http import Http404
from django.utils import timezone

from participation.access import ProgrammeAccess
from participation.models import Attendance, Meeting, Programme, User

from .. import access as rules
from ..models import Contract, TimeEntry, Timesheet
from ..money import Priced, contract_on, price_entries, to_ore
from ..services.timesheets import month_start, suggested_hours


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The month as aware datetimes in the local time zone (Europe/Oslo)."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(next_month(month), datetime.time.min, tzinfo=tz)
    return start, end


# --- Contracts ---------------------------------------------------------------------------


def contracts_visible_to(*, access: ProgrammeAccess, user: User):
    """Coordinators see every contract of the programme; a representative only their own."""
    contracts = Contract.objects.filter(programme=access.programme).select_related(
        "person", "renews", "renewed_by", "created_by"
    )
    if not rules.can_manage(access):
        contracts = contracts.filter(person=user)
    return contracts.order_by("person__display_name", "starts_on")


def contract_for(*, access: ProgrammeAccess, user: User, contract_id: int) -> Contract:
    contract = contracts_visible_to(access=access, user=user).filter(pk=contract_id).first()
    if contract is None:
        raise Http404
    return contract


# --- A representative's own months -------------------------------------------------------


@dataclass
class MonthSummary:
    month: datetime.date
    timesheet: Timesheet | None
    hours: Decimal


def my_months(*, programme: Programme, person: User, today: datetime.date) -> list[MonthSummary]:
    """The person's months, newest first: every month with a timesheet, and this month."""
    timesheets = {
        t.month: t
        for t in Timesheet.objects.filter(programme=programme, person=person).annotate(
            total=Sum("entries__hours")
        )
    }
    months = set(timesheets) | {month_start(today)}
    return [
        MonthSummary(
            month=month,
            timesheet=timesheets.get(month),
            hours=(timesheets[month].total or Decimal("0")) if month in timesheets else Decimal(0),
        )
        for month in sorted(months, reverse=True)
    ]


@dataclass
class Suggestion:
    meeting: Meeting
    date: datetime.date
    hours: Decimal


@dataclass
class MonthPage:
    month: datetime.date
    timesheet: Timesheet | None
    entries: list[TimeEntry]
    priced: Priced
    contract: Contract | None
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def is_editable(self) -> bool:
        return self.timesheet is None or self.timesheet.is_editable


def month_page(
    *, programme: Programme, person: User, month: datetime.date, today: datetime.date
) -> MonthPage:
    """One month of the person's hours, with meetings they attended offered as entries."""
    timesheet = (
        Timesheet.objects.filter(programme=programme, person=person, month=month)
        .select_related("decided_by")
        .first()
    )
    entries = (
        list(timesheet.entries.select_related("meeting__group").order_by("date", "pk"))
        if timesheet
        else []
    )
    contracts = list(Contract.objects.filter(programme=programme, person=person))
    end = next_month(month) - datetime.timedelta(days=1)
    in_month = [c for c in contracts if c.starts_on <= end and c.ends_on >= month]
    page = MonthPage(
        month=month,
        timesheet=timesheet,
        entries=entries,
        priced=price_entries(entries, contracts),
        contract=in_month[-1] if in_month else None,
    )
    if page.is_editable:
        page.suggestions = attendance_suggestions(
            programme=programme, person=person, month=month, today=today, contracts=contracts
        )
    return page


def attendance_suggestions(
    *, programme: Programme, person: User, month: datetime.date, today: datetime.date, contracts
) -> list[Suggestion]:
    """Meetings the person was present at this month, not yet logged, on a contract day."""
    start, end = _month_bounds(month)
    logged = TimeEntry.objects.filter(
        timesheet__programme=programme, timesheet__person=person, meeting__isnull=False
    ).values("meeting_id")
    attendances = (
        Attendance.objects.filter(
            membership__person=person,
            membership__group__programmes=programme,
            status=Attendance.Status.PRESENT,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(meeting_id__in=logged)
        .select_related("meeting__group")
        .order_by("meeting__starts_at")
    )
    suggestions = []
    seen = set()
    for attendance in attendances:
        meeting = attendance.meeting
        day = timezone.localdate(meeting.starts_at)
        if meeting.pk in seen or day > today or contract_on(contracts, day) is None:
            continue
        seen.add(meeting.pk)
        suggestions.append(Suggestion(meeting=meeting, date=day, hours=suggested_hours(meeting)))
    return suggestions


def own_entry(*, programme: Programme, person: User, entry_id: int) -> TimeEntry:
    entry = (
        TimeEntry.objects.filter(
            pk=entry_id, timesheet__programme=programme, timesheet__person=person
        )
        .select_related("timesheet")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def attended_meeting(*, programme: Programme, person: User, meeting_id: int) -> Meeting:
    """A meeting of the programme the person was present at; 404 otherwise."""
    meeting = Meeting.objects.filter(
        pk=meeting_id,
        attendances__membership__person=person,
        attendances__membership__group__programmes=programme,
        attendances__status=Attendance.Status.PRESENT,
    ).first()
    if meeting is None:
        raise Http404
    return meeting


# --- The coordinator's view of everyone's months ----------------------------------------


@dataclass
class TimesheetRow:
    timesheet: Timesheet
    priced: Priced


def timesheet_rows(
    *,
    programme: Programme,
    status: str = "",
    month: datetime.date | None = None,
    timesheet_id: int | None = None,
) -> list[TimesheetRow]:
    """Every timesheet of the programme with hours and amount; waiting ones first. 3 queries."""
    timesheets = (
        Timesheet.objects.filter(programme=programme)
        .select_related("person", "decided_by")
        .prefetch_related(Prefetch("entries", queryset=TimeEntry.objects.order_by("date", "pk")))
    )
    if status:
        timesheets = timesheets.filter(status=status)
    if month:
        timesheets = timesheets.filter(month=month)
    if timesheet_id is not None:
        timesheets = timesheets.filter(pk=timesheet_id)
    contracts = _contracts_by_person(programme)
    rows = [
        TimesheetRow(timesheet=t, priced=price_entries(t.entries.all(), contracts[t.person_id]))
        for t in timesheets
    ]
    waiting = {Timesheet.Status.SUBMITTED: 0}
    rows.sort(key=lambda r: (waiting.get(r.timesheet.status, 1), -r.timesheet.month.toordinal()))
    return rows


def timesheet_for_coordinator(*, access: ProgrammeAccess, timesheet_id: int) -> TimesheetRow:
    if not rules.can_manage(access):
        raise Http404
    rows = timesheet_rows(programme=access.programme, timesheet_id=timesheet_id)
    if not rows:
        raise Http404
    return rows[0]


def _contracts_by_person(programme: Programme) -> dict[int, list[Contract]]:
    by_person = defaultdict(list)
    for contract in Contract.objects.filter(programme=programme).order_by("starts_on"):
        by_person[contract.person_id].append(contract)
    return by_person


# --- Payroll ------------------------------------------------------------------------------


@dataclass
class PayrollRow:
    person: User
    employee_number: str
    month: datetime.date
    hours: Decimal
    rates: list[Decimal]
    amount: Decimal
    approved_by: User | None
    approved_at: datetime.datetime | None
    hours_without_contract: Decimal = Decimal("0")


def payroll_rows(*, programme: Programme, month: datetime.date) -> list[PayrollRow]:
    """One row per person with an approved month: hours, pay and the amount to the øre."""
    rows = []
    contracts = _contracts_by_person(programme)
    for row in timesheet_rows(programme=programme, status=Timesheet.Status.APPROVED, month=month):
        timesheet, priced = row.timesheet, row.priced
        person_contracts = contracts[timesheet.person_id]
        in_month = [
            c
            for c in person_contracts
            if c.starts_on < next_month(month) and c.ends_on >= month and c.employee_number
        ]
        rows.append(
            PayrollRow(
                person=timesheet.person,
                employee_number=in_month[-1].employee_number if in_month else "",
                month=month,
                hours=priced.hours,
                rates=priced.rates,
                amount=priced.amount,
                approved_by=timesheet.decided_by,
                approved_at=timesheet.decided_at,
                hours_without_contract=sum((e.hours for e in priced.unpriced), Decimal("0")),
            )
        )
    rows.sort(key=lambda r: r.person.display_name)
    return rows


def payroll_months(*, programme: Programme) -> list[datetime.date]:
    """Months with at least one approved timesheet, newest first."""
    return list(
        Timesheet.objects.filter(programme=programme, status=Timesheet.Status.APPROVED)
        .values_list("month", flat=True)
        .distinct()
        .order_by("-month")
    )


# --- Budget -------------------------------------------------------------------------------

WARNING_AT = Decimal("80")
OVER_AT = Decimal("100")


@dataclass
class BudgetMonth:
    month: datetime.date
    hours: Decimal
    amount: Decimal
    cumulative_hours: Decimal
    cumulative_amount: Decimal


@dataclass
class BudgetOverview:
    budget_nok: Decimal | None
    budget_hours: Decimal | None
    months: list[BudgetMonth]
    hours: Decimal
    amount: Decimal
    waiting_hours: Decimal
    waiting_amount: Decimal

    @staticmethod
    def _percent(used: Decimal, budget: Decimal | None) -> Decimal | None:
        if not budget:
            return None
        return (used * 100 / budget).quantize(Decimal("1"))

    @property
    def percent_nok(self) -> Decimal | None:
        return self._percent(self.amount, self.budget_nok)

    @property
    def percent_hours(self) -> Decimal | None:
        return self._percent(self.hours, self.budget_hours)

    @property
    def level(self) -> str:
        """ "over" at 100 % of either budget line, "warning" at 80 %, else "ok"."""
        percents = [p for p in (self.percent_nok, self.percent_hours) if p is not None]
        if any(p >= OVER_AT for p in percents):
            return "over"
        if any(p >= WARNING_AT for p in percents):
            return "warning"
        return "ok"

    @property
    def remaining_nok(self) -> Decimal | None:
        return None if self.budget_nok is None else self.budget_nok - self.amount

    @property
    def remaining_hours(self) -> Decimal | None:
        return None if self.budget_hours is None else self.budget_hours - self.hours


def budget_overview(*, programme: Programme) -> BudgetOverview:
    """Approved spend per month against the programme's budget line, oldest month first."""
    by_month: dict[datetime.date, list[TimesheetRow]] = defaultdict(list)
    waiting_hours, waiting_amount = Decimal("0"), Decimal("0")
    for row in timesheet_rows(programme=programme):
        if row.timesheet.is_approved:
            by_month[row.timesheet.month].append(row)
        elif row.timesheet.status == Timesheet.Status.SUBMITTED:
            waiting_hours += row.priced.hours
            waiting_amount += row.priced.amount
    months, total_hours, total_amount = [], Decimal("0"), Decimal("0")
    for month in sorted(by_month):
        hours = sum((r.priced.hours for r in by_month[month]), Decimal("0"))
        amount = sum((r.priced.amount for r in by_month[month]), Decimal("0"))
        total_hours += hours
        total_amount += amount
        months.append(BudgetMonth(month, hours, to_ore(amount), total_hours, total_amount))
    return BudgetOverview(
        budget_nok=programme.budget_nok,
        budget_hours=programme.budget_hours,
        months=months,
        hours=total_hours,
        amount=to_ore(total_amount),
        waiting_hours=waiting_hours,
        waiting_amount=to_ore(waiting_amount),
    )


def month_or_404(year: int, month: int) -> datetime.date:
    try:
        return datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None
