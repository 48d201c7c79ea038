"""Each person chooses email, text message or nothing per kind of reminder; emails come in
their language with a plain-text part and a link to change the choice."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from participation.models import (
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
    SentNotification,
)
from participation.reminders import run_sweep
from participation.services.meetings import local_datetime
from participation.services.notifications import (
    LocmemSmsBackend,
    in_quiet_hours,
    notification_preferences_set,
    send_sms,
)
from tests.participation.factories_meetings import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

PAGE = "/account/notifications/"


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    settings.MEDVIRK_INVITATION_DAYS_BEFORE = 7
    LocmemSmsBackend.outbox = []
    return LocmemSmsBackend.outbox


def ten_today():
    return local_datetime(timezone.localdate(), datetime.time(10, 0))


@pytest.fixture
def invitation_due(cast):
    start = ten_today() + datetime.timedelta(days=5)
    return MeetingFactory(
        group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


def choose(person, kind, channel):
    NotificationPreference.objects.create(person=person, kind=kind, channel=channel)


def test_nothing_chosen_means_nothing_is_sent_and_the_occasion_is_marked(cast, invitation_due):
    choose(cast.member, NotificationKind.MEETING_INVITATION, NotificationChannel.NONE)

    run_sweep(now=ten_today())
    run_sweep(now=ten_today() + datetime.timedelta(minutes=15))

    assert mail.outbox == []
    claim = SentNotification.objects.get(recipient=cast.member)
    assert claim.status == SentNotification.Status.SKIPPED


def test_sms_chosen_sends_a_text_message_and_no_email(cast, invitation_due, sms_outbox):
    cast.member.phone = "470 12 345"
    cast.member.save()
    choose(cast.member, NotificationKind.MEETING_INVITATION, NotificationChannel.SMS)

    run_sweep(now=ten_today())

    assert mail.outbox == []
    ((to, text),) = sms_outbox
    assert to == "470 12 345"
    assert "Ressursgruppa" in text
    assert SentNotification.objects.get().channel == NotificationChannel.SMS


def test_sms_without_a_mobile_number_falls_back_to_email(cast, invitation_due, sms_outbox):
    choose(cast.member, NotificationKind.MEETING_INVITATION, NotificationChannel.SMS)

    run_sweep(now=ten_today())

    assert sms_outbox == []
    assert [m.to for m in mail.outbox] == [["member@example.org"]]


def test_a_choice_for_one_kind_leaves_the_others_by_email(cast, invitation_due):
    choose(cast.member, NotificationKind.MEETING_REMINDER, NotificationChannel.NONE)

    run_sweep(now=ten_today())

    assert [m.to for m in mail.outbox] == [["member@example.org"]]


def test_email_is_in_the_recipients_language_with_text_and_the_preferences_link(
    cast, invitation_due
):
    cast.member.language = "en"
    cast.member.save()

    run_sweep(now=ten_today())

    (message,) = mail.outbox
    assert message.subject.startswith("[Medvirk] Invitation:")
    assert "Hi Emma," in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "https://medvirk.example.no/account/notifications/" in message.body
    assert "https://medvirk.example.no/account/notifications/" in html
    assert message.extra_headers["List-Unsubscribe"] == (
        "<https://medvirk.example.no/account/notifications/>"
    )


def test_email_is_in_norwegian_by_default(cast, invitation_due):
    run_sweep(now=ten_today())

    (message,) = mail.outbox
    assert "Hei Emma," in message.body


def test_file_sms_backend_writes_the_message(settings, tmp_path):
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.FileSmsBackend"
    settings.MEDVIRK_SMS_FILE_PATH = tmp_path

    send_sms("470 12 345", "Medvirk: møte i morgen")

    assert "To: 470 12 345\nMedvirk: møte i morgen" in (tmp_path / "sms.log").read_text()


@pytest.mark.parametrize(
    "hour,quiet", [(7, True), (8, False), (12, False), (20, False), (21, True), (0, True)]
)
def test_quiet_hours_are_from_nine_in_the_evening_to_eight_in_the_morning(hour, quiet):
    moment = local_datetime(datetime.date(2026, 7, 1), datetime.time(hour, 0))

    assert in_quiet_hours(moment) is quiet


def test_preferences_refuse_sms_without_a_mobile_number(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        notification_preferences_set(
            person=cast.member,
            channels={NotificationKind.MEETING_REMINDER: NotificationChannel.SMS},
        )

    assert NotificationKind.MEETING_REMINDER in error.value.message_dict
    assert not NotificationPreference.objects.exists()


# --- The page -------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_sees_the_reminders_for_members_only(login, cast):
    response = login(cast.member).get(PAGE)

    content = response.content.decode()
    assert response.status_code == 200
    assert f'name="{NotificationKind.MEETING_REMINDER}"' in content
    assert f'name="{NotificationKind.MINUTES_APPROVAL}"' not in content
    assert f'name="{NotificationKind.STEERING_REPORT}"' not in content
    # No phone number: text messages cannot be chosen.
    assert 'value="sms"' not in content


def test_coordinator_and_steering_member_see_their_own_kinds(login, cast, client):
    content = login(cast.coordinator).get(PAGE).content.decode()
    assert f'name="{NotificationKind.MINUTES_APPROVAL}"' in content
    assert f'name="{NotificationKind.STEERING_REPORT}"' in content

    client.logout()
    content = login(cast.leader).get(PAGE).content.decode()
    assert f'name="{NotificationKind.STEERING_REPORT}"' in content
    assert f'name="{NotificationKind.MINUTES_APPROVAL}"' not in content


def _all(channel, kinds):
    return {kind: channel for kind in kinds}


def test_member_saves_their_choices(login, cast):
    cast.member.phone = "470 12 345"
    cast.member.save()
    kinds = [
        NotificationKind.MEETING_INVITATION,
        NotificationKind.MEETING_REMINDER,
        NotificationKind.AGENDA_DEADLINE,
        NotificationKind.ACTION_ITEM_DUE,
        NotificationKind.ACTION_ITEM_OVERDUE,
        NotificationKind.INPUT_ANSWERED,
        NotificationKind.TRAINING_REFRESHER,
    ]
    data = {**_all("email", kinds), NotificationKind.MEETING_REMINDER: "sms"}
    data[NotificationKind.AGENDA_DEADLINE] = "none"

    response = login(cast.member).post(PAGE, data)

    assert response.status_code == 302
    stored = dict(cast.member.notification_preferences.values_list("kind", "channel"))
    assert stored[NotificationKind.MEETING_REMINDER] == "sms"
    assert stored[NotificationKind.AGENDA_DEADLINE] == "none"


def test_a_bad_choice_is_shown_beside_the_field_and_the_others_are_kept(login, cast):
    data = {
        NotificationKind.MEETING_INVITATION: "pigeon",
        NotificationKind.MEETING_REMINDER: "none",
    }

    response = login(cast.member).post(PAGE, data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    assert not NotificationPreference.objects.exists()
    assert 'value="none" checked' in content or "checked" in content


def test_page_uses_a_fixed_number_of_queries(login, cast, django_assert_max_num_queries):
    client = login(cast.coordinator)
    with django_assert_max_num_queries(20):
        client.get(PAGE)
