"""The coordinator approves months, downloads the payroll file and watches the budget."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from resourcegroup.models import Contract, PayrollExport, Timesheet
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory

pytestmark = pytest.mark.django_db

D = datetime.date
BASE = "/p/best/resource-group/"


def _submitted(cast, person, hours="2.5", month=None):
    month = month or D(2024, 3, 1)
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=person,
        month=month,
        status="submitted",
        submitted_at=timezone.now(),
    )
    TimeEntryFactory(timesheet=timesheet, hours=Decimal(hours), comment="Fagdag på Toten")
    return timesheet


def test_the_list_shows_waiting_months_first_with_hours_and_amounts(
    login, client, english, cast, reps
):
    TimeEntryFactory(
        timesheet__programme=cast.programme,
        timesheet__person=reps.sander,
        timesheet__month=D(2024, 4, 1),
        timesheet__status="approved",
    )
    _submitted(cast, reps.emma)
    login(cast.coordinator)

    body = client.get(BASE + "timesheets/").content.decode()

    assert body.index("Emma Johansen") < body.index("Sander Myhre")
    assert "500.00" in body  # an English page: a decimal point
    assert "Waiting for approval" in body


def test_the_coordinator_approves_a_month(login, client, english, cast, reps):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)

    detail = client.get(BASE + f"timesheets/{timesheet.pk}/").content.decode()
    assert "Fagdag på Toten" in detail
    assert "You approve 2.5 hours for Emma Johansen in March 2024" in detail
    response = client.post(
        BASE + f"timesheets/{timesheet.pk}/approve/", {"seen": seen(timesheet)}, follow=True
    )

    assert "is approved" in response.content.decode()
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.APPROVED
    assert timesheet.decided_by == cast.coordinator


def seen(timesheet):
    return str(int(timesheet.submitted_at.timestamp()))


def test_a_month_sent_again_after_the_coordinator_opened_it_is_not_approved(
    login, client, english, cast, reps
):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)
    opened = seen(timesheet)
    Timesheet.objects.filter(pk=timesheet.pk).update(
        submitted_at=timesheet.submitted_at + datetime.timedelta(minutes=5)
    )

    response = client.post(
        BASE + f"timesheets/{timesheet.pk}/approve/", {"seen": opened}, follow=True
    )

    assert "sent again after you opened it" in response.content.decode()
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_approving_without_having_seen_the_month_approves_nothing(
    login, client, english, cast, reps
):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)

    client.post(BASE + f"timesheets/{timesheet.pk}/approve/")

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_the_coordinator_returns_a_month_with_a_comment(login, client, english, cast, reps):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)

    client.post(BASE + f"timesheets/{timesheet.pk}/return/", {"comment": "Dato mangler"})

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.RETURNED
    assert timesheet.return_comment == "Dato mangler"


def test_returning_without_a_comment_says_what_is_missing(login, client, english, cast, reps):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)

    response = client.post(BASE + f"timesheets/{timesheet.pk}/return/", {"comment": ""})

    assert "Say what needs to be fixed" in response.content.decode()
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_approving_with_a_return_comment_typed_is_refused_and_the_comment_kept(
    login, client, english, cast, reps
):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)

    response = client.post(
        BASE + f"timesheets/{timesheet.pk}/approve/",
        {"seen": seen(timesheet), "comment": "Timene 12. mars mangler kommentar"},
        follow=True,
    )

    body = response.content.decode()
    assert "Return the month, or empty the comment, before you approve it" in body
    assert "Timene 12. mars mangler kommentar" in body
    assert "What you started writing here is kept" in body
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_a_kept_comment_is_forgotten_once_the_month_is_returned_with_it(
    login, client, english, cast, reps
):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)
    approve = BASE + f"timesheets/{timesheet.pk}/approve/"
    client.post(approve, {"seen": seen(timesheet), "comment": "Dato mangler"})

    client.post(BASE + f"timesheets/{timesheet.pk}/return/", {"comment": "Dato mangler"})

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.RETURNED
    assert "kept_typing" not in client.session or not client.session["kept_typing"]


def test_approving_with_the_comment_emptied_approves_the_month(login, client, english, cast, reps):
    timesheet = _submitted(cast, reps.emma)
    login(cast.coordinator)
    approve = BASE + f"timesheets/{timesheet.pk}/approve/"
    client.post(approve, {"seen": seen(timesheet), "comment": "Dato mangler"})

    client.post(approve, {"seen": seen(timesheet), "comment": "  "})

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.APPROVED
    detail = client.get(BASE + "timesheets/").content.decode()
    assert "Dato mangler" not in detail


def test_a_coordinator_cannot_approve_their_own_month(login, client, english, cast, reps):
    cast.programme.coordinators.add(reps.emma)
    timesheet = _submitted(cast, reps.emma)
    login(reps.emma)

    body = client.get(BASE + f"timesheets/{timesheet.pk}/").content.decode()
    assert "Another coordinator must approve it" in body
    client.post(BASE + f"timesheets/{timesheet.pk}/approve/")

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_a_timesheet_of_another_programme_is_a_404(login, client, cast, reps):
    other = TimesheetFactory(programme=cast.other_programme, person=cast.outsider)
    login(cast.coordinator)

    assert client.get(BASE + f"timesheets/{other.pk}/").status_code == 404
    assert client.post(BASE + f"timesheets/{other.pk}/approve/").status_code == 404


def test_the_payroll_page_and_file(login, client, english, cast, reps):
    timesheet = _submitted(cast, reps.sander, hours="3.75")
    timesheet.status = "approved"
    timesheet.decided_by = cast.coordinator
    timesheet.save()
    login(cast.coordinator)

    page = client.get(BASE + "payroll/?month=2024-03").content.decode()
    assert "Sander Myhre" in page
    assert "750,00" in page  # as in the file

    response = client.get(BASE + "payroll/2024/3/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "lonn-best-2024-03.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert "Sander Myhre;10234;2024-03;3,75;200,00;750,00;Hanne Koordinator" in text
    assert PayrollExport.objects.get().by == cast.coordinator


def test_the_payroll_page_survives_a_garbage_month(login, client, cast, reps):
    login(cast.coordinator)

    assert client.get(BASE + "payroll/?month=tretten").status_code == 200


def test_the_budget_page_warns_at_80_percent(login, client, english, cast, reps):
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(budget_nok=Decimal("1000"))
    TimeEntryFactory(
        timesheet__programme=cast.programme,
        timesheet__person=reps.emma,
        timesheet__status="approved",
        hours=Decimal("4.5"),
    )
    login(cast.coordinator)

    body = client.get(BASE + "budget/").content.decode()

    assert "More than 80 % of the budget is used." in body
    assert "900.00" in body


def test_the_coordinator_makes_a_contract(login, client, english, cast, reps):
    reps.emma_contract.delete()
    login(cast.coordinator)

    response = client.post(
        BASE + "contracts/new/",
        {
            "person": reps.emma.pk,
            "hourly_pay": "195,50",
            "starts_on": "2024-01-01",
            "ends_on": "2025-06-30",
            "expected_hours_per_month": "20",
            "role_description": "Talsperson",
            "employee_number": "10001",
        },
    )

    assert response.status_code == 302
    contract = Contract.objects.get(person=reps.emma)
    assert contract.hourly_pay == Decimal("195.50")


def test_a_contract_ending_before_it_starts_comes_back_with_values_kept(
    login, client, english, cast, reps
):
    reps.emma_contract.delete()
    login(cast.coordinator)

    response = client.post(
        BASE + "contracts/new/",
        {
            "person": reps.emma.pk,
            "hourly_pay": "195,50",
            "starts_on": "2024-06-01",
            "ends_on": "2024-01-01",
            "expected_hours_per_month": "20",
            "role_description": "Talsperson for gruppa",
        },
    )

    body = response.content.decode()
    assert "A contract cannot end before it starts." in body
    assert "Talsperson for gruppa" in body
    assert not Contract.objects.filter(person=reps.emma).exists()


def test_the_coordinator_renews_a_contract_with_a_new_rate(login, client, english, cast, reps):
    login(cast.coordinator)

    client.post(
        BASE + f"contracts/{reps.emma_contract.pk}/renew/",
        {
            "hourly_pay": "210",
            "starts_on": "2024-07-01",
            "ends_on": "2025-12-31",
            "expected_hours_per_month": "20",
        },
    )

    assert Contract.objects.filter(person=reps.emma).count() == 2
    reps.emma_contract.refresh_from_db()
    assert reps.emma_contract.ends_on == D(2024, 6, 30)


def test_a_representative_sees_only_their_own_contract(login, client, english, cast, reps):
    login(reps.emma)

    body = client.get(BASE + "contracts/").content.decode()

    assert "Emma Johansen" in body
    assert "Sander Myhre" not in body
    assert "10234" not in body
    assert client.get(BASE + "contracts/new/").status_code == 404
    assert client.get(BASE + f"contracts/{reps.sander_contract.pk}/renew/").status_code == 404
    assert client.get(BASE + f"contracts/{reps.emma_contract.pk}/renew/").status_code == 404


COORDINATOR_PAGES = [
    "timesheets/",
    "timesheets/{timesheet}/",
    "payroll/",
    "payroll/2024/3/csv/",
    "contracts/new/",
]


@pytest.mark.parametrize("who", ["emma", "sander", "member", "advisor", "leader", "outsider"])
def test_only_coordinators_see_others_hours_amounts_and_payroll(login, client, cast, reps, who):
    timesheet = _submitted(cast, reps.emma)
    person = getattr(reps, who, None) or getattr(cast, who)
    login(person)

    for page in COORDINATOR_PAGES:
        url = BASE + page.format(timesheet=timesheet.pk)
        assert client.get(url).status_code == 404, url
    assert client.post(BASE + f"timesheets/{timesheet.pk}/approve/").status_code == 404
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED
    assert not PayrollExport.objects.exists()


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_people_without_hours_see_no_contracts(login, client, cast, reps, who):
    login(getattr(cast, who))

    assert client.get(BASE + "contracts/").status_code == 404


@pytest.mark.parametrize("page", ["timesheets/", "payroll/", "budget/", "contracts/"])
def test_anonymous_visitors_are_sent_to_login(client, cast, page):
    response = client.get(BASE + page)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_timesheet_list_does_not_query_per_row(
    login, client, cast, reps, django_assert_max_num_queries
):
    login(cast.coordinator)
    _submitted(cast, reps.emma)
    with django_assert_max_num_queries(30) as few:
        client.get(BASE + "timesheets/")
    with django_assert_max_num_queries(40) as few_budget:
        client.get(BASE + "budget/")
    for month in range(4, 12):
        _submitted(cast, reps.emma, month=D(2024, month, 1))
        _submitted(cast, reps.sander, month=D(2024, month, 1))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(BASE + "timesheets/")
    with django_assert_max_num_queries(len(few_budget.captured_queries)):
        client.get(BASE + "budget/")


def test_the_payroll_page_shows_exactly_the_files_rows_and_totals_with_travel(
    login, client, english, cast, reps
):
    from resourcegroup.services import honoraria as honoraria_service
    from tests.resourcegroup.factories_honoraria import TravelClaimFactory

    timesheet = _submitted(cast, reps.sander, hours="3.75")
    Timesheet.objects.filter(pk=timesheet.pk).update(status="approved", decided_by=cast.coordinator)
    claim = TravelClaimFactory(programme=cast.programme, person=reps.emma, date=D(2024, 3, 12))
    honoraria_service.travel_claim_approve(claim=claim, by=cast.coordinator)
    login(cast.coordinator)

    page = client.get(BASE + "payroll/?month=2024-03").content.decode()
    csv_text = client.get(BASE + "payroll/2024/3/csv/").content.decode("utf-8-sig")

    header, *lines = [line.split(";") for line in csv_text.strip().splitlines()]
    table = page.split("<table")[1].split("</table>")[0]
    for title in header:
        assert f">{title}</th>" in table
    for line in lines:
        cells = [cell or "–" for cell in line]
        row = table.split(f">{line[0]}</th>")[1].split("</tr>")[0]
        assert [c.split(">")[-1] for c in row.split("</td>")[:-1]] == cells[1:]
    assert "Travel (NOK)" in header and "62,00" in table
    footer = table.split("<tfoot>")[1]
    assert "In all" in footer and "3,75" in footer and "812,00" in footer  # 750 + 62
