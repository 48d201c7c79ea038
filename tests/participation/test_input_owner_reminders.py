"""Reminders to those who owe inputs an answer, and the answer told to the members who raised
the input (issue 15): once per occasion, quiet hours, each person's channel and language."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from participation import reminders, services, tasks
from participation.models import (
    Attendance,
    Membership,
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
    SentNotification,
)
from participation.services.meetings import local_datetime
from participation.services.notifications import LocmemSmsBackend

from .factories import MembershipFactory
from .factories_inputs import InputFactory, MeetingFactory
from .factories_meetings import AttendanceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE_URL = "https://medvirk.example.no"


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.MEDVIRK_BASE_URL = BASE_URL
    settings.MEDVIRK_QUIET_HOURS_START = 21
    settings.MEDVIRK_QUIET_HOURS_END = 8
    settings.MEDVIRK_INPUT_DUE_SOON_DAYS = 3
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    LocmemSmsBackend.outbox = []


def at(hour: int, days: int = 0) -> datetime.datetime:
    return local_datetime(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour, 0)
    )


def due_in(days: int, **kwargs):
    today = timezone.localdate()
    return InputFactory(
        raised_on=today - datetime.timedelta(days=30),
        feedback_due_on=today + datetime.timedelta(days=days),
        **kwargs,
    )


def sent_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


# --- Reminding the owners ----------------------------------------------------------------------


def test_an_office_leader_is_reminded_of_an_input_due_in_three_days_once(cast):
    item = due_in(
        3, programme=cast.programme, title="Lang ventetid", assigned_office=cast.offices.gjovik
    )

    first = reminders.run_input_owner_reminders(now=at(9))
    second = reminders.run_input_owner_reminders(now=at(14))

    [message] = sent_to(cast.leader.email)
    assert "Lang ventetid" in message.body
    assert f"{BASE_URL}/p/{cast.programme.slug}/inputs/{item.pk}/" in message.body
    assert first.sent[(NotificationKind.INPUT_DUE, "email")] == 1 and second.total == 0
    assert sent_to(cast.advisor.email) == [] and sent_to(cast.coordinator.email) == []


def test_an_input_due_later_is_not_reminded_yet(cast):
    due_in(4, programme=cast.programme, assigned_to=cast.advisor)

    result = reminders.run_input_owner_reminders(now=at(9))

    assert result.total == 0 and mail.outbox == []


def test_an_overdue_input_is_reminded_once_to_the_person_given_it_by_sms_if_they_chose(cast):
    cast.advisor.phone = "915 40 112"
    cast.advisor.save()
    NotificationPreference.objects.create(
        person=cast.advisor, kind=NotificationKind.INPUT_OVERDUE, channel=NotificationChannel.SMS
    )
    due_in(-2, programme=cast.programme, title="Sent svar", assigned_to=cast.advisor)

    reminders.run_input_owner_reminders(now=at(9))
    reminders.run_input_owner_reminders(now=at(9, days=1))

    assert len(LocmemSmsBackend.outbox) == 1
    to, text = LocmemSmsBackend.outbox[0]
    assert to == "915 40 112" and "Sent svar" in text
    assert mail.outbox == []


def test_owners_are_not_reminded_in_the_quiet_hours_and_are_the_next_morning(cast):
    due_in(1, programme=cast.programme, assigned_to=cast.advisor)

    night = reminders.run_input_owner_reminders(now=at(22))
    morning = reminders.run_input_owner_reminders(now=at(9, days=1))

    assert night.deferred and morning.total == 1
    assert len(sent_to(cast.advisor.email)) == 1


def test_a_new_owner_is_reminded_after_a_reassignment(cast):
    item = due_in(2, programme=cast.programme, assigned_to=cast.advisor)
    reminders.run_input_owner_reminders(now=at(9))

    services.input_assign(input=item, office=None, person=cast.leader)
    reminders.run_input_owner_reminders(now=at(10))

    assert len(sent_to(cast.advisor.email)) == 1 and len(sent_to(cast.leader.email)) == 1


def test_a_person_who_chose_nothing_gets_nothing_and_the_choice_is_recorded(cast):
    NotificationPreference.objects.create(
        person=cast.advisor, kind=NotificationKind.INPUT_DUE, channel=NotificationChannel.NONE
    )
    due_in(0, programme=cast.programme, assigned_to=cast.advisor)

    reminders.run_input_owner_reminders(now=at(9))

    assert mail.outbox == []
    assert SentNotification.objects.get().status == SentNotification.Status.SKIPPED


def test_a_group_owner_reminds_those_who_answer_for_the_group_not_its_plain_members(cast):
    due_in(1, programme=cast.programme, assigned_group=cast.resource_group)
    chair = MembershipFactory(group=cast.resource_group, role=Membership.Role.CHAIR).person

    reminders.run_input_owner_reminders(now=at(9))

    assert [m.to for m in mail.outbox] == [[chair.email]]


def test_answered_inputs_are_not_reminded(cast):
    due_in(1, programme=cast.programme, assigned_to=cast.advisor, status="done", feedback="Ok")

    assert reminders.run_input_owner_reminders(now=at(9)).total == 0


def test_the_daily_task_and_run_reminders_send_the_owner_reminders_once(cast, capsys):
    due_in(1, programme=cast.programme, assigned_to=cast.advisor)

    call_command("run_reminders", "--at", at(9).isoformat())
    call_command("run_reminders", "--at", at(9).isoformat())
    tasks.remind_input_owners.run()

    assert len(sent_to(cast.advisor.email)) == 1


def test_the_beat_schedule_runs_the_owner_reminders_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["input-owner-reminders"]

    assert entry["task"] == "participation.tasks.remind_input_owners"
    assert entry["schedule"].hour == {9} and entry["schedule"].minute == {0}


# --- Telling the members who raised it --------------------------------------------------------


@pytest.fixture
def raised_in_meeting(cast):
    meeting = MeetingFactory(group=cast.resource_group)
    present = cast.resource_group.memberships.get(person=cast.member)
    AttendanceFactory(meeting=meeting, membership=present, status=Attendance.Status.PRESENT)
    away = MembershipFactory(group=cast.resource_group, person__email="away@example.org")
    AttendanceFactory(meeting=meeting, membership=away, status=Attendance.Status.ABSENT)
    return InputFactory(
        programme=cast.programme,
        group=cast.resource_group,
        meeting=meeting,
        title="Brevene er vanskelige",
        assigned_office=cast.offices.gjovik,
    )


def test_the_members_present_when_it_was_raised_are_told_the_answer_in_their_language(
    cast, raised_in_meeting
):
    cast.member.language = "nb"
    cast.member.save()
    services.input_change_status(
        input=raised_in_meeting, to_status="done", by=cast.leader, feedback="Brevet er skrevet om."
    )

    reminders.input_answered_notify(input_id=raised_in_meeting.pk, now=at(12))

    [message] = sent_to(cast.member.email)
    assert "Brevet er skrevet om." in message.body
    assert "Hva skjedde med det vi sa?" in message.body
    assert f"{BASE_URL}/p/{cast.programme.slug}/what-happened/#input-{raised_in_meeting.pk}" in (
        message.body
    )
    assert sent_to("away@example.org") == []


def test_a_member_who_chose_sms_is_told_by_sms_and_only_once(cast, raised_in_meeting):
    cast.member.phone = "470 12 345"
    cast.member.save()
    NotificationPreference.objects.create(
        person=cast.member, kind=NotificationKind.INPUT_ANSWERED, channel=NotificationChannel.SMS
    )
    services.input_change_status(
        input=raised_in_meeting,
        to_status="declined",
        by=cast.leader,
        feedback="Ikke nå.",
        decline_reason="Ingen penger i år.",
    )

    reminders.input_answered_notify(input_id=raised_in_meeting.pk, now=at(12))
    reminders.input_answered_notify(input_id=raised_in_meeting.pk, now=at(12))
    reminders.run_sweep(now=at(13))

    assert len(LocmemSmsBackend.outbox) == 1
    to, text = LocmemSmsBackend.outbox[0]
    assert to == "470 12 345" and "/what-happened/#input-" in text
    assert sent_to(cast.member.email) == []


def test_an_answer_given_at_night_is_told_by_the_first_sweep_in_the_morning(
    cast, raised_in_meeting
):
    services.input_change_status(
        input=raised_in_meeting,
        to_status="done",
        by=cast.coordinator,
        feedback="Gjort.",
        now=at(22),
    )

    night = reminders.input_answered_notify(input_id=raised_in_meeting.pk, now=at(22))
    reminders.run_sweep(now=at(8, days=1))

    assert night.deferred
    assert len(sent_to(cast.member.email)) == 1


def test_without_a_meeting_the_groups_members_are_told(cast):
    item = InputFactory(programme=cast.programme, group=cast.resource_group)
    services.input_change_status(input=item, to_status="done", by=cast.coordinator, feedback="Ja")

    reminders.input_answered_notify(input_id=item.pk, now=at(12))

    assert [m.to for m in mail.outbox] == [[cast.member.email]]


def test_an_open_input_tells_nobody(cast, raised_in_meeting):
    reminders.input_answered_notify(input_id=raised_in_meeting.pk, now=at(12))

    assert mail.outbox == []


def test_an_old_answer_is_not_news_and_tells_nobody(cast, raised_in_meeting):
    services.input_change_status(
        input=raised_in_meeting,
        to_status="done",
        by=cast.coordinator,
        feedback="Gjort.",
        now=timezone.now() - datetime.timedelta(days=30),
    )

    reminders.run_sweep(now=at(12))

    assert mail.outbox == []


def test_answering_queues_the_notice_after_the_answer_is_stored(
    cast, raised_in_meeting, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(tasks.notify_input_answered, "delay", queued.append)

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            services.input_change_status(
                input=raised_in_meeting, to_status="done", by=cast.leader, feedback="Gjort."
            )
            assert queued == []

    assert queued == [raised_in_meeting.pk]


# --- Choosing how -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, owns",
    [("advisor", True), ("leader", True), ("coordinator", True), ("member", False)],
)
def test_those_who_can_be_given_inputs_choose_how_they_are_reminded(login, cast, role, owns):
    client = login(getattr(cast, role))

    fields = client.get("/account/notifications/").context["form"].fields

    assert (NotificationKind.INPUT_DUE in fields) is owns
    assert (NotificationKind.INPUT_OVERDUE in fields) is owns
    # Everybody may be told the answers to what their group said.
    assert NotificationKind.INPUT_ANSWERED in fields
