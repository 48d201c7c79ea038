"""The meeting invitation: one email per member, in their language, with the .ics attached."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from participation import services, tasks
from participation.models import AgendaItem, Meeting
from participation.services.meetings import local_datetime
from tests.participation.factories import MembershipFactory
from tests.participation.factories_calendars import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://medvirk.example.no"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MEDVIRK_BASE_URL = BASE_URL


ENGLISH_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NORWEGIAN_DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


def meeting_day() -> datetime.date:
    return datetime.date(timezone.localdate().year + 1, 3, 11)


@pytest.fixture
def meeting(cast):
    """A resource-group meeting on 11 March next year at 16:00, with an agenda."""
    day = meeting_day()
    starts_at = local_datetime(day, datetime.time(16, 0))
    meeting = MeetingFactory(
        group=cast.resource_group,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place="Gjøvik bibliotek, møterom 2",
        video_url="https://video.example.no/rom/7",
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Fra brukerne")
    AgendaItemFactory(meeting=meeting, number=2, title="Ny versjon av sjekklista")
    AgendaItemFactory(
        meeting=meeting, number=3, title="Ikke behandlet ennå", state=AgendaItem.State.PROPOSED
    )
    return meeting


def email_to(address):
    matches = [m for m in mail.outbox if m.to == [address]]
    assert len(matches) == 1, f"{len(matches)} emails to {address}"
    return matches[0]


def html_of(message) -> str:
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def ics_of(message):
    parts = [
        a
        for a in message.attachments
        if not isinstance(a, tuple) and a.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    return parts[0]


def test_every_current_member_gets_one_email(cast, meeting):
    second = MembershipFactory(group=cast.resource_group).person
    MembershipFactory(
        group=cast.resource_group, ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )

    sent = services.meeting_invitation_send(meeting=meeting)

    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.member.email, second.email])


def test_member_with_two_roles_in_the_group_gets_one_email(cast, meeting):
    MembershipFactory(person=cast.member, group=cast.resource_group, role="secretary")

    services.meeting_invitation_send(meeting=meeting)

    email_to(cast.member.email)


def test_invitation_has_time_place_video_agenda_and_link(cast, meeting):
    cast.member.language = "en"
    cast.member.save()

    services.meeting_invitation_send(meeting=meeting)

    message = email_to(cast.member.email)
    weekday = ENGLISH_DAYS[meeting_day().weekday()]
    deadline_weekday = ENGLISH_DAYS[(meeting_day().weekday() - 3) % 7]
    for body in (message.body, html_of(message)):
        assert f"{weekday} 11 March" in body
        assert "16:00" in body and "18:00" in body
        assert "Gjøvik bibliotek, møterom 2" in body
        assert "https://video.example.no/rom/7" in body
        assert "Fra brukerne" in body and "Ny versjon av sjekklista" in body
        assert "Ikke behandlet ennå" not in body
        assert f"{BASE_URL}/p/best/" in body
        assert f"propose items for the agenda until {deadline_weekday[:3]} 8 Mar, 16:00" in body
    assert "1. Fra brukerne\n2. Ny versjon av sjekklista" in message.body


def test_calendar_file_is_attached_and_parses(cast, meeting):
    services.meeting_invitation_send(meeting=meeting)

    part = ics_of(email_to(cast.member.email))

    assert part.get_param("method") == "PUBLISH"
    assert "motet.ics" in part["Content-Disposition"]
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.pk}@medvirk"
    assert event["DTSTART"].dt.hour == 16
    assert str(event["DTSTART"].dt.tzinfo) == "Europe/Oslo"


def test_whole_message_builds_with_the_attachment(cast, meeting):
    services.meeting_invitation_send(meeting=meeting)

    raw = email_to(cast.member.email).message().as_string()

    assert "Content-Type: text/calendar" in raw
    assert "method" in raw


def test_each_member_gets_the_email_in_their_own_language(cast, meeting):
    english = MembershipFactory(group=cast.resource_group, person__language="en").person

    services.meeting_invitation_send(meeting=meeting)

    in_english = email_to(english.email)
    in_norwegian = email_to(cast.member.email)
    assert in_english.subject.startswith("[Medvirk] Invitation: Ressursgruppa")
    assert "March" in in_english.subject
    assert "You are invited to a meeting in Ressursgruppa" in in_english.body
    assert f"{NORWEGIAN_DAYS[meeting_day().weekday()]} 11. mars" in in_norwegian.body
    assert "mars" in in_norwegian.subject
    assert "March" not in in_norwegian.body


def test_cancelled_meeting_sends_nothing(cast, meeting):
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()

    assert services.meeting_invitation_send(meeting=meeting) == 0
    assert mail.outbox == []


def test_inactive_members_get_nothing(cast, meeting):
    cast.member.is_active = False
    cast.member.save()

    services.meeting_invitation_send(meeting=meeting)

    assert mail.outbox == []


def test_task_sends_the_invitation(cast, meeting):
    tasks.send_meeting_invitation(meeting.pk)

    email_to(cast.member.email)


def test_sending_the_agenda_queues_the_invitation(
    cast, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(meeting=meeting)

    email_to(cast.member.email)
