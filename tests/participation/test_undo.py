"""Undo instead of a check step: attendance and an action item's status can be put back by
the person who changed them, for a few minutes, and the undo is in the audit log."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from participation.models import ActionItem, Attendance, AuditEvent
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    MeetingFactory,
    days_from_now,
)

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def held(cast):
    return MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-1))


def _undo_token(body: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', body)
    assert match, "no undo button on the page"
    return match.group(1)


def test_everyone_present_can_be_undone_by_the_same_coordinator(login, client, cast, held):
    login(cast.coordinator)
    response = client.post(
        f"/p/best/meetings/{held.pk}/attendance/", {"everyone_present": "1"}, follow=True
    )
    body = response.content.decode()
    assert "Attendance is saved." in body and ">Undo<" in body
    assert held.attendances.count() == 1

    response = client.post(
        "/undo/", {"token": _undo_token(body), "next": f"/p/best/meetings/{held.pk}/"}, follow=True
    )

    assert "The attendance is as it was before." in response.content.decode()
    assert held.attendances.count() == 0
    event = AuditEvent.objects.get()
    assert event.actor == cast.coordinator and event.action == "changed"
    assert "Emma" not in event.subject + event.detail


def test_undo_puts_back_the_statuses_saved_before(login, client, cast, held):
    emma = cast.member.memberships.get()
    jonas = MembershipFactory(group=cast.resource_group, person__display_name="Jonas")
    Attendance.objects.create(meeting=held, membership=emma, status=Attendance.Status.ABSENT)
    login(cast.coordinator)
    body = client.post(
        f"/p/best/meetings/{held.pk}/attendance/",
        {f"status_{emma.pk}": "present", f"status_{jonas.pk}": "present"},
        follow=True,
    ).content.decode()

    client.post("/undo/", {"token": _undo_token(body)})

    assert dict(held.attendances.values_list("membership_id", "status")) == {emma.pk: "absent"}


def test_an_undo_is_used_once_and_not_after_ten_minutes(login, client, cast, held):
    login(cast.coordinator)
    body = client.post(
        f"/p/best/meetings/{held.pk}/attendance/", {"everyone_present": "1"}, follow=True
    ).content.decode()
    token = _undo_token(body)

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        response = client.post("/undo/", {"token": token}, follow=True)

    assert "too late to undo" in response.content.decode()
    assert held.attendances.count() == 1
    assert client.post("/undo/", {"token": token}, follow=True).status_code == 200
    assert held.attendances.count() == 1
    assert not AuditEvent.objects.exists()


def test_another_user_cannot_use_the_undo(login, client, cast, held, django_user_model):
    login(cast.coordinator)
    body = client.post(
        f"/p/best/meetings/{held.pk}/attendance/", {"everyone_present": "1"}, follow=True
    ).content.decode()
    token = _undo_token(body)
    login(cast.member)

    response = client.post("/undo/", {"token": token}, follow=True)

    assert "too late to undo" in response.content.decode()
    assert held.attendances.count() == 1


def test_marking_an_action_item_done_can_be_undone(login, client, cast, held):
    item = ActionItemFactory(meeting=held, group=cast.resource_group, title="Lage plakat")
    login(cast.coordinator)
    body = client.post(
        f"/p/best/action-items/{item.pk}/status/",
        {"status": "done", "next": f"/p/best/meetings/{held.pk}/"},
        follow=True,
    ).content.decode()
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE

    response = client.post("/undo/", {"token": _undo_token(body)}, follow=True)

    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN and item.closed_at is None
    assert "is back to: Open." in response.content.decode()
    assert AuditEvent.objects.filter(actor=cast.coordinator).count() == 1
