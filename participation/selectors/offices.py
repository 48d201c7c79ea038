"""Reads per office for the offices' cards in the steering report: advisor time over given
months and the inputs an office (or one of its people) owes an answer to."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from ..access import INPUT_OWNER_ROLES
from ..models import AdvisorTimeEntry, AdvisorTimePlan, Input, Membership, Programme
from .advisor_time import MonthUse


def advisor_time_per_office(
    *, programme: Programme, months: list[datetime.date]
) -> dict[int, tuple[Decimal | None, list[MonthUse]]]:
    """Office id → (planned hours a month or None, a MonthUse per month given), for every
    office of the programme, in three queries. A month nobody recorded has `used` None."""
    plans = dict(
        AdvisorTimePlan.objects.filter(programme=programme).values_list(
            "office_id", "hours_per_month"
        )
    )
    entries = {
        (e.office_id, e.month): e
        for e in AdvisorTimeEntry.objects.filter(programme=programme, month__in=months)
    }
    result = {}
    for office_id in programme.offices.values_list("pk", flat=True):
        planned = plans.get(office_id)
        uses = []
        for month in months:
            entry = entries.get((office_id, month))
            uses.append(
                MonthUse(
                    month=month,
                    planned=planned,
                    used=entry.hours if entry else None,
                    note=entry.note if entry else "",
                )
            )
        result[office_id] = (planned, uses)
    return result


def inputs_owed_per_office(
    *,
    programme: Programme,
    end: datetime.date,
    since: datetime.datetime,
) -> dict[int, list[Input]]:
    """Office id → the inputs it owed an answer to in a period: given to the office, or by name
    to one of its leaders or advisors in the programme's groups; raised by the period's end and
    not answered before it began (`since`). Two queries; the caller decides, as of its own
    moment, which were answered on time, late or not yet."""
    people_offices: dict[int, set[int]] = defaultdict(set)
    for person_id, office_id in (
        Membership.objects.filter(
            group__programmes=programme, role__in=INPUT_OWNER_ROLES, office__isnull=False
        )
        .values_list("person_id", "office_id")
        .distinct()
    ):
        people_offices[person_id].add(office_id)
    office_ids = set(programme.offices.values_list("pk", flat=True))
    inputs = (
        Input.objects.filter(programme=programme, raised_on__lte=end)
        .filter(Q(feedback_at__isnull=True) | Q(feedback_at__gte=since))
        .filter(Q(assigned_office__in=office_ids) | Q(assigned_to__in=list(people_offices)))
        .select_related("assigned_office", "assigned_to", "group")
        .order_by("feedback_due_on", "pk")
    )
    owed: dict[int, list[Input]] = defaultdict(list)
    for item in inputs:
        owners = set(people_offices.get(item.assigned_to_id, ()))
        if item.assigned_office_id:
            owners.add(item.assigned_office_id)
        for office_id in owners & office_ids:
            owed[office_id].append(item)
    return dict(owed)
