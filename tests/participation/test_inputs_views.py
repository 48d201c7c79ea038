"""The inputs list and the members' phone page: who sees which inputs, and what they read."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from participation.models import Input

from .factories import ProgrammeFactory
from .factories_inputs import InputFactory, answered_input, overdue_input

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def inputs(cast):
    """One input from each group, two without a group followed up by an office, and one from
    another programme."""
    programme = cast.programme
    return SimpleNamespace(
        resource=InputFactory(
            programme=programme, group=cast.resource_group, title="Brevene er vanskelige"
        ),
        project=InputFactory(
            programme=programme, group=cast.project_group, title="Veiledere trenger sjekkliste"
        ),
        steering=InputFactory(
            programme=programme, group=cast.steering_group, title="Styringsgruppa vil ha tall"
        ),
        gjovik=InputFactory(
            programme=programme,
            assigned_office=cast.offices.gjovik,
            source=Input.Source.SURVEY,
            title="Ventetid på Gjøvik",
        ),
        toten=InputFactory(
            programme=programme,
            assigned_office=cast.offices.toten,
            source=Input.Source.SURVEY,
            title="Ventetid på Toten",
        ),
        other=InputFactory(
            programme=cast.other_programme, group=cast.other_group, title="Et annet innspill"
        ),
    )


ALL_TITLES = {
    "resource": "Brevene er vanskelige",
    "project": "Veiledere trenger sjekkliste",
    "steering": "Styringsgruppa vil ha tall",
    "gjovik": "Ventetid på Gjøvik",
    "toten": "Ventetid på Toten",
}


def titles_seen(body):
    return {key for key, title in ALL_TITLES.items() if title in body}


# --- The list ---------------------------------------------------------------------------------


def test_coordinator_sees_every_input_of_the_programme_and_the_register_button(
    login, client, cast, inputs
):
    login(cast.coordinator)

    body = client.get("/p/best/inputs/").content.decode()

    assert titles_seen(body) == set(ALL_TITLES)
    assert "Et annet innspill" not in body
    assert "/p/best/inputs/new/" in body
    assert f"/p/best/inputs/{inputs.resource.pk}/" in body


def test_steering_member_sees_every_input_but_cannot_register_one(login, client, cast, inputs):
    login(cast.leader)

    body = client.get("/p/best/inputs/").content.decode()

    assert titles_seen(body) == set(ALL_TITLES)
    assert "/p/best/inputs/new/" not in body


def test_member_sees_only_their_own_groups_inputs(login, client, cast, inputs):
    login(cast.member)

    body = client.get("/p/best/inputs/").content.decode()

    assert titles_seen(body) == {"resource"}
    assert "/p/best/inputs/new/" not in body


def test_advisor_sees_the_project_groups_inputs_and_those_their_office_follows_up(
    login, client, cast, inputs
):
    login(cast.advisor)

    body = client.get("/p/best/inputs/").content.decode()

    assert titles_seen(body) == {"project", "gjovik"}


def test_outsider_gets_404_for_the_list(login, client, cast, inputs):
    login(cast.outsider)

    assert client.get("/p/best/inputs/").status_code == 404


def test_anonymous_visitor_is_sent_to_log_in_from_the_list(client, cast):
    response = client.get("/p/best/inputs/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_list_shows_who_follows_up_and_flags_overdue_feedback_in_words(login, client, cast):
    overdue_input(
        programme=cast.programme,
        group=cast.resource_group,
        title="Glemt innspill",
        assigned_office=cast.offices.toten,
    )
    login(cast.coordinator)

    body = client.get("/p/best/inputs/").content.decode()

    assert "Glemt innspill" in body
    assert "NAV Østre Toten" in body
    assert "Feedback overdue" in body
    assert "Ressursgruppa" in body


def test_list_filters_by_status(login, client, cast, inputs):
    answered_input(
        programme=cast.programme, group=cast.resource_group, title="Ferdig", feedback="Vi fikset."
    )
    login(cast.coordinator)

    body = client.get("/p/best/inputs/?status=done").content.decode()

    assert "Ferdig" in body
    assert titles_seen(body) == set()


def test_list_shows_only_overdue_feedback_when_asked(login, client, cast, inputs):
    overdue_input(programme=cast.programme, group=cast.resource_group, title="Glemt innspill")
    login(cast.coordinator)

    body = client.get("/p/best/inputs/?overdue=1").content.decode()

    assert "Glemt innspill" in body
    assert titles_seen(body) == set()


def test_list_ignores_a_status_filter_that_is_not_a_status(login, client, cast, inputs):
    login(cast.coordinator)

    response = client.get("/p/best/inputs/?status=banana&overdue=maybe-not")

    assert response.status_code == 200
    assert "is not one of the available choices" not in response.content.decode()


def test_list_figures_count_what_the_user_may_see(login, client, cast, inputs):
    overdue_input(programme=cast.programme, group=cast.resource_group)
    answered_input(
        programme=cast.programme,
        group=cast.resource_group,
        status=Input.Status.DECLINED,
        decline_reason="Loven tillater det ikke.",
        feedback="Vi kan dessverre ikke.",
    )
    login(cast.member)

    response = client.get("/p/best/inputs/")

    stats = response.context["stats"]
    assert (stats.raised, stats.with_feedback, stats.open, stats.declined, stats.overdue) == (
        3,
        1,
        2,
        1,
        1,
    )
    assert stats.median_days_to_feedback == 0


def test_list_query_count_does_not_grow_with_inputs(
    login, client, cast, django_assert_max_num_queries
):
    def make(count):
        for n in range(count):
            InputFactory(
                programme=cast.programme,
                group=cast.resource_group if n % 2 else cast.project_group,
                assigned_office=cast.offices.gjovik,
                assigned_to=cast.advisor,
            )

    login(cast.coordinator)
    make(3)
    with django_assert_max_num_queries(30) as queries:
        client.get("/p/best/inputs/")
    baseline = len(queries)
    make(10)
    with django_assert_max_num_queries(baseline):
        response = client.get("/p/best/inputs/")
    assert len(response.context["inputs"]) == 13


# --- The members' phone page ---------------------------------------------------------------


def test_member_reads_navs_feedback_on_the_phone_page(login, client, cast):
    answered_input(
        programme=cast.programme,
        group=cast.resource_group,
        title="Brevene er vanskelige",
        feedback="Vi har skrevet om brevene sammen med dere.",
    )
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert "What happened with what we said" in body
    assert "Brevene er vanskelige" in body
    assert "You said:" in body
    assert "NAV&#x27;s answer:" in body or "NAV's answer:" in body
    assert "Vi har skrevet om brevene sammen med dere." in body
    assert "<table" not in body


def test_member_is_told_plainly_when_the_answer_is_late(login, client, cast):
    overdue_input(programme=cast.programme, group=cast.resource_group, title="Glemt")
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert "The answer is late" in body
    assert "NAV should have answered by" in body


def test_member_is_told_when_nav_should_answer_when_no_answer_yet(login, client, cast):
    InputFactory(programme=cast.programme, group=cast.resource_group, title="Nytt")
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert "No answer yet" in body
    assert "The answer is late" not in body


def test_answered_inputs_come_first_on_the_phone_page(login, client, cast):
    InputFactory(programme=cast.programme, group=cast.resource_group, title="Ubesvart")
    answered_input(
        programme=cast.programme,
        group=cast.resource_group,
        title="Besvart",
        feedback="Ja.",
        raised_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    login(cast.member)

    inputs = list(client.get("/p/best/what-happened/").context["inputs"])

    assert [i.title for i in inputs] == ["Besvart", "Ubesvart"]


def test_phone_page_shows_a_member_only_their_groups_inputs(login, client, cast, inputs):
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert titles_seen(body) == {"resource"}


def test_phone_page_shows_an_advisor_their_own_groups_inputs(login, client, cast, inputs):
    login(cast.advisor)

    body = client.get("/p/best/what-happened/").content.decode()

    assert titles_seen(body) == {"project"}


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_phone_page_shows_coordinators_and_steering_every_input(login, client, cast, inputs, role):
    login(getattr(cast, role))

    body = client.get("/p/best/what-happened/").content.decode()

    assert titles_seen(body) == set(ALL_TITLES)
    assert "Et annet innspill" not in body


def test_outsider_gets_404_for_the_phone_page(login, client, cast, inputs):
    login(cast.outsider)

    assert client.get("/p/best/what-happened/").status_code == 404


def test_anonymous_visitor_is_sent_to_log_in_from_the_phone_page(client, cast):
    response = client.get("/p/best/what-happened/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_phone_page_says_kindly_when_there_is_nothing_yet(login, client, cast):
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert "No inputs yet" in body


def test_phone_page_query_count_does_not_grow_with_inputs(
    login, client, cast, django_assert_max_num_queries
):
    def make(count):
        for n in range(count):
            if n % 2:
                answered_input(
                    programme=cast.programme, group=cast.resource_group, feedback="Svar."
                )
            else:
                overdue_input(programme=cast.programme, group=cast.resource_group)

    login(cast.member)
    make(3)
    with django_assert_max_num_queries(30) as queries:
        client.get("/p/best/what-happened/")
    baseline = len(queries)
    make(10)
    with django_assert_max_num_queries(baseline):
        response = client.get("/p/best/what-happened/")
    assert len(response.context["inputs"]) == 13


def test_an_input_from_another_programmes_group_never_shows_on_the_phone_page(login, client, cast):
    # The resource group is shared with another programme; its input there stays there.
    elsewhere = ProgrammeFactory(slug="elsewhere")
    cast.resource_group.programmes.add(elsewhere)
    InputFactory(programme=elsewhere, group=cast.resource_group, title="Fra et annet prosjekt")
    login(cast.member)

    body = client.get("/p/best/what-happened/").content.decode()

    assert "Fra et annet prosjekt" not in body
