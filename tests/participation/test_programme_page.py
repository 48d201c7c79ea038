import pytest

pytestmark = pytest.mark.django_db


def test_coordinator_sees_every_group_with_its_members_and_the_invite_button(login, client, cast):
    login(cast.coordinator)

    body = client.get("/p/best/").content.decode()

    for name in [
        "Ressursgruppa",
        "Prosjektgruppa",
        "Styringsgruppa",
        "Emma Medlem",
        "Sara Veileder",
    ]:
        assert name in body
    assert "/p/best/invite/" in body


def test_member_sees_their_own_group_and_not_the_others(login, client, cast):
    login(cast.member)

    body = client.get("/p/best/").content.decode()

    assert "Ressursgruppa" in body
    assert "Prosjektgruppa" not in body
    assert "/p/best/invite/" not in body


def test_steering_member_sees_all_groups_but_cannot_invite(login, client, cast):
    login(cast.leader)

    body = client.get("/p/best/").content.decode()

    assert "Prosjektgruppa" in body and "Ressursgruppa" in body
    assert "/p/best/invite/" not in body


def test_outsider_gets_404_for_another_programme(login, client, cast):
    login(cast.outsider)

    assert client.get("/p/best/").status_code == 404


def test_unknown_programme_is_404(login, client, cast):
    login(cast.member)

    assert client.get("/p/nope/").status_code == 404


def test_home_goes_straight_to_the_only_programme(login, client, cast):
    login(cast.member)

    response = client.get("/")

    assert response["Location"] == "/p/best/"


def test_home_lists_programmes_when_there_are_several(login, client, cast):
    cast.other_programme.coordinators.add(cast.member)
    login(cast.member)

    body = client.get("/").content.decode()

    assert "/p/best/" in body and "/p/other/" in body


def test_person_in_no_programme_is_told_so_kindly(login, client, db):
    from tests.participation.factories import UserFactory

    login(UserFactory())

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "not part of any programme yet" in response.content.decode()


def test_programme_page_query_count_does_not_grow_with_members(
    login, client, cast, django_assert_max_num_queries
):
    from tests.participation.factories import MembershipFactory

    login(cast.coordinator)
    client.get("/p/best/")
    MembershipFactory.create_batch(10, group=cast.resource_group)

    # A fixed cost: the task list asks each app once per kind of task (see
    # tests/participation/test_start_page_tasks.py); what matters is that it does not grow.
    with django_assert_max_num_queries(36) as queries:
        client.get("/p/best/")
    baseline = len(queries)
    MembershipFactory.create_batch(10, group=cast.project_group)
    with django_assert_max_num_queries(baseline):
        client.get("/p/best/")


def test_next_meetings_are_of_the_members_own_groups_even_with_a_steering_seat(login, client, cast):
    import datetime

    from django.utils import timezone

    from participation import services
    from participation.services.meetings import local_datetime
    from tests.participation.factories import MembershipFactory

    MembershipFactory(person=cast.member, group=cast.steering_group)
    for group in (cast.resource_group, cast.project_group):
        starts = local_datetime(timezone.localdate() + datetime.timedelta(days=5), datetime.time(9))
        services.meeting_create(
            group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
        )
    login(cast.member)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    upcoming = body.split("Next meetings")[1].split("</section>")[0]

    assert "Ressursgruppa" in upcoming
    assert "Prosjektgruppa" not in upcoming
