"""Advisor time, planned against used, per office and month."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from ..access import (
    ProgrammeAccess,
    advisor_time_office_ids,
    advisor_time_recording_office_ids,
)
from ..models import AdvisorTimeEntry, AdvisorTimePlan, Office, Programme

MONTHS_SHOWN = 12


@dataclass(frozen=True)
class MonthUse:
    month: datetime.date
    planned: Decimal | None
    used: Decimal | None
    note: str = ""

    @property
    def is_below_plan(self) -> bool:
        return self.planned is not None and (self.used or 0) < self.planned


@dataclass
class OfficeTime:
    office: Office
    planned: Decimal | None
    can_record: bool
    months: list[MonthUse] = field(default_factory=list)

    @property
    def used_total(self) -> Decimal:
        return sum((m.used or Decimal(0) for m in self.months), Decimal(0))

    @property
    def planned_total(self) -> Decimal | None:
        return None if self.planned is None else self.planned * len(self.months)


def advisor_time_months(*, programme: Programme, today: datetime.date | None = None):
    """The months shown and recordable: up to this month, at most a year back, none before
    the programme started. Newest first."""
    this_month = (today or timezone.localdate()).replace(day=1)
    first = max(
        this_month - relativedelta(months=MONTHS_SHOWN - 1), programme.starts_on.replace(day=1)
    )
    months = []
    month = this_month
    while month >= first:
        months.append(month)
        month -= relativedelta(months=1)
    return months


def advisor_time_overview(*, access: ProgrammeAccess) -> list[OfficeTime]:
    """Each office the user may see: planned hours a month against what was used."""
    programme = access.programme
    office_ids = advisor_time_office_ids(access)
    recordable = advisor_time_recording_office_ids(access)
    months = advisor_time_months(programme=programme)
    plans = {
        p.office_id: p.hours_per_month
        for p in AdvisorTimePlan.objects.filter(programme=programme, office_id__in=office_ids)
    }
    entries = {
        (e.office_id, e.month): e
        for e in AdvisorTimeEntry.objects.filter(
            programme=programme, office_id__in=office_ids, month__in=months
        )
    }
    result = []
    for office in programme.offices.filter(pk__in=office_ids).order_by("-is_active", "name"):
        planned = plans.get(office.pk)
        row = OfficeTime(office=office, planned=planned, can_record=office.pk in recordable)
        for month in months:
            entry = entries.get((office.pk, month))
            row.months.append(
                MonthUse(
                    month=month,
                    planned=planned,
                    used=entry.hours if entry else None,
                    note=entry.note if entry else "",
                )
            )
        result.append(row)
    return result
