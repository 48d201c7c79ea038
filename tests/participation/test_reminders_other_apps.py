"""Reminders that come from the apps built on participation: timesheets (resourcegroup) and
surveys about to close (surveys), read through their selectors."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from participation.models import Membership, NotificationKind, SentNotification
from participation.reminders import SweepResult
from participation.services.meetings import local_datetime
from resourcegroup.models import Timesheet
from resourcegroup.reminders import timesheet_reminders
from surveys.reminders import survey_reminders
from tests.participation.factories import MembershipFactory
from tests.resourcegroup.factories import TimesheetFactory
from tests.surveys.factories import published_survey

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def ten_on(day: datetime.date) -> datetime.datetime:
    return local_datetime(day, datetime.time(10, 0))


def last_day_of_this_month() -> datetime.date:
    first_next = (timezone.localdate().replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first_next - datetime.timedelta(days=1)


@pytest.fixture
def representative(cast):
    return MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        person__email="rep@example.org",
    ).person


def sweep(function, now):
    result = SweepResult(at=now)
    function(now=now, result=result)
    return result


def test_representative_is_reminded_to_send_in_the_month_at_its_end(cast, representative):
    day = last_day_of_this_month()

    sweep(timesheet_reminders, ten_on(day))
    sweep(timesheet_reminders, ten_on(day) + datetime.timedelta(hours=1))

    (message,) = [m for m in mail.outbox if m.to == ["rep@example.org"]]
    assert "/hours/" in message.body or "/p/best/" in message.body


def test_no_timesheet_reminder_mid_month_or_once_sent_in(cast, representative):
    day = last_day_of_this_month()
    sweep(timesheet_reminders, ten_on(day.replace(day=15)))
    TimesheetFactory(
        programme=cast.programme,
        person=representative,
        month=day.replace(day=1),
        status=Timesheet.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    sweep(timesheet_reminders, ten_on(day))

    assert not [m for m in mail.outbox if m.to == ["rep@example.org"]]


def test_coordinator_is_reminded_of_timesheets_waiting_two_days(cast, representative):
    now = ten_on(timezone.localdate().replace(day=15))
    TimesheetFactory(
        programme=cast.programme,
        person=representative,
        month=datetime.date(2024, 3, 1),
        status=Timesheet.Status.SUBMITTED,
        submitted_at=now - datetime.timedelta(days=3),
    )
    TimesheetFactory(
        programme=cast.programme,
        person=cast.member,
        month=datetime.date(2024, 3, 1),
        status=Timesheet.Status.SUBMITTED,
        submitted_at=now - datetime.timedelta(hours=2),
    )

    sweep(timesheet_reminders, now)

    (message,) = [m for m in mail.outbox if m.to == ["coordinator@example.org"]]
    assert representative.display_name in message.body
    assert cast.member.display_name not in message.body


def test_coordinator_is_reminded_of_a_survey_closing_within_three_days(cast):
    today = timezone.localdate()
    published_survey(cast.programme, slug="snart", closes_on=today + datetime.timedelta(days=2))
    published_survey(cast.programme, slug="senere", closes_on=today + datetime.timedelta(days=10))

    sweep(survey_reminders, ten_on(today))
    sweep(survey_reminders, ten_on(today) + datetime.timedelta(hours=3))

    (message,) = [m for m in mail.outbox if m.to == ["coordinator@example.org"]]
    assert "/surveys/" in message.body
    assert SentNotification.objects.filter(kind=NotificationKind.SURVEY_CLOSING).count() == 1


def test_a_closed_survey_is_not_reminded(cast):
    today = timezone.localdate()
    survey = published_survey(
        cast.programme, slug="lukket", closes_on=today + datetime.timedelta(days=1)
    )
    survey.status = "closed"
    survey.save(update_fields=["status"])

    sweep(survey_reminders, ten_on(today))

    assert mail.outbox == []
