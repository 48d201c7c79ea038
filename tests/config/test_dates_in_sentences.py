"""Dates inside sentences read as the reader's language writes them: "onsdag 11. mars 2027" and
"man. 9. nov. kl. 16.00" in bokmål, "Wednesday 11 March 2027" in English; never 2027-03-11,
11.03.2027 or "11. March".

The expected dates are spelled out with the month and weekday names below, not with the code
under test, so the tests pass on any date.
"""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import timezone, translation

from checklists import services as checklist_services
from participation import reminders, services
from participation.services.meetings import local_datetime
from surveys.services import publishing
from tests.checklists.factories import published_checklist
from tests.participation.factories_calendars import MeetingFactory
from tests.participation.factories_meetings import ActionItemFactory
from tests.surveys.factories import published_survey

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

NB_DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NB_MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
EN_MONTHS = [datetime.date(2026, m, 1).strftime("%B") for m in range(1, 13)]
# Formats that only read right in one language, or in none.
FOREIGN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. [A-Z][a-z]+ \d{4}")


def nb_long(day: datetime.date) -> str:
    return f"{day.day}. {NB_MONTHS[day.month - 1]} {day.year}"


def en_long(day: datetime.date) -> str:
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    settings.MEDVIRK_QUIET_HOURS_START = 21
    settings.MEDVIRK_QUIET_HOURS_END = 8


@pytest.fixture
def meeting(cast):
    """A resource-group meeting on 11 March next year, 16:00 to 18:00."""
    day = datetime.date(timezone.localdate().year + 1, 3, 11)
    starts_at = local_datetime(day, datetime.time(16, 0))
    return MeetingFactory(
        group=cast.resource_group,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place="Gjøvik bibliotek",
    )


def email_to(address):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message


def test_with_weekday_puts_the_weekday_before_a_named_format():
    monday = datetime.datetime(2026, 11, 9, 16, 0, tzinfo=timezone.get_current_timezone())
    template = Template(
        '{% load dates %}{{ at|with_weekday }} | {{ at|with_weekday:"MONTH_DAY_FORMAT" }}'
    )

    with translation.override("nb"):
        assert (
            template.render(Context({"at": monday}))
            == "mandag 9. november 2026 | mandag 9. november"
        )
    with translation.override("nn"):
        assert (
            template.render(Context({"at": monday}))
            == "måndag 9. november 2026 | måndag 9. november"
        )
    with translation.override("en"):
        assert (
            template.render(Context({"at": monday})) == "Monday 9 November 2026 | Monday 9 November"
        )


def test_invitation_email_in_bokmal_has_norwegian_dates_and_times(cast, meeting):
    cast.member.language = "nb"
    cast.member.save()
    day = timezone.localdate(meeting.starts_at)

    services.meeting_invitation_send(meeting=meeting)

    message = email_to(cast.member.email)
    assert f"{NB_DAYS[day.weekday()]} {nb_long(day)}, 16.00–18.00" in message.body
    assert f"11. {NB_MONTHS[2]}" in message.subject
    for text in (message.subject, message.body):
        assert not FOREIGN_DATE.search(text), FOREIGN_DATE.search(text)
        assert "March" not in text and "16:00" not in text


def test_invitation_email_in_english_has_english_dates(cast, meeting):
    cast.member.language = "en"
    cast.member.save()
    day = timezone.localdate(meeting.starts_at)

    services.meeting_invitation_send(meeting=meeting)

    message = email_to(cast.member.email)
    assert f"{EN_DAYS[day.weekday()]} {en_long(day)}, 16:00–18:00" in message.body
    assert "11 March" in message.subject
    assert "11. March" not in message.body + message.subject


def test_action_item_reminder_in_bokmal_names_the_day_in_norwegian(cast):
    cast.member.language = "nb"
    cast.member.save()
    today = timezone.localdate()
    due = today + datetime.timedelta(days=2)
    held = MeetingFactory(
        group=cast.resource_group,
        starts_at=local_datetime(today - datetime.timedelta(days=7), datetime.time(16, 0)),
        ends_at=local_datetime(today - datetime.timedelta(days=7), datetime.time(18, 0)),
    )
    ActionItemFactory(meeting=held, owner=cast.member, title="Bestille lokale", due_on=due)
    now = local_datetime(today, datetime.time(10, 0))

    reminders.run_sweep(now=now)

    [message] = [m for m in mail.outbox if "Bestille lokale" in m.body]
    assert message.to == [cast.member.email]
    assert f"{NB_DAYS[due.weekday()]} {due.day}. {NB_MONTHS[due.month - 1]}" in message.body
    assert not FOREIGN_DATE.search(message.body)


def test_a_checklist_date_before_the_programme_names_the_start_in_words(cast):
    _, version, _ = published_checklist(cast.programme)
    starts_on = cast.programme.starts_on

    with translation.override("nb"), pytest.raises(ValidationError) as refusal:
        checklist_services.use_record(
            version=version,
            advisor=cast.advisor,
            office=cast.offices.gjovik,
            met_on=starts_on - datetime.timedelta(days=1),
            items=list(version.items.all()),
        )

    [message] = refusal.value.message_dict["met_on"]
    assert nb_long(starts_on) in message
    assert not FOREIGN_DATE.search(message)


def test_a_survey_round_refused_for_its_date_names_the_earlier_round_in_words(cast):
    survey = published_survey(cast.programme)
    earlier = survey.rounds.get().starts_on

    with translation.override("nb"), pytest.raises(ValidationError) as refusal:
        publishing.round_start(
            survey=survey, name="Vår", starts_on=earlier - datetime.timedelta(days=3)
        )

    [message] = refusal.value.message_dict["starts_on"]
    assert nb_long(earlier) in message


def test_meeting_page_in_bokmal_and_english(login, client, cast, meeting):
    login(cast.coordinator)
    day = timezone.localdate(meeting.starts_at)
    url = f"/p/best/meetings/{meeting.pk}/"

    bokmal = client.get(url, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f"{NB_DAYS[day.weekday()]} {nb_long(day)}" in bokmal
    assert f"{EN_DAYS[day.weekday()]} {en_long(day)}" in english
    assert not FOREIGN_DATE.search(english)
