"""A plain member sees their own attendance, not their peers': the group's attendance history
is for those who keep the group's records, and the meeting page names only the member."""

import datetime

import pytest
from django.utils import timezone

from participation import services
from participation.models import Membership
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(cast):
    """A past meeting of the resource group: Emma present, Jonas absent."""
    jonas = MembershipFactory(person__display_name="Jonas Fravær", group=cast.resource_group)
    emma = cast.member.memberships.get()
    start = timezone.now() - datetime.timedelta(days=3)
    meeting = MeetingFactory(
        group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    services.attendance_record(meeting=meeting, statuses={emma.pk: "present", jonas.pk: "absent"})
    return meeting


def test_a_member_gets_404_for_the_groups_attendance_history(login, client, cast, recorded):
    login(cast.member)

    response = client.get(f"/p/best/groups/{cast.resource_group.pk}/attendance/")

    assert response.status_code == 404


def test_the_group_page_offers_no_attendance_history_to_a_member(login, client, cast, recorded):
    login(cast.member)

    page = client.get(f"/p/best/groups/{cast.resource_group.pk}/").content.decode()

    assert f"/p/best/groups/{cast.resource_group.pk}/attendance/" not in page


def test_the_meeting_page_names_only_the_member_but_keeps_the_counts(login, client, cast, recorded):
    login(cast.member)

    page = client.get(f"/p/best/meetings/{recorded.pk}/").content.decode()

    assert "Emma Medlem" in page
    assert "Jonas Fravær" not in page
    assert "Absent: 1" in page


def test_a_paid_representative_keeps_the_records_and_sees_every_name(login, client, cast, recorded):
    rep = MembershipFactory(
        group=cast.resource_group, role=Membership.Role.PAID_REPRESENTATIVE
    ).person
    login(rep)

    history = client.get(f"/p/best/groups/{cast.resource_group.pk}/attendance/")
    page = client.get(f"/p/best/meetings/{recorded.pk}/").content.decode()

    assert history.status_code == 200
    assert "Jonas Fravær" in history.content.decode()
    assert "Jonas Fravær" in page


def test_the_coordinator_sees_every_name(login, client, cast, recorded):
    login(cast.coordinator)

    page = client.get(f"/p/best/meetings/{recorded.pk}/").content.decode()

    assert "Jonas Fravær" in page
