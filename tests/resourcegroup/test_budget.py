"""The budget: each line's used, committed and left, counted by hand; the budget page, the
payroll page and the steering report agree; coordinators keep it, the steering group reads it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from participation.models import Membership
from reports import sections
from reports.sections import Period, ReportInput
from resourcegroup.models import BudgetLine, Honorarium, OtherCost, Timesheet
from resourcegroup.payroll import payroll_totals
from resourcegroup.selectors.budget import budget_status, period_share_gone, spend_totals
from resourcegroup.selectors.honoraria import payroll_extra_months, payroll_extras
from resourcegroup.selectors.hours import payroll_months, payroll_rows
from tests.participation.factories_meetings import MeetingFactory
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory
from tests.resourcegroup.factories_honoraria import TravelClaimFactory

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/p/best/resource-group/budget/"
LINES_URL = URL + "lines/"


def _month(cast, person, month, hours, status=Timesheet.Status.APPROVED):
    timesheet = TimesheetFactory(
        programme=cast.programme, person=person, month=month, status=status
    )
    TimeEntryFactory(timesheet=timesheet, date=month.replace(day=5), hours=Decimal(hours))


def _honorarium(cast, day, status):
    meeting = MeetingFactory(
        group=cast.resource_group,
        starts_at=datetime.datetime.combine(day, datetime.time(16), tzinfo=datetime.UTC),
    )
    return Honorarium.objects.create(
        programme=cast.programme,
        person=cast.member,
        membership=Membership.objects.get(person=cast.member, group=cast.resource_group),
        meeting=meeting,
        date=day,
        month=day.replace(day=1),
        amount=Decimal("350.00"),
        status=status,
    )


def _line(cast, kind, name, amount):
    return BudgetLine.objects.create(
        programme=cast.programme, kind=kind, name=name, amount=Decimal(amount)
    )


@pytest.fixture
def counted(cast, reps):
    """A year (2024) with every kind of spend, approved and waiting. Worked out by hand:
    hours   approved 10 h × 200 (March) + 5 h × 200 (April) = 3 000, waiting 2 h × 200 = 400
    honoraria approved 2 × 350 = 700, waiting 1 × 350 = 350
    travel  approved ticket 62, waiting ticket 120
    food    1 450 on 10 March (used), 6 000 on 1 September (committed on 1 July)."""
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(ends_on=D(2024, 12, 31))
    cast.programme.refresh_from_db()
    _month(cast, reps.emma, D(2024, 3, 1), "10")
    _month(cast, reps.sander, D(2024, 4, 1), "5")
    _month(cast, reps.emma, D(2024, 5, 1), "2", status=Timesheet.Status.SUBMITTED)
    _honorarium(cast, D(2024, 3, 4), Honorarium.Status.APPROVED)
    _honorarium(cast, D(2024, 3, 18), Honorarium.Status.APPROVED)
    _honorarium(cast, D(2024, 4, 1), Honorarium.Status.PROPOSED)
    _honorarium(cast, D(2024, 4, 15), Honorarium.Status.DECLINED)
    TravelClaimFactory(programme=cast.programme, person=cast.member, status="approved")
    TravelClaimFactory(
        programme=cast.programme,
        person=cast.member,
        date=D(2024, 4, 2),
        ticket_amount=Decimal("120.00"),
    )
    _line(cast, BudgetLine.Kind.HOURS, "Timer", "10000")
    _line(cast, BudgetLine.Kind.HONORARIA, "Honorar", "2000")
    _line(cast, BudgetLine.Kind.TRAVEL, "Reise", "500")
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat og lokaler", "5000")
    for day, amount in [(D(2024, 3, 10), "1450"), (D(2024, 9, 1), "6000")]:
        OtherCost.objects.create(
            programme=cast.programme, line=food, date=day, text="Mat", amount=Decimal(amount)
        )
    return cast


def test_each_line_counts_used_committed_and_left(counted):
    status = budget_status(programme=counted.programme, today=D(2024, 7, 1))

    rows = {row.line.name: (row.used, row.committed, row.left, row.pace) for row in status.lines}
    assert rows == {
        "Timer": (Decimal("3000"), Decimal("400"), Decimal("6600"), "on_track"),
        "Honorar": (Decimal("700"), Decimal("350"), Decimal("950"), "on_track"),
        "Reise": (Decimal("62"), Decimal("120"), Decimal("318"), "on_track"),
        # 1 450 + 6 000 is more than 5 000.
        "Mat og lokaler": (Decimal("1450"), Decimal("6000"), Decimal("-2450"), "over"),
    }
    assert (status.amount, status.used, status.committed, status.left) == (
        Decimal("17500"),
        Decimal("5212"),
        Decimal("6870"),
        Decimal("5418"),
    )


def test_a_cost_dated_today_is_used_and_later_is_committed(counted):
    status = budget_status(programme=counted.programme, today=D(2024, 9, 1))

    food = next(row for row in status.lines if row.line.kind == BudgetLine.Kind.OTHER)
    assert (food.used, food.committed) == (Decimal("7450"), Decimal("0"))


def test_a_line_spent_faster_than_the_period_is_flagged(counted):
    # 1 January is 1 of 366 days; 3 000 of 10 000 is 30 %, more than ten points ahead.
    status = budget_status(programme=counted.programme, today=D(2024, 1, 1))

    assert status.period_share == 0
    assert next(r for r in status.lines if r.line.name == "Timer").pace == "ahead"


def test_the_share_of_the_period_gone(cast):
    programme = cast.programme
    programme.starts_on, programme.ends_on = D(2024, 1, 1), D(2024, 12, 31)

    # 183 of 366 days by 1 July; none before the start; all after the end.
    assert period_share_gone(programme=programme, today=D(2024, 7, 1)) == 50
    assert period_share_gone(programme=programme, today=D(2023, 6, 1)) == 0
    assert period_share_gone(programme=programme, today=D(2025, 6, 1)) == 100
    programme.ends_on = None
    assert period_share_gone(programme=programme, today=D(2024, 7, 1)) is None


def _payroll_file_total(programme) -> Decimal:
    """The grand totals of every month's payroll file, added up."""
    months = set(payroll_months(programme=programme)) | set(
        payroll_extra_months(programme=programme)
    )
    total = Decimal("0")
    for month in months:
        footer = payroll_totals(
            payroll_rows(programme=programme, month=month),
            payroll_extras(programme=programme, month=month),
        )
        total += Decimal(footer[-1].replace(",", "."))
    return total


def test_budget_page_payroll_page_and_steering_report_agree(counted, login, client):
    login(counted.coordinator)
    budget_page = client.get(URL).context["status"].totals
    payroll_page = client.get("/p/best/resource-group/payroll/").context["totals"]
    report = sections.hours(
        ReportInput(
            programme=counted.programme,
            period=Period(start=D(2024, 1, 1), end=D(2024, 12, 31)),
            now=timezone.now(),
        )
    ).data["totals"]

    # 3 000 hours + 700 honoraria + 62 travel.
    assert budget_page.amount == payroll_page.amount == report.amount == Decimal("3762")
    assert budget_page == payroll_page == report
    assert _payroll_file_total(counted.programme) == Decimal("3762")
    assert budget_page.waiting_amount == Decimal("870")


def test_the_report_counts_only_up_to_the_end_of_its_period(counted):
    totals = spend_totals(programme=counted.programme, until=D(2024, 3, 31))

    # March only: 2 000 hours + 700 honoraria + 62 travel.
    assert (totals.hours_amount, totals.honoraria, totals.travel) == (
        Decimal("2000"),
        Decimal("700"),
        Decimal("62"),
    )


# --- The pages ------------------------------------------------------------------------------


def test_the_coordinator_records_another_cost(cast, login, client):
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat og lokaler", "20000")
    login(cast.coordinator)

    response = client.post(
        URL,
        {
            "date": cast.programme.starts_on.isoformat(),
            "line": food.pk,
            "text": "Pizza",
            "amount": "1 450,50",
        },
    )

    assert response.status_code == 302
    cost = OtherCost.objects.get()
    assert (cost.line, cost.text, cost.amount, cost.created_by) == (
        food,
        "Pizza",
        Decimal("1450.50"),
        cast.coordinator,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", "mye", "Enter a number."),
        ("amount", "0", "The amount must be more than zero."),
        ("date", "1999-01-01", "within the programme"),
        ("line", "999999", "Select a valid choice."),
    ],
)
def test_bad_other_cost_is_shown_with_every_value_kept(
    cast, login, client, english, field, value, message
):
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat og lokaler", "20000")
    login(cast.coordinator)
    data = {
        "date": cast.programme.starts_on.isoformat(),
        "line": food.pk,
        "text": "Pizza på fagdag",
        "amount": "300",
    }
    data[field] = value

    response = client.post(URL, data)

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "Pizza på fagdag" in body
    assert not OtherCost.objects.exists()


def test_another_programmes_line_cannot_be_chosen(cast, login, client, english):
    theirs = BudgetLine.objects.create(
        programme=cast.other_programme, kind="other", name="Mat", amount=Decimal("100")
    )
    login(cast.coordinator)

    response = client.post(
        URL,
        {
            "date": cast.programme.starts_on.isoformat(),
            "line": theirs.pk,
            "text": "X",
            "amount": "10",
        },
    )

    assert response.status_code == 200
    assert not OtherCost.objects.exists()


def test_the_coordinator_adds_and_changes_a_line(cast, login, client):
    login(cast.coordinator)

    response = client.post(LINES_URL, {"kind": "hours", "name": "Timer", "amount": "120 000"})

    assert response.status_code == 302
    line = BudgetLine.objects.get()
    assert (line.kind, line.name, line.amount) == ("hours", "Timer", Decimal("120000"))
    client.post(f"{LINES_URL}{line.pk}/", {"kind": "hours", "name": "Timer", "amount": "90000"})
    line.refresh_from_db()
    assert line.amount == Decimal("90000")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "hours", "name": "Flere timer", "amount": "100"}, "already has a line for"),
        ({"kind": "other", "name": "timer", "amount": "100"}, "Another line already has this"),
        ({"kind": "other", "name": "Mat", "amount": "-5"}, "greater than or equal to 0"),
        ({"kind": "bingo", "name": "Mat", "amount": "5"}, "Select a valid choice."),
    ],
)
def test_a_bad_line_is_refused_with_the_values_kept(cast, login, client, english, data, message):
    _line(cast, BudgetLine.Kind.HOURS, "Timer", "1000")
    login(cast.coordinator)

    response = client.post(LINES_URL, data)

    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'value="{data["name"]}"' in body
    assert BudgetLine.objects.count() == 1


def test_a_line_with_costs_keeps_its_kind(cast, login, client, english):
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat", "1000")
    OtherCost.objects.create(
        programme=cast.programme, line=food, date=D(2024, 3, 1), text="Pizza", amount=Decimal("5")
    )
    login(cast.coordinator)

    response = client.post(
        f"{LINES_URL}{food.pk}/", {"kind": "travel", "name": "Mat", "amount": "1000"}
    )

    assert "its kind cannot change" in response.content.decode()
    food.refresh_from_db()
    assert food.kind == "other"


def test_the_steering_group_reads_the_budget_but_cannot_change_it(cast, login, client):
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat og lokaler", "20000")
    login(cast.leader)

    page = client.get(URL)

    assert page.status_code == 200
    assert "Mat og lokaler" in page.content.decode()
    assert page.context["form"] is None
    data = {"date": "2024-03-01", "line": food.pk, "text": "Pizza", "amount": "5"}
    assert client.post(URL, data).status_code == 404
    assert client.get(LINES_URL).status_code == 404
    assert client.get(f"{LINES_URL}{food.pk}/").status_code == 404
    assert not OtherCost.objects.exists()


@pytest.mark.parametrize("who", ["member", "advisor", "outsider"])
def test_others_get_404(cast, login, client, who):
    food = _line(cast, BudgetLine.Kind.OTHER, "Mat", "20000")
    login(getattr(cast, who))

    assert client.get(URL).status_code == 404
    assert client.get(LINES_URL).status_code == 404
    assert client.get(f"{LINES_URL}{food.pk}/").status_code == 404


def test_another_programmes_line_is_404_for_the_coordinator(cast, login, client):
    theirs = BudgetLine.objects.create(
        programme=cast.other_programme, kind="other", name="Mat", amount=Decimal("100")
    )
    login(cast.coordinator)

    assert client.get(f"{LINES_URL}{theirs.pk}/").status_code == 404


def test_the_steering_group_finds_the_budget_in_the_menu(cast, login, client, english):
    login(cast.leader)

    body = client.get("/p/best/").content.decode()

    assert f'href="{URL}"' in body


def test_members_find_no_budget_in_the_menu(cast, login, client, english):
    login(cast.member)

    assert f'href="{URL}"' not in client.get("/p/best/").content.decode()


def test_the_steering_report_shows_the_lines_as_of_the_end_of_its_period(counted):
    data = sections.hours(
        ReportInput(
            programme=counted.programme,
            period=Period(start=D(2024, 1, 1), end=D(2024, 3, 31)),
            now=timezone.now(),
        )
    ).data

    assert data["as_of"] == D(2024, 3, 31)
    rows = {row.line.name: (row.used, row.committed) for row in data["lines"]}
    # March's approved pay only; the food bought on 10 March is used, September's committed.
    assert rows["Timer"] == (Decimal("2000"), Decimal("400"))
    assert rows["Mat og lokaler"] == (Decimal("1450"), Decimal("6000"))


def test_a_recorded_cost_is_in_the_history_with_its_actor(cast, login, client):
    from auditlog.models import LogEntry

    food = _line(cast, BudgetLine.Kind.OTHER, "Mat og lokaler", "20000")
    login(cast.coordinator)
    client.post(
        URL,
        {
            "date": cast.programme.starts_on.isoformat(),
            "line": food.pk,
            "text": "Pizza",
            "amount": "300",
        },
    )

    entry = LogEntry.objects.get_for_object(OtherCost.objects.get()).get()
    assert entry.actor == cast.coordinator
    assert entry.action == LogEntry.Action.CREATE
