import csv
import datetime
import io
from decimal import Decimal

import pytest

from resourcegroup.models import Timesheet
from resourcegroup.payroll import payroll_csv
from resourcegroup.selectors.hours import budget_overview, payroll_rows
from resourcegroup.services.contracts import contract_renew
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

D = datetime.date


def _month(cast, person, month, hours_by_day, status=Timesheet.Status.APPROVED, by=None):
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=person,
        month=month,
        status=status,
        decided_by=by,
        decided_at=datetime.datetime(2024, 4, 3, 8, 30, tzinfo=datetime.UTC) if by else None,
    )
    for day, hours in hours_by_day:
        TimeEntryFactory(timesheet=timesheet, date=month.replace(day=day), hours=Decimal(hours))
    return timesheet


def test_payroll_has_one_row_per_person_with_the_amount_to_the_ore(cast, reps):
    _month(cast, reps.emma, D(2024, 3, 1), [(5, "2.5"), (12, "1.75")], by=cast.coordinator)
    _month(cast, reps.sander, D(2024, 3, 1), [(6, "3")], by=cast.coordinator)
    _month(cast, reps.sander, D(2024, 4, 1), [(6, "3")], by=cast.coordinator)

    rows = payroll_rows(programme=cast.programme, month=D(2024, 3, 1))

    assert [(r.person, r.hours, r.amount) for r in rows] == [
        (reps.emma, Decimal("4.25"), Decimal("850.00")),
        (reps.sander, Decimal("3.00"), Decimal("600.00")),
    ]
    assert rows[1].employee_number == "10234"
    assert rows[0].approved_by == cast.coordinator


def test_months_not_approved_are_not_paid(cast, reps):
    _month(cast, reps.emma, D(2024, 3, 1), [(5, "2")], status=Timesheet.Status.SUBMITTED)
    _month(cast, reps.sander, D(2024, 3, 1), [(5, "2")], status=Timesheet.Status.RETURNED)

    assert payroll_rows(programme=cast.programme, month=D(2024, 3, 1)) == []


def test_a_month_with_a_rate_change_pays_each_day_at_its_rate(cast, reps):
    contract_renew(
        contract=reps.emma_contract,
        hourly_pay=Decimal("212.35"),
        starts_on=D(2024, 3, 16),
        ends_on=D(2025, 12, 31),
        expected_hours_per_month=Decimal("20"),
    )
    _month(
        cast,
        reps.emma,
        D(2024, 3, 1),
        [(5, "2"), (15, "1"), (16, "1.25"), (30, "2.5")],
        by=cast.coordinator,
    )

    (row,) = payroll_rows(programme=cast.programme, month=D(2024, 3, 1))

    # 3 h × 200 = 600; 3.75 h × 212.35 = 796.3125 → 1396.3125 → 1396.31
    assert row.amount == Decimal("1396.31")
    assert row.rates == [Decimal("200.00"), Decimal("212.35")]
    assert isinstance(row.amount, Decimal)


def test_the_payroll_csv_reads_as_columns_with_a_decimal_comma(cast, reps):
    _month(cast, reps.sander, D(2024, 3, 1), [(5, "2.25")], by=cast.coordinator)
    rows = payroll_rows(programme=cast.programme, month=D(2024, 3, 1))

    text = payroll_csv(rows)

    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert table[0] == [
        "Name",
        "Employee number",
        "Month",
        "Hours",
        "Hourly pay (NOK)",
        "Amount (NOK)",
        "Approved by",
        "Approved at",
    ]
    assert table[1] == [
        "Sander Myhre",
        "10234",
        "2024-03",
        "2,25",
        "200,00",
        "450,00",
        "Hanne Koordinator",
        "2024-04-03 10:30",
    ]


def test_budget_shows_approved_spend_per_month_and_no_warning_below_80_percent(cast, reps):
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(
        budget_nok=Decimal("10000"), budget_hours=Decimal("100")
    )
    cast.programme.refresh_from_db()
    _month(cast, reps.emma, D(2024, 3, 1), [(5, "10")], by=cast.coordinator)
    _month(cast, reps.emma, D(2024, 4, 1), [(5, "5")], by=cast.coordinator)
    _month(cast, reps.sander, D(2024, 4, 1), [(5, "4")], status=Timesheet.Status.SUBMITTED)

    budget = budget_overview(programme=cast.programme)

    assert [(m.month, m.amount, m.cumulative_amount) for m in budget.months] == [
        (D(2024, 3, 1), Decimal("2000.00"), Decimal("2000.00")),
        (D(2024, 4, 1), Decimal("1000.00"), Decimal("3000.00")),
    ]
    assert budget.percent_nok == 30
    assert budget.waiting_amount == Decimal("800.00")
    assert budget.level == "ok"


@pytest.mark.parametrize(
    ("hours", "level"), [("3.75", "ok"), ("4", "warning"), ("4.75", "warning"), ("5", "over")]
)
def test_budget_warns_at_80_and_100_percent(cast, reps, hours, level):
    # 1000 NOK at 200 NOK an hour: 4 hours is 80 %, 5 hours is 100 %.
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(budget_nok=Decimal("1000"))
    cast.programme.refresh_from_db()
    _month(cast, reps.emma, D(2024, 3, 1), [(5, hours)], by=cast.coordinator)

    assert budget_overview(programme=cast.programme).level == level


def test_the_hours_budget_warns_too(cast, reps):
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(budget_hours=Decimal("10"))
    cast.programme.refresh_from_db()
    _month(cast, reps.emma, D(2024, 3, 1), [(5, "8")], by=cast.coordinator)

    budget = budget_overview(programme=cast.programme)

    assert budget.percent_hours == 80
    assert budget.level == "warning"


def test_no_budget_means_no_warning(cast, reps):
    _month(cast, reps.emma, D(2024, 3, 1), [(5, "8")], by=cast.coordinator)

    budget = budget_overview(programme=cast.programme)

    assert budget.percent_nok is None
    assert budget.level == "ok"
