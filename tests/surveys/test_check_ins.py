"""The members' quick check-in after a meeting: once each, counts only, shown over five."""

import pytest
from django.core.exceptions import ValidationError

from surveys import services
from surveys.models import CheckInCount, CheckInReceipt
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-1))


def more_members(cast, count):
    return [MembershipFactory(group=cast.resource_group).person for _ in range(count)]


def test_member_checks_in_after_the_meeting(login, client, cast, meeting):
    login(cast.member)
    url = f"/p/best/surveys/check-in/{meeting.pk}/"

    form = client.get(url).content.decode()
    response = client.post(url, {"wellbeing": "4", "meeting_score": "5"})

    assert "How are you doing?" in form
    assert response.status_code == 302
    assert CheckInReceipt.objects.get().person == cast.member
    counts = {(c.topic, c.score): c.count for c in CheckInCount.objects.filter(count__gt=0)}
    assert counts == {("wellbeing", 4): 1, ("meeting", 5): 1}
    assert "Thank you for checking in!" in client.get(url).content.decode()


def test_nothing_links_the_person_to_what_they_answered(cast, meeting):
    services.check_in_submit(meeting=meeting, person=cast.member, wellbeing=2, meeting_score=3)

    assert {f.name for f in CheckInCount._meta.concrete_fields} == {
        "id",
        "meeting",
        "topic",
        "score",
        "count",
    }
    # All ten counters are made at once, so their order tells nothing about the first answer.
    assert CheckInCount.objects.filter(meeting=meeting).count() == 10


def test_checking_in_twice_counts_once(cast, meeting):
    services.check_in_submit(meeting=meeting, person=cast.member, wellbeing=2, meeting_score=3)

    with pytest.raises(ValidationError):
        services.check_in_submit(meeting=meeting, person=cast.member, wellbeing=5, meeting_score=5)

    assert sum(CheckInCount.objects.values_list("count", flat=True)) == 2


def test_out_of_range_scores_are_refused_and_nothing_is_counted(login, client, cast, meeting):
    login(cast.member)

    response = client.post(
        f"/p/best/surveys/check-in/{meeting.pk}/", {"wellbeing": "9", "meeting_score": "x"}
    )

    assert response.status_code == 200
    assert "Please check the following" in response.content.decode()
    assert not CheckInReceipt.objects.exists()


def test_a_future_meeting_has_no_check_in_yet(login, client, cast):
    future = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(3))
    login(cast.member)

    body = client.get(f"/p/best/surveys/check-in/{future.pk}/").content.decode()

    assert "The check-in is not open" in body
    with pytest.raises(ValidationError):
        services.check_in_submit(meeting=future, person=cast.member, wellbeing=3, meeting_score=3)


@pytest.mark.parametrize("who", ["coordinator", "advisor", "leader", "outsider"])
def test_only_the_groups_members_check_in(login, client, cast, meeting, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/check-in/{meeting.pk}/").status_code == 404


def test_members_find_open_check_ins_on_the_survey_page(login, client, cast, meeting):
    login(cast.member)

    body = client.get("/p/best/surveys/").content.decode()

    assert f"/p/best/surveys/check-in/{meeting.pk}/" in body


def test_coordinator_sees_means_only_where_five_or_more_checked_in(login, client, cast, meeting):
    small = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-10))
    members = more_members(cast, 5)
    for person in members:
        services.check_in_submit(meeting=meeting, person=person, wellbeing=4, meeting_score=5)
    for person in members[:2]:
        services.check_in_submit(meeting=small, person=person, wellbeing=1, meeting_score=1)
    login(cast.coordinator)

    body = client.get("/p/best/surveys/check-ins/").content.decode()

    assert "4,0" in body or "4.0" in body
    assert "Hidden: fewer than 5 answers" in body
    # Total of 7 minus the shown 5 would give the small meeting's two: hidden too.
    assert "Hidden: it would reveal a small group" in body
    assert "1,0" not in body and "1.0" not in body
    assert "The meetings shown, together" in body


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_see_the_check_in_figures(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get("/p/best/surveys/check-ins/").status_code == 404
