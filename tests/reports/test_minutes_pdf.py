"""The approved minutes of a meeting as a PDF: only approved minutes, only for those who may
see the meeting; the text the members read, and a tagged PDF with language and title."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participation.models import Attendance, Meeting, Membership
from participation.services.meetings import local_datetime
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 11, 20)


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages).replace("\u00a0", " "))


@pytest.fixture
def meeting(cast):
    """A resource-group meeting with attendance, two items, a decision and an action item."""
    meeting = MeetingFactory(
        group=cast.resource_group,
        title="Møte om brevene fra NAV",
        starts_at=local_datetime(DAY, datetime.time(17, 0)),
        ends_at=local_datetime(DAY, datetime.time(19, 0)),
        place="Gjøvik bibliotek, møterom 2",
        minutes_summary="Godt oppmøte og god stemning.",
        minutes_status=Meeting.MinutesStatus.APPROVED,
        minutes_approved_at=local_datetime(datetime.date(2024, 11, 25), datetime.time(10, 0)),
        minutes_approved_by=cast.coordinator,
    )
    emma = Membership.objects.get(person=cast.member, group=cast.resource_group)
    jonas = MembershipFactory(person__display_name="Jonas Berg", group=cast.resource_group)
    ida = MembershipFactory(person__display_name="Ida Lie", group=cast.resource_group)
    AttendanceFactory(meeting=meeting, membership=emma, status=Attendance.Status.PRESENT)
    AttendanceFactory(meeting=meeting, membership=jonas, status=Attendance.Status.NOTICE)
    AttendanceFactory(meeting=meeting, membership=ida, status=Attendance.Status.ABSENT)
    letters = AgendaItemFactory(
        meeting=meeting,
        number=2,
        title="Brevene om aktivitetsplikt",
        minutes="Brevene er vanskelige å forstå. Gruppa skriver om ett brev.",
    )
    AgendaItemFactory(
        meeting=meeting,
        number=1,
        title="Fra brukerne",
        is_from_users=True,
        minutes="Emma fortalte om møtet på NAV Gjøvik.",
    )
    DecisionFactory(meeting=meeting, agenda_item=letters, text="Vi skriver om innkallingsbrevet.")
    ActionItemFactory(
        meeting=meeting,
        title="Sende utkast til koordinatoren",
        owner=cast.member,
        due_on=datetime.date(2024, 12, 6),
    )
    return meeting


def _url(cast, meeting):
    return reverse(
        "reports:meeting_minutes_pdf",
        kwargs={"slug": cast.programme.slug, "meeting_id": meeting.pk},
    )


def test_member_gets_the_approved_minutes_in_norwegian(login, cast, meeting):
    client = login(cast.member)

    response = client.get(_url(cast, meeting), HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "Ressursgruppa" in text and "Møte om brevene fra NAV" in text
    assert "20. november 2024" in text and "17.00–19.00" in text
    assert "Gjøvik bibliotek, møterom 2" in text
    assert "Emma Medlem" in text and "Jonas Berg" in text and "Ida Lie" in text
    assert "Godt oppmøte og god stemning." in text
    assert "Brevene er vanskelige å forstå." in text
    assert "Emma fortalte om møtet på NAV Gjøvik." in text
    # The users' own item comes first, as on the meeting page.
    assert text.index("Fra brukerne") < text.index("Brevene om aktivitetsplikt")
    assert "Vi skriver om innkallingsbrevet." in text
    assert "Sende utkast til koordinatoren" in text and "6. desember 2024" in text
    assert "25. november 2024" in text and "Hanne Koordinator" in text


def test_english_request_gets_english_labels(login, client, cast, meeting):
    login(cast.member)

    response = client.get(_url(cast, meeting), HTTP_ACCEPT_LANGUAGE="en")

    text = _text(response.content)
    assert "Present: Emma Medlem" in text or ("Present" in text and "Emma Medlem" in text)
    assert "Absent with notice" in text and "Jonas Berg" in text
    assert "Approved 25 November 2024 by Hanne Koordinator." in text
    assert "Action items" in text and "By when" in text


def test_pdf_is_tagged_with_language_and_title(login, client, cast, meeting):
    login(cast.member)

    pdf = client.get(_url(cast, meeting), HTTP_ACCEPT_LANGUAGE="en").content

    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "Minutes: Ressursgruppa, 20 November 2024"


def test_norwegian_request_gets_a_norwegian_pdf(login, cast, meeting):
    client = login(cast.member)

    pdf = client.get(_url(cast, meeting), HTTP_ACCEPT_LANGUAGE="nb").content
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]

    assert root["/Lang"] == "nb"


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_coordinator_and_steering_group_get_it(login, cast, meeting, role):
    client = login(getattr(cast, role))

    assert client.get(_url(cast, meeting)).status_code == 200


@pytest.mark.parametrize("status", [Meeting.MinutesStatus.DRAFT, Meeting.MinutesStatus.NONE])
def test_minutes_not_approved_are_a_404_even_for_the_coordinator(login, cast, meeting, status):
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=status)
    client = login(cast.coordinator)

    assert client.get(_url(cast, meeting)).status_code == 404


@pytest.mark.parametrize("role", ["advisor", "outsider"])
def test_member_of_another_group_and_outsider_get_404(login, cast, meeting, role):
    client = login(getattr(cast, role))

    assert client.get(_url(cast, meeting)).status_code == 404


def test_meeting_of_another_programme_is_a_404(login, cast):
    other = MeetingFactory(group=cast.other_group, minutes_status=Meeting.MinutesStatus.APPROVED)
    client = login(cast.coordinator)

    assert client.get(_url(cast, other)).status_code == 404


def test_anonymous_is_sent_to_login(client, cast, meeting):
    response = client.get(_url(cast, meeting))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_meeting_page_links_to_the_pdf_only_when_approved(login, cast, meeting):
    client = login(cast.member)
    page = reverse("meeting_detail", kwargs={"slug": cast.programme.slug, "meeting_id": meeting.pk})

    assert _url(cast, meeting) in client.get(page).content.decode()

    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.DRAFT)
    login(cast.coordinator)
    assert _url(cast, meeting) not in client.get(page).content.decode()


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_items_people_and_actions(login, cast, meeting):
    client = login(cast.member)
    before = _queries(client, _url(cast, meeting))

    for number in range(3, 8):
        AgendaItemFactory(meeting=meeting, number=number, minutes="Notert.")
        membership = MembershipFactory(group=cast.resource_group)
        AttendanceFactory(meeting=meeting, membership=membership)
        ActionItemFactory(meeting=meeting, owner=membership.person)
        DecisionFactory(meeting=meeting)

    assert _queries(client, _url(cast, meeting)) == before
