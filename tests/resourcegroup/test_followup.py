"""Dropout follow-up: the list of members drifting away, the contact log, leaving and reasons."""

import datetime

import pytest
from django.utils import timezone

from participation.models import Attendance, Membership
from resourcegroup.models import FollowUpContact
from resourcegroup.selectors.followup import drifting_members, leaving_reasons
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory, days_from_now
from tests.resourcegroup.factories import FollowUpContactFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE = "/p/best/resource-group/follow-up/"
P, A, N = Attendance.Status.PRESENT, Attendance.Status.ABSENT, Attendance.Status.NOTICE


def _meetings(cast, pattern_by_membership, days_ago):
    """Past meetings of the resource group with the given statuses per membership."""
    for index, days in enumerate(days_ago):
        start = days_from_now(-days)
        meeting = MeetingFactory(
            group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )
        for membership, pattern in pattern_by_membership.items():
            AttendanceFactory(meeting=meeting, membership=membership, status=pattern[index])


@pytest.fixture
def drifting(cast):
    """Emma Medlem misses the last three meetings; Ola comes; Kari was away nine weeks."""
    for membership in Membership.objects.filter(group=cast.resource_group):
        membership.starts_on = timezone.localdate() - datetime.timedelta(days=200)
        membership.save()
    emma = Membership.objects.get(person=cast.member)
    ola = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Ola Kommer",
        starts_on=emma.starts_on,
    )
    kari = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Kari Borte",
        starts_on=emma.starts_on,
    )
    _meetings(
        cast,
        {emma: [P, A, N, A], ola: [P, P, P, P], kari: [P, P, P, A]},
        days_ago=[70, 56, 21, 7],
    )
    return emma, ola, kari


def test_members_absent_many_times_in_a_row_are_flagged(cast, drifting):
    emma, ola, kari = drifting

    rows = drifting_members(programme=cast.programme, weeks=52)

    assert [row.membership for row in rows] == [emma]
    assert rows[0].streak == 3
    assert rows[0].is_flagged
    assert timezone.localdate(rows[0].last_present) == timezone.localdate(days_from_now(-70))


def test_members_away_many_weeks_while_the_group_met_are_listed_too(cast, drifting):
    emma, ola, kari = drifting

    rows = drifting_members(programme=cast.programme, weeks=2)

    assert [row.membership for row in rows] == [emma, kari]
    assert rows[1].is_away_long
    assert not rows[1].is_flagged


def test_the_latest_contact_is_shown_with_each_member(cast, drifting):
    emma, *_ = drifting
    FollowUpContactFactory(
        membership=emma, contacted_on=timezone.localdate() - datetime.timedelta(days=9)
    )
    latest = FollowUpContactFactory(
        membership=emma,
        contacted_on=timezone.localdate() - datetime.timedelta(days=2),
        outcome=FollowUpContact.Outcome.NEEDS_ADJUSTMENT,
    )

    (row,) = drifting_members(programme=cast.programme, weeks=52)

    assert row.last_contact == latest


def test_the_coordinator_sees_the_list_with_last_attendance(login, client, english, cast, drifting):
    login(cast.coordinator)

    body = client.get(BASE).content.decode()

    assert "Emma Medlem" in body
    assert "Ola Kommer" not in body
    assert "10 weeks ago" in body


def test_the_weeks_can_be_chosen_and_garbage_is_ignored(login, client, english, cast, drifting):
    login(cast.coordinator)

    assert "Kari Borte" in client.get(BASE + "?weeks=1").content.decode()
    assert client.get(BASE + "?weeks=mange").status_code == 200


def test_the_coordinator_logs_a_contact(login, client, english, cast, drifting):
    emma, *_ = drifting
    login(cast.coordinator)

    response = client.post(
        BASE + f"{emma.pk}/",
        {
            "contacted_on": timezone.localdate().isoformat(),
            "channel": "phone",
            "outcome": "needs_adjustment",
            "note": "Vil gjerne komme, men bussen går for sent.",
        },
        follow=True,
    )

    assert "bussen går for sent" in response.content.decode()
    contact = FollowUpContact.objects.get()
    assert contact.by == cast.coordinator
    assert contact.membership == emma


def test_a_contact_in_the_future_is_refused_with_values_kept(
    login, client, english, cast, drifting
):
    emma, *_ = drifting
    login(cast.coordinator)

    response = client.post(
        BASE + f"{emma.pk}/",
        {
            "contacted_on": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
            "channel": "text",
            "outcome": "no_answer",
            "note": "Sendte SMS",
        },
    )

    body = response.content.decode()
    assert "cannot be in the future" in body
    assert "Sendte SMS" in body
    assert not FollowUpContact.objects.exists()


def test_leaving_is_recorded_with_its_reason_and_counted(login, client, english, cast, drifting):
    emma, *_ = drifting
    login(cast.coordinator)

    client.post(
        BASE + f"{emma.pk}/leave/",
        {"ends_on": timezone.localdate().isoformat(), "end_reason": "got_job", "handover_note": ""},
    )

    emma.refresh_from_db()
    assert emma.end_reason == "got_job"
    rows, total = leaving_reasons(programme=cast.programme)
    assert total == 1
    assert [(r.reason, r.count, r.percent) for r in rows] == [("got_job", 1, 100)]
    body = client.get(BASE).content.decode()
    assert "Got a job" in body


def test_leaving_without_a_reason_is_refused(login, client, english, cast, drifting):
    emma, *_ = drifting
    login(cast.coordinator)

    response = client.post(
        BASE + f"{emma.pk}/leave/",
        {"ends_on": timezone.localdate().isoformat(), "end_reason": "", "handover_note": "Notat"},
    )

    assert response.status_code == 200
    assert "Notat" in response.content.decode()
    emma.refresh_from_db()
    assert emma.ends_on is None


def test_the_reasons_table_counts_every_reason(cast):
    for reason in ["got_job", "got_job", "education", "health"]:
        MembershipFactory(
            group=cast.resource_group,
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2024, 6, 1),
            end_reason=reason,
        )
    MembershipFactory(
        group=cast.project_group,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 6, 1),
        end_reason="moved",
    )

    rows, total = leaving_reasons(programme=cast.programme)

    assert total == 4
    assert [(r.reason, r.count, r.percent) for r in rows][0] == ("got_job", 2, 50)


def test_a_member_of_another_group_or_programme_is_a_404(login, client, cast):
    advisor = Membership.objects.get(person=cast.advisor)
    outsider = Membership.objects.get(person=cast.outsider)
    login(cast.coordinator)

    assert client.get(BASE + f"{advisor.pk}/").status_code == 404
    assert client.get(BASE + f"{outsider.pk}/").status_code == 404
    assert client.get(BASE + "999999/").status_code == 404


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_follow_up(login, client, cast, drifting, who):
    emma, *_ = drifting
    login(getattr(cast, who))

    assert client.get(BASE).status_code == 404
    assert client.get(BASE + f"{emma.pk}/").status_code == 404
    response = client.post(
        BASE + f"{emma.pk}/",
        {"contacted_on": timezone.localdate().isoformat(), "channel": "phone", "outcome": "other"},
    )
    assert response.status_code == 404
    assert client.post(BASE + f"{emma.pk}/leave/", {"end_reason": "other"}).status_code == 404
    assert not FollowUpContact.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, cast):
    response = client.get(BASE)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_list_does_not_query_per_member(
    login, client, cast, drifting, django_assert_max_num_queries
):
    login(cast.coordinator)
    with django_assert_max_num_queries(40) as few:
        client.get(BASE)
    for _n in range(6):
        membership = MembershipFactory(
            group=cast.resource_group, starts_on=timezone.localdate() - datetime.timedelta(days=200)
        )
        for meeting in cast.resource_group.meetings.all():
            AttendanceFactory(meeting=meeting, membership=membership, status=A)
        FollowUpContactFactory(membership=membership)

    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(BASE).content.decode()
    assert body.count("badge text-bg-warning") >= 7
