"""The reminder sweep: every kind due and not due, at most once per person and occasion,
quiet hours, and what happens when sending fails or the worker dies mid-send."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from participation import reminders
from participation.models import (
    ActionItem,
    Attendance,
    GroupReminderSettings,
    Meeting,
    Membership,
    NotificationKind,
    SentNotification,
)
from participation.reminders import run_sweep
from participation.services.meetings import local_datetime
from tests.participation.factories import MembershipFactory
from tests.participation.factories_inputs import InputFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    AttendanceFactory,
    MeetingFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE_URL = "https://medvirk.example.no"
PREFERENCES_URL = BASE_URL + "/account/notifications/"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MEDVIRK_BASE_URL = BASE_URL
    settings.MEDVIRK_REMINDER_DAY_BEFORE_AT = "12:00"
    settings.MEDVIRK_INVITATION_DAYS_BEFORE = 7
    settings.MEDVIRK_QUIET_HOURS_START = 21
    settings.MEDVIRK_QUIET_HOURS_END = 8


def today() -> datetime.date:
    return timezone.localdate()


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """Oslo time, `days` from today."""
    return local_datetime(today() + datetime.timedelta(days=days), datetime.time(hour, minute))


def meeting(group, days: int, hour: int = 16, **kwargs) -> Meeting:
    start = at(days, hour)
    return MeetingFactory(
        group=group, starts_at=start, ends_at=start + datetime.timedelta(hours=2), **kwargs
    )


def sent_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def kinds_sent() -> set[str]:
    return set(
        SentNotification.objects.filter(status=SentNotification.Status.SENT).values_list(
            "kind", flat=True
        )
    )


# --- Invitations ----------------------------------------------------------------------------


def test_invitation_goes_out_a_week_before_with_the_agenda_and_a_calendar_file(cast):
    upcoming = meeting(cast.resource_group, 5)

    reminders.meeting_invitations(now=at(0, 10), result=reminders.SweepResult(at=at(0, 10)))

    (message,) = sent_to("member@example.org")
    assert any(a.get_content_type() == "text/calendar" for a in message.attachments)
    assert PREFERENCES_URL in message.body
    assert PREFERENCES_URL in message.alternatives[0][0]
    upcoming.refresh_from_db()
    assert upcoming.agenda_sent_at == at(0, 10)


def test_no_invitation_for_a_meeting_more_than_a_week_away(cast):
    meeting(cast.resource_group, 10)

    run_sweep(now=at(0, 10))

    assert sent_to("member@example.org") == []


def test_a_group_can_send_invitations_earlier(cast):
    meeting(cast.resource_group, 10)
    GroupReminderSettings.objects.create(group=cast.resource_group, invitation_days_before=14)

    run_sweep(now=at(0, 10))

    assert len(sent_to("member@example.org")) == 1


def test_no_invitation_when_the_agenda_was_sent_by_hand_or_the_meeting_is_cancelled(cast):
    meeting(cast.resource_group, 5, agenda_sent_at=at(-1, 9))
    meeting(cast.resource_group, 6, status=Meeting.Status.CANCELLED)

    run_sweep(now=at(0, 10))

    assert NotificationKind.MEETING_INVITATION not in kinds_sent()


def test_a_member_who_joins_later_gets_the_invitation_at_the_next_sweep(cast):
    meeting(cast.resource_group, 5)
    run_sweep(now=at(0, 10))
    newcomer = MembershipFactory(
        group=cast.resource_group, person__email="new@example.org", starts_on=today()
    ).person

    run_sweep(now=at(0, 10, 15))

    assert len(sent_to("member@example.org")) == 1
    assert len(sent_to(newcomer.email)) == 1


# --- The day before and the agenda deadline --------------------------------------------------


def test_day_before_reminder_is_due_from_noon_the_day_before(cast):
    meeting(cast.resource_group, 1, agenda_sent_at=at(-6, 9))

    run_sweep(now=at(0, 11, 45))
    assert NotificationKind.MEETING_REMINDER not in kinds_sent()

    run_sweep(now=at(0, 12))
    (message,) = [m for m in sent_to("member@example.org") if "16.00" in m.subject]
    assert "Ressursgruppa" in message.subject


def test_day_before_reminder_time_is_set_per_group(cast):
    meeting(cast.resource_group, 1, agenda_sent_at=at(-6, 9))
    GroupReminderSettings.objects.create(
        group=cast.resource_group, day_before_at=datetime.time(9, 0)
    )

    run_sweep(now=at(0, 9, 30))

    assert NotificationKind.MEETING_REMINDER in kinds_sent()


def test_no_day_before_reminder_for_a_meeting_in_two_days_or_cancelled(cast):
    meeting(cast.resource_group, 2, agenda_sent_at=at(-6, 9))
    meeting(cast.steering_group, 1, status=Meeting.Status.CANCELLED, agenda_sent_at=at(-6, 9))

    run_sweep(now=at(0, 15))

    assert NotificationKind.MEETING_REMINDER not in kinds_sent()


def test_agenda_deadline_reminder_in_the_day_before_the_deadline(cast):
    # Deadline three days before 16:00: today at 16:00.
    meeting(cast.resource_group, 3, agenda_sent_at=at(-4, 9))

    run_sweep(now=at(-1, 15))
    assert NotificationKind.AGENDA_DEADLINE not in kinds_sent()

    run_sweep(now=at(0, 10))
    assert NotificationKind.AGENDA_DEADLINE in kinds_sent()
    run_sweep(now=at(0, 17))  # after the deadline: nothing new
    assert SentNotification.objects.filter(kind=NotificationKind.AGENDA_DEADLINE).count() == 1


def test_no_agenda_deadline_reminder_for_staff_groups(cast):
    meeting(cast.project_group, 3, agenda_sent_at=at(-4, 9))

    run_sweep(now=at(0, 10))

    assert NotificationKind.AGENDA_DEADLINE not in kinds_sent()


# --- Action items ---------------------------------------------------------------------------


@pytest.fixture
def past_meeting(cast):
    return meeting(cast.resource_group, -20, minutes_status=Meeting.MinutesStatus.APPROVED)


def test_action_items_due_soon_go_to_their_owner_in_one_message(cast, past_meeting):
    ActionItemFactory(meeting=past_meeting, owner=cast.member, due_on=today(), title="Brev")
    ActionItemFactory(
        meeting=past_meeting,
        owner=cast.member,
        due_on=today() + datetime.timedelta(days=2),
        title="Plakat",
    )
    ActionItemFactory(
        meeting=past_meeting, owner=cast.member, due_on=today() + datetime.timedelta(days=5)
    )
    ActionItemFactory(
        meeting=past_meeting,
        owner=cast.member,
        due_on=today(),
        status=ActionItem.Status.DONE,
        title="Ferdig",
    )

    run_sweep(now=at(0, 10))

    (message,) = [m for m in sent_to("member@example.org")]
    assert "Brev" in message.body and "Plakat" in message.body
    assert "Ferdig" not in message.body
    assert SentNotification.objects.filter(kind=NotificationKind.ACTION_ITEM_DUE).count() == 2


def test_overdue_action_items_go_to_their_owner_once(cast, past_meeting):
    ActionItemFactory(
        meeting=past_meeting,
        owner=cast.member,
        due_on=today() - datetime.timedelta(days=3),
        title="Sent ute",
    )
    ActionItemFactory(
        meeting=past_meeting,
        owner=cast.member,
        due_on=today() - datetime.timedelta(days=60),
        title="Gammelt",
    )

    run_sweep(now=at(0, 10))
    run_sweep(now=at(1, 10))

    (message,) = sent_to("member@example.org")
    assert "Sent ute" in message.body and "Gammelt" not in message.body


# --- To the coordinators --------------------------------------------------------------------


def test_draft_minutes_two_days_after_the_meeting_go_to_the_coordinator(cast):
    meeting(cast.resource_group, -3, minutes_status=Meeting.MinutesStatus.DRAFT)
    meeting(cast.project_group, -1, hour=9, minutes_status=Meeting.MinutesStatus.DRAFT)
    meeting(cast.steering_group, -5, minutes_status=Meeting.MinutesStatus.APPROVED)

    run_sweep(now=at(0, 10))

    (message,) = sent_to("coordinator@example.org")
    assert "Ressursgruppa" in message.body
    assert "Prosjektgruppa" not in message.body
    assert "Styringsgruppa" not in message.body


def test_inputs_past_their_feedback_date_go_to_the_coordinator(cast):
    InputFactory(
        programme=cast.programme,
        title="Ingen svar ennå",
        raised_on=today() - datetime.timedelta(weeks=8),
        feedback_due_on=today() - datetime.timedelta(days=1),
    )
    InputFactory(programme=cast.programme, title="Nytt innspill")

    run_sweep(now=at(0, 10))

    (message,) = sent_to("coordinator@example.org")
    assert "Ingen svar ennå" in message.body
    assert "Nytt innspill" not in message.body


def _absences(cast, count: int) -> Membership:
    membership = Membership.objects.get(person=cast.member, group=cast.resource_group)
    for n in range(count):
        past = meeting(cast.resource_group, -7 * (n + 1))
        AttendanceFactory(
            meeting=past,
            membership=membership,
            status=Attendance.Status.ABSENT if n % 2 else Attendance.Status.NOTICE,
        )
    return membership


def test_a_member_away_three_meetings_in_a_row_is_flagged_to_the_coordinator_once(cast):
    _absences(cast, 3)

    run_sweep(now=at(0, 10))
    run_sweep(now=at(1, 10))

    (message,) = sent_to("coordinator@example.org")
    assert "Emma Medlem" in message.body


def test_a_member_away_twice_is_not_flagged(cast):
    _absences(cast, 2)

    run_sweep(now=at(0, 10))

    assert NotificationKind.ABSENCE_FLAG not in kinds_sent()


def test_without_the_apps_reminders_only_participations_kinds_run(cast, monkeypatch):
    monkeypatch.setattr(reminders, "all_reminders", lambda: list(reminders.REMINDERS))

    result = run_sweep(now=at(0, 10))

    assert result.failed == 0
    assert NotificationKind.TIMESHEET_SUBMIT not in kinds_sent()
    assert NotificationKind.SURVEY_CLOSING not in kinds_sent()


# --- Once, and only once --------------------------------------------------------------------


def test_two_sweeps_at_the_same_moment_send_once(cast):
    meeting(cast.resource_group, 5)

    first = run_sweep(now=at(0, 10))
    second = run_sweep(now=at(0, 10))

    assert first.total == 1
    assert second.total == 0
    assert len(sent_to("member@example.org")) == 1


def test_an_occasion_claimed_by_another_sweep_is_skipped(cast):
    upcoming = meeting(cast.resource_group, 5)
    # Another sweep, running at the same time, got there first.
    SentNotification.objects.create(
        recipient=cast.member,
        kind=NotificationKind.MEETING_INVITATION,
        occasion_key=f"meeting:{upcoming.pk}",
    )

    run_sweep(now=at(0, 10))

    assert sent_to("member@example.org") == []


class WorkerKilled(BaseException):
    """What a killed worker looks like from inside: nothing after this line runs."""


def test_a_worker_killed_mid_send_does_not_send_it_again(cast, monkeypatch):
    meeting(cast.resource_group, 5)

    def die(self, *args, **kwargs):
        raise WorkerKilled

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.EmailMultiAlternatives.send", die)
        with pytest.raises(WorkerKilled):
            run_sweep(now=at(0, 10))

    run_sweep(now=at(0, 10, 15))

    # At most once: the claim was committed before sending, so the restarted sweep skips it.
    claim = SentNotification.objects.get(recipient=cast.member)
    assert claim.status == SentNotification.Status.CLAIMED
    assert sent_to("member@example.org") == []


def test_a_mail_server_that_is_down_loses_nothing(cast, monkeypatch):
    meeting(cast.resource_group, 5)

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        result = run_sweep(now=at(0, 10))
    assert result.failed == 1
    assert not SentNotification.objects.exists()

    run_sweep(now=at(0, 10, 15))

    assert len(sent_to("member@example.org")) == 1
    assert SentNotification.objects.get().status == SentNotification.Status.SENT


# --- Quiet hours ----------------------------------------------------------------------------


@pytest.mark.parametrize("hour,minute", [(21, 0), (23, 30), (2, 0), (7, 59)])
def test_nothing_is_sent_in_the_quiet_hours(cast, hour, minute):
    meeting(cast.resource_group, 5)

    result = run_sweep(now=at(1, hour, minute) if hour < 8 else at(0, hour, minute))

    assert result.deferred
    assert mail.outbox == []
    assert not SentNotification.objects.exists()


def test_what_was_deferred_at_night_goes_out_at_eight(cast):
    meeting(cast.resource_group, 5)
    run_sweep(now=at(0, 22))

    result = run_sweep(now=at(1, 8))

    assert not result.deferred
    assert len(sent_to("member@example.org")) == 1


# --- The command ----------------------------------------------------------------------------


def test_run_reminders_sweeps_as_of_the_moment_given_and_twice_sends_once(cast, capsys):
    meeting(cast.resource_group, 5)
    moment = at(0, 10).replace(tzinfo=None).isoformat()

    call_command("run_reminders", "--at", moment)
    call_command("run_reminders", "--at", moment)

    out = capsys.readouterr().out.splitlines()
    assert "1 sent" in out[0] and "0 sent" in out[1]
    assert len(sent_to("member@example.org")) == 1


def test_run_reminders_at_night_says_it_deferred(cast, capsys):
    call_command("run_reminders", "--at", at(0, 23).isoformat())

    assert "quiet hours" in capsys.readouterr().out
