"""Training refreshers are reminded 30 days before and on the due day: once per person, module
and occasion, by each person's channel, never in the quiet hours (issue 15)."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.utils import timezone

from participation import tasks
from participation.models import (
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
    SentNotification,
    TrainingCompletion,
    TrainingModule,
)
from participation.services.meetings import local_datetime
from participation.services.notifications import LocmemSmsBackend
from participation.services.training import training_refreshers_remind

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    settings.MEDVIRK_QUIET_HOURS_START = 21
    settings.MEDVIRK_QUIET_HOURS_END = 8
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    LocmemSmsBackend.outbox = []


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return local_datetime(day, datetime.time(hour, 0))


def _privacy(cast, person, due_on):
    """A 12-month module the person did so that the refresher falls due on `due_on`."""
    module = TrainingModule.objects.create(
        programme=cast.programme,
        title="Taushetsplikt og personvern",
        description="Hva som er taushetsbelagt",
        audiences=["project_group", "resource_group"],
        duration_minutes=60,
        refresher_months=12,
    )
    done_on = due_on - relativedelta(months=12)
    TrainingCompletion.objects.create(module=module, person=person, completed_on=done_on)
    return module, module.refresher_due_on(done_on)


def test_reminded_30_days_before_and_on_the_day_once_each(cast):
    today = timezone.localdate()
    _module, due_on = _privacy(cast, cast.advisor, today + datetime.timedelta(days=30))

    first = training_refreshers_remind(now=at(today))
    again = training_refreshers_remind(now=at(today, 14))
    assert first.total == 1 and again.total == 0
    [message] = mail.outbox
    assert message.to == ["advisor@example.org"]
    assert "Taushetsplikt og personvern" in message.body
    assert "https://medvirk.example.no/" in message.body

    training_refreshers_remind(now=at(due_on - datetime.timedelta(days=1)))
    assert len(mail.outbox) == 1
    on_the_day = training_refreshers_remind(now=at(due_on))
    assert on_the_day.total == 1 and len(mail.outbox) == 2
    assert training_refreshers_remind(now=at(due_on + datetime.timedelta(days=1))).total == 0
    keys = set(SentNotification.objects.values_list("occasion_key", flat=True))
    assert len(keys) == 2


def test_nothing_more_than_31_days_ahead_or_in_the_quiet_hours(cast):
    today = timezone.localdate()
    _privacy(cast, cast.advisor, today + datetime.timedelta(days=31))
    assert training_refreshers_remind(now=at(today)).total == 0
    _privacy(cast, cast.member, today + datetime.timedelta(days=5))
    night = training_refreshers_remind(now=at(today, 22))
    assert night.deferred and not mail.outbox


def test_an_overdue_refresher_first_seen_late_is_reminded_once(cast):
    today = timezone.localdate()
    _privacy(cast, cast.member, today - datetime.timedelta(days=10))
    assert training_refreshers_remind(now=at(today)).total == 1
    assert training_refreshers_remind(now=at(today + datetime.timedelta(days=1))).total == 0


def test_sms_when_the_person_chose_it(cast):
    cast.advisor.phone = "+4791234567"
    cast.advisor.save()
    NotificationPreference.objects.create(
        person=cast.advisor,
        kind=NotificationKind.TRAINING_REFRESHER,
        channel=NotificationChannel.SMS,
    )
    today = timezone.localdate()
    _privacy(cast, cast.advisor, today + datetime.timedelta(days=3))
    training_refreshers_remind(now=at(today))
    assert not mail.outbox
    [(to, text)] = LocmemSmsBackend.outbox
    assert to == "+4791234567" and "Taushetsplikt" in text


def test_nobody_reminded_after_a_new_completion_or_when_archived(cast):
    today = timezone.localdate()
    module, _due = _privacy(cast, cast.advisor, today + datetime.timedelta(days=3))
    TrainingCompletion.objects.create(module=module, person=cast.advisor, completed_on=today)
    assert training_refreshers_remind(now=at(today)).total == 0
    other, _due = _privacy(cast, cast.member, today + datetime.timedelta(days=3))
    other.archived_at = timezone.now()
    other.save()
    assert training_refreshers_remind(now=at(today)).total == 0


def test_someone_who_left_the_group_is_not_reminded(cast):
    today = timezone.localdate()
    _privacy(cast, cast.member, today + datetime.timedelta(days=3))
    cast.member.memberships.update(
        starts_on=today - datetime.timedelta(days=400), ends_on=today - datetime.timedelta(days=1)
    )
    assert training_refreshers_remind(now=at(today)).total == 0


def test_the_task_is_thin_and_returns_the_summary(cast, monkeypatch):
    today = timezone.localdate()
    _privacy(cast, cast.member, today + datetime.timedelta(days=3))
    monkeypatch.setattr(timezone, "now", lambda: at(today))
    summary = tasks.remind_training_refreshers()
    assert "1 sent" in summary
