"""An input's handovers (issue 15): every change of owner or due date is kept (from, to, by
whom, when, why) and shown on the input's page; the new owner is told, by the channel they
chose, with a link to answer it; never the person who gave it to themselves."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import reminders, services
from participation.models import (
    InputOwnerChange,
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
)
from participation.services.meetings import local_datetime
from participation.services.notifications import LocmemSmsBackend

from .factories_inputs import InputFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE_URL = "https://medvirk.example.no"


@pytest.fixture(autouse=True)
def english(client, settings):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    settings.MEDVIRK_BASE_URL = BASE_URL
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    LocmemSmsBackend.outbox = []


@pytest.fixture
def item(cast):
    return InputFactory(
        programme=cast.programme, group=cast.resource_group, title="Lang ventetid i skranken"
    )


def noon():
    """Midday today, Oslo: outside the quiet hours whatever the date."""
    return local_datetime(timezone.localdate(), datetime.time(12, 0))


def told(now=None) -> reminders.SweepResult:
    now = now or noon()
    result = reminders.SweepResult(at=now)
    reminders.inputs_assigned(now=now, result=result)
    return result


def give(item, *, by, reason="", when=None, **owners):
    """input_assign as of `when` (default: midday today), so the notice is not "old news"."""
    change_time = when or noon()
    services.input_assign(input=item, by=by, reason=reason, **owners)
    InputOwnerChange.objects.filter(input=item).update(at=change_time)
    return item


# --- The history ------------------------------------------------------------------------------


def test_a_handover_is_kept_with_from_to_by_and_why(cast, item):
    give(item, by=cast.coordinator, office=cast.offices.gjovik, person=None)
    give(
        item,
        by=cast.coordinator,
        office=cast.offices.gjovik,
        person=cast.advisor,
        reason="Sara kjenner saken",
    )

    first, second = item.owner_changes.all()
    assert (first.from_office, first.to_office, first.to_person) == (
        None,
        cast.offices.gjovik,
        None,
    )
    assert (second.from_person, second.to_person, second.by) == (
        None,
        cast.advisor,
        cast.coordinator,
    )
    assert second.reason == "Sara kjenner saken" and second.owner_changed


def test_a_new_due_date_alone_is_kept_too(cast, item):
    later = item.feedback_due_on + datetime.timedelta(days=14)

    services.input_assign(input=item, office=None, person=None, due_on=later, by=cast.coordinator)

    change = item.owner_changes.get()
    assert (change.from_due_on, change.to_due_on) == (later - datetime.timedelta(days=14), later)
    assert change.due_changed and not change.owner_changed


def test_saving_the_same_owner_again_keeps_no_row(cast, item):
    services.input_assign(input=item, office=cast.offices.gjovik, person=None)
    services.input_assign(input=item, office=cast.offices.gjovik, person=None)

    assert item.owner_changes.count() == 1


def test_a_refused_handover_keeps_no_row(cast, item):
    with pytest.raises(ValidationError):
        services.input_assign(input=item, office=None, person=cast.outsider)

    assert not item.owner_changes.exists()


def test_an_input_raised_with_an_owner_starts_its_history(cast):
    created = services.input_create(
        programme=cast.programme,
        title="Vanskelige brev",
        source="direct",
        raised_by=cast.coordinator,
        assigned_to=cast.advisor,
    )

    assert created.owner_changes.get().to_person == cast.advisor


def test_the_coordinator_gives_a_reason_on_the_page_and_members_see_the_history(
    login, client, cast, item
):
    login(cast.coordinator)
    response = client.post(
        f"/p/best/inputs/{item.pk}/assign/",
        {
            "assign-assigned_office": cast.offices.gjovik.pk,
            "assign-assigned_to": cast.advisor.pk,
            "assign-reason": "Gjøvik har skranken",
        },
    )
    assert response.status_code == 302

    login(cast.member)
    page = client.get(f"/p/best/inputs/{item.pk}/").content.decode()

    assert "Who has had it" in page and "Gjøvik har skranken" in page
    assert "Given from nobody to NAV Gjøvik, Sara Veileder." in page


def test_an_outsider_cannot_see_the_history(login, client, cast, item):
    give(item, by=cast.coordinator, office=cast.offices.gjovik, person=None)
    login(cast.outsider)

    assert client.get(f"/p/best/inputs/{item.pk}/").status_code == 404


def test_only_the_coordinator_may_hand_it_over(login, client, cast, item):
    login(cast.advisor)

    response = client.post(
        f"/p/best/inputs/{item.pk}/assign/",
        {"assign-assigned_to": cast.advisor.pk, "assign-reason": "Jeg tar den"},
    )

    assert response.status_code == 404 and not item.owner_changes.exists()


def test_a_reason_too_long_is_refused_with_the_values_kept(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(
        f"/p/best/inputs/{item.pk}/assign/",
        {"assign-assigned_to": cast.advisor.pk, "assign-reason": "x" * 600},
    )

    assert response.status_code == 200
    assert "reason" in response.context["assign_form"].errors
    assert not item.owner_changes.exists()


# --- Telling the new owner --------------------------------------------------------------------


def test_the_new_owner_is_told_by_email_with_a_link_to_answer(cast, item):
    give(item, by=cast.coordinator, office=None, person=cast.advisor, reason="Sara kan dette")

    result = told()

    assert result.sent[(NotificationKind.INPUT_ASSIGNED, "email")] == 1
    (message,) = mail.outbox
    assert message.to == ["advisor@example.org"]
    assert f"{BASE_URL}/p/best/inputs/{item.pk}/" in message.body
    assert "Sara kan dette" in message.body


def test_the_owner_is_told_once(cast, item):
    give(item, by=cast.coordinator, office=None, person=cast.advisor)

    told()
    second = told()

    assert len(mail.outbox) == 1 and second.total == 0


def test_the_owner_who_chose_text_messages_gets_one(cast, item):
    cast.advisor.phone = "+4799999999"
    cast.advisor.save()
    NotificationPreference.objects.create(
        person=cast.advisor, kind=NotificationKind.INPUT_ASSIGNED, channel=NotificationChannel.SMS
    )
    give(item, by=cast.coordinator, office=None, person=cast.advisor)

    told()

    assert not mail.outbox
    ((to, text),) = LocmemSmsBackend.outbox
    assert to == "+4799999999" and f"/p/best/inputs/{item.pk}/" in text


def test_nobody_is_told_when_they_give_it_to_themselves(cast, item):
    give(item, by=cast.coordinator, office=None, person=cast.coordinator)

    assert told().total == 0 and not mail.outbox


def test_an_office_given_it_tells_its_leader(cast, item):
    give(item, by=cast.coordinator, office=cast.offices.gjovik, person=None)

    told()

    assert [m.to for m in mail.outbox] == [["leader@example.org"]]


def test_a_due_date_change_alone_tells_nobody(cast, item):
    services.input_assign(
        input=item,
        office=None,
        person=None,
        due_on=item.feedback_due_on + datetime.timedelta(days=7),
        by=cast.coordinator,
    )

    assert told().total == 0


def test_a_handover_since_moved_on_tells_only_the_latest_owner(cast, item):
    give(item, by=cast.coordinator, office=None, person=cast.advisor)
    give(item, by=cast.coordinator, office=None, person=cast.leader)

    told()

    assert [m.to for m in mail.outbox] == [["leader@example.org"]]


def test_an_old_handover_is_not_news(cast, item):
    give(
        item,
        by=cast.coordinator,
        office=None,
        person=cast.advisor,
        when=noon() - datetime.timedelta(days=10),
    )

    assert told().total == 0


def test_the_task_after_the_handover_sends_it_outside_the_quiet_hours(cast, item):
    give(item, by=cast.coordinator, office=None, person=cast.advisor)
    change = item.owner_changes.get()

    night = local_datetime(timezone.localdate(), datetime.time(23, 0))
    deferred = reminders.input_assigned_notify(change_id=change.pk, now=night)
    sent = reminders.input_assigned_notify(change_id=change.pk, now=noon())

    assert deferred.deferred and sent.total == 1
