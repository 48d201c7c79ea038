import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from participation.access import (
    access_programme,
    groups_visible_to,
    programme_accesses_for,
    programmes_visible_to,
    requires_mfa,
)
from tests.participation.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_coordinator_sees_the_programme_they_coordinate(cast):
    assert list(programmes_visible_to(cast.coordinator)) == [cast.programme]


def test_member_sees_the_programme_of_their_group(cast):
    assert list(programmes_visible_to(cast.member)) == [cast.programme]


def test_outsider_does_not_see_the_programme(cast):
    assert cast.programme not in programmes_visible_to(cast.outsider)
    with pytest.raises(Http404):
        access_programme(cast.outsider, "best")


def test_missing_and_forbidden_programmes_look_the_same(cast):
    with pytest.raises(Http404):
        access_programme(cast.member, "does-not-exist")
    with pytest.raises(Http404):
        access_programme(cast.member, "other")


def test_membership_that_ended_gives_no_access(cast):
    ended = MembershipFactory(
        group=cast.resource_group,
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    assert list(programmes_visible_to(ended.person)) == []


def test_membership_that_has_not_started_gives_no_access_yet(cast):
    future = MembershipFactory(
        group=cast.resource_group, starts_on=timezone.localdate() + datetime.timedelta(days=7)
    )

    assert list(programmes_visible_to(future.person)) == []


def test_roles_are_read_from_the_memberships(cast):
    coordinator = access_programme(cast.coordinator, "best")
    leader = access_programme(cast.leader, "best")
    advisor = access_programme(cast.advisor, "best")
    member = access_programme(cast.member, "best")

    assert coordinator.can_manage and coordinator.can_see_programme_overview
    assert leader.is_steering_member and leader.can_see_programme_overview and not leader.can_manage
    assert advisor.is_advisor and advisor.office_ids == {cast.offices.gjovik.pk}
    assert member.is_resource_group_member and not member.can_see_programme_overview


def test_member_sees_only_their_own_groups(cast):
    groups = groups_visible_to(access_programme(cast.member, "best"))

    assert list(groups) == [cast.resource_group]


def test_steering_member_sees_every_group_of_the_programme(cast):
    groups = set(groups_visible_to(access_programme(cast.leader, "best")))

    assert groups == {cast.resource_group, cast.project_group, cast.steering_group}


def test_accesses_for_several_programmes_are_built_in_few_queries(
    cast, django_assert_max_num_queries
):
    cast.other_group.programmes.add(cast.programme)
    MembershipFactory(person=cast.member, group=cast.other_group)

    with django_assert_max_num_queries(4):
        accesses = programme_accesses_for(cast.member)

    assert {a.programme.slug for a in accesses} == {"best", "other"}
    best = next(a for a in accesses if a.programme.slug == "best")
    assert {m.group for m in best.memberships} == {cast.resource_group, cast.other_group}


def test_only_coordinators_and_staff_need_a_second_factor(cast):
    assert requires_mfa(cast.coordinator)
    assert not requires_mfa(cast.member)
    cast.member.is_staff = True
    assert requires_mfa(cast.member)
