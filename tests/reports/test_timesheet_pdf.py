"""A paid representative's month as a PDF: their own, or any for a coordinator; 404 for the
rest. The text shows the entries, the pay, the totals in Norwegian form and the approval."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participation.models import Membership
from participation.services.meetings import local_datetime
from resourcegroup.models import TimeEntry, Timesheet
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory
from tests.resourcegroup.factories import ContractFactory, TimeEntryFactory, TimesheetFactory

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2024, 3, 1)


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages).replace("\u00a0", " "))


def _rep(cast, name, email):
    person = MembershipFactory(
        person__email=email,
        person__display_name=name,
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
    ).person
    ContractFactory(programme=cast.programme, person=person, hourly_pay=Decimal("250.50"))
    return person


@pytest.fixture
def reps(cast):
    return (
        _rep(cast, "Emma Johansen", "emma.rep@example.org"),
        _rep(cast, "Sander Myhre", "sander.rep@example.org"),
    )


@pytest.fixture
def timesheet(cast, reps):
    """Emma's March: 2 h preparation and 3.5 h at a meeting, approved by the coordinator."""
    emma = reps[0]
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=emma,
        month=MARCH,
        status=Timesheet.Status.APPROVED,
        submitted_at=local_datetime(datetime.date(2024, 4, 1), datetime.time(9, 0)),
        decided_at=local_datetime(datetime.date(2024, 4, 3), datetime.time(12, 0)),
        decided_by=cast.coordinator,
    )
    meeting = MeetingFactory(
        group=cast.resource_group,
        title="Gruppemøte i mars",
        starts_at=local_datetime(datetime.date(2024, 3, 12), datetime.time(17, 0)),
        ends_at=local_datetime(datetime.date(2024, 3, 12), datetime.time(20, 30)),
    )
    TimeEntryFactory(
        timesheet=timesheet,
        date=datetime.date(2024, 3, 5),
        hours=Decimal("2"),
        activity=TimeEntry.Activity.PREPARATION,
        comment="Leste innkallingsbrevene",
    )
    TimeEntryFactory(
        timesheet=timesheet,
        date=datetime.date(2024, 3, 12),
        hours=Decimal("3.5"),
        activity=TimeEntry.Activity.GROUP_MEETING,
        meeting=meeting,
    )
    return timesheet


def _url(cast, timesheet):
    return reverse(
        "reports:timesheet_pdf",
        kwargs={"slug": cast.programme.slug, "timesheet_id": timesheet.pk},
    )


def test_representative_gets_their_own_month(login, client, cast, reps, timesheet):
    login(reps[0])

    response = client.get(_url(cast, timesheet), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "Emma Johansen" in text and "March 2024" in text
    assert "250.50 kr" in text
    assert "5 March 2024" in text and "12 March 2024" in text
    # Hours as on the app's pages (participation.formatting): 2, 3.5 in English.
    assert "3.5" in text and "3.50" not in text
    assert "Preparation" in text and "Group meeting" in text
    assert "Gruppemøte i mars" in text and "Leste innkallingsbrevene" in text
    # 5.5 hours at 250.50 NOK.
    assert "5.5" in text and "1,377.75 kr" in text
    assert "Approved" in text and "3 April 2024 by Hanne Koordinator" in text


def test_norwegian_request_gets_norwegian_months(login, client, cast, reps, timesheet):
    login(reps[0])

    text = _text(client.get(_url(cast, timesheet), HTTP_ACCEPT_LANGUAGE="nb").content)

    assert "mars 2024" in text and "1 377,75 kr" in text


def test_pdf_is_tagged_with_language_and_title(login, client, cast, reps, timesheet):
    login(reps[0])

    pdf = client.get(_url(cast, timesheet), HTTP_ACCEPT_LANGUAGE="en").content

    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "Timesheet: Emma Johansen, March 2024"


def test_coordinator_gets_anyones_month(login, client, cast, timesheet):
    login(cast.coordinator)

    response = client.get(_url(cast, timesheet))

    assert response.status_code == 200
    assert "Emma Johansen" in _text(response.content)


def test_another_representative_gets_404(login, client, cast, reps, timesheet):
    login(reps[1])

    assert client.get(_url(cast, timesheet)).status_code == 404


@pytest.mark.parametrize("role", ["member", "advisor", "leader", "outsider"])
def test_everyone_else_gets_404(login, client, cast, timesheet, role):
    login(getattr(cast, role))

    assert client.get(_url(cast, timesheet)).status_code == 404


def test_timesheet_of_another_programme_is_a_404(login, client, cast, reps):
    other = TimesheetFactory(programme=cast.other_programme, person=reps[0], month=MARCH)
    login(cast.coordinator)
    assert client.get(_url(cast, other)).status_code == 404

    login(reps[0])
    assert client.get(_url(cast, other)).status_code == 404


def test_anonymous_is_sent_to_login(client, cast, timesheet):
    response = client.get(_url(cast, timesheet))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_month_without_entries_still_renders(login, client, cast, reps):
    empty = TimesheetFactory(programme=cast.programme, person=reps[1], month=MARCH)
    login(reps[1])

    response = client.get(_url(cast, empty), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    text = _text(response.content)
    assert "No hours logged this month." in text and "0.00 kr" in text


def test_the_timesheet_pages_link_to_the_pdf(login, client, cast, reps, timesheet):
    login(reps[0])
    month_page = reverse(
        "resourcegroup:my_month", kwargs={"slug": cast.programme.slug, "year": 2024, "month": 3}
    )
    assert _url(cast, timesheet) in client.get(month_page).content.decode()

    login(cast.coordinator)
    detail = reverse(
        "resourcegroup:timesheet_detail",
        kwargs={"slug": cast.programme.slug, "timesheet_id": timesheet.pk},
    )
    assert _url(cast, timesheet) in client.get(detail).content.decode()


def test_queries_do_not_grow_with_entries(login, client, cast, timesheet):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(cast.coordinator)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(cast, timesheet)).status_code == 200
        return len(captured)

    before = count()
    for day in range(13, 20):
        meeting = MeetingFactory(
            group=cast.resource_group,
            starts_at=local_datetime(datetime.date(2024, 3, day), datetime.time(17, 0)),
            ends_at=local_datetime(datetime.date(2024, 3, day), datetime.time(19, 0)),
        )
        TimeEntryFactory(timesheet=timesheet, date=datetime.date(2024, 3, day), meeting=meeting)

    assert count() == before
