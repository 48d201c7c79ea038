"""An input's page: its way to an answer, and one clear path to answer or decline it."""

import pytest

from participation.models import Input, InputEvent

from .factories import OfficeFactory
from .factories_inputs import InputFactory, answered_input

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def item(cast):
    return InputFactory(
        programme=cast.programme,
        group=cast.resource_group,
        title="Brevene er vanskelige",
        description="Vi forstår ikke brevene.",
        raised_by=cast.coordinator,
    )


def url(item, action=""):
    return f"/p/{item.programme.slug}/inputs/{item.pk}/" + (f"{action}/" if action else "")


def status_post(to_status, **fields):
    return {"status-to_status": to_status, **{f"status-{k}": v for k, v in fields.items()}}


# --- Seeing it ---------------------------------------------------------------------------------


def test_coordinator_sees_the_input_its_history_and_one_path_to_answer_or_decline(
    login, client, cast, item
):
    login(cast.coordinator)

    response = client.get(url(item))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Brevene er vanskelige" in body and "Vi forstår ikke brevene." in body
    assert "Received" in body and "by Hanne Koordinator" in body
    assert "No feedback yet" in body
    assert "Answer or decline the input" in body
    # One form carries the answer or the reason; no second feedback form competes with it.
    assert f'action="{url(item, "status")}"' in body
    assert f'action="{url(item, "feedback")}"' not in body
    assert body.count('name="status-feedback"') == 1 and 'name="feedback-feedback"' not in body
    assert body.count('class="btn btn-primary') == 1
    assert f'action="{url(item, "assign")}"' in body  # who follows it up: a secondary form


def test_a_closed_input_offers_correcting_the_feedback_as_its_one_main_action(
    login, client, cast, item
):
    login(cast.coordinator)
    client.post(url(item, "status"), status_post("done", feedback="Brevene er skrevet om."))

    body = client.get(url(item)).content.decode()

    assert "Answer or decline the input" not in body
    assert f'action="{url(item, "feedback")}"' in body
    assert body.count('class="btn btn-primary') == 1


def test_refused_feedback_on_an_open_input_is_shown_again_with_what_was_typed(
    login, client, cast, item
):
    login(cast.coordinator)

    response = client.post(url(item, "feedback"), {"feedback-feedback": "   "})

    assert response.status_code == 200
    assert response.context["feedback_form"].errors
    assert f'action="{url(item, "feedback")}"' in response.content.decode()


def test_status_select_offers_only_the_later_steps(login, client, cast, item):
    item.status = Input.Status.IN_PROGRESS
    item.save()
    login(cast.coordinator)

    form = client.get(url(item)).context["status_form"]

    assert [value for value, _ in form.fields["to_status"].widget.choices] == [
        Input.Status.DONE,
        Input.Status.DECLINED,
    ]


def test_steering_member_sees_the_input_but_no_forms(login, client, cast, item):
    login(cast.leader)

    response = client.get(url(item))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Brevene er vanskelige" in body
    assert "<form" not in body.split('id="main"')[1].split("</main>")[0]


@pytest.mark.parametrize("role", ["leader", "member"])
@pytest.mark.parametrize(
    "action, data",
    [
        ("status", status_post("considering")),
        ("feedback", {"feedback-feedback": "Svar"}),
        ("assign", {"assign-assigned_office": ""}),
    ],
)
def test_people_who_are_not_coordinators_cannot_post_to_an_input(
    login, client, cast, item, role, action, data
):
    login(getattr(cast, role))

    response = client.post(url(item, action), data)

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == Input.Status.RECEIVED and item.feedback == ""
    assert item.events.count() == 1


def test_member_sees_their_own_groups_input_without_forms(login, client, cast, item):
    login(cast.member)

    response = client.get(url(item))

    assert response.status_code == 200
    assert "status_form" not in response.context


def test_member_gets_404_for_another_groups_input(login, client, cast):
    other = InputFactory(programme=cast.programme, group=cast.project_group)
    login(cast.member)

    assert client.get(url(other)).status_code == 404


def test_advisor_sees_project_group_inputs_and_their_offices_but_not_others(login, client, cast):
    project = InputFactory(programme=cast.programme, group=cast.project_group)
    gjovik = InputFactory(programme=cast.programme, assigned_office=cast.offices.gjovik)
    toten = InputFactory(programme=cast.programme, assigned_office=cast.offices.toten)
    resource = InputFactory(programme=cast.programme, group=cast.resource_group)
    login(cast.advisor)

    assert client.get(url(project)).status_code == 200
    assert client.get(url(gjovik)).status_code == 200
    assert client.get(url(toten)).status_code == 404
    assert client.get(url(resource)).status_code == 404


def test_outsider_gets_404_for_the_input(login, client, cast, item):
    login(cast.outsider)

    assert client.get(url(item)).status_code == 404
    assert client.post(url(item, "feedback"), {"feedback-feedback": "Hei"}).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in_from_an_input(client, cast, item):
    response = client.get(url(item))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_input_of_another_programme_is_404_under_this_programmes_address(login, client, cast):
    other = InputFactory(programme=cast.other_programme, group=cast.other_group)
    cast.other_programme.coordinators.add(cast.coordinator)
    login(cast.coordinator)

    assert client.get(f"/p/best/inputs/{other.pk}/").status_code == 404
    response = client.post(
        f"/p/best/inputs/{other.pk}/feedback/", {"feedback-feedback": "Svar til feil prosjekt"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.feedback == ""


def test_unknown_input_is_404(login, client, cast):
    login(cast.coordinator)

    assert client.get("/p/best/inputs/999999/").status_code == 404


def test_forms_only_take_posts(login, client, cast, item):
    login(cast.coordinator)

    assert client.get(url(item, "status")).status_code == 405


# --- Moving it forward ------------------------------------------------------------------------


def test_coordinator_moves_the_input_to_the_next_step_and_the_history_shows_it(
    login, client, cast, item
):
    login(cast.coordinator)

    response = client.post(
        url(item, "status"), status_post("considering", note="Tas opp i ledermøtet.")
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Input.Status.CONSIDERING
    event = item.events.last()
    assert (event.from_status, event.to_status, event.by, event.note) == (
        "received",
        "considering",
        cast.coordinator,
        "Tas opp i ledermøtet.",
    )
    body = client.get(url(item)).content.decode()
    assert "Being considered" in body and "Tas opp i ledermøtet." in body


def test_closing_with_feedback_stores_it_and_shows_it(login, client, cast, item):
    login(cast.coordinator)

    client.post(url(item, "status"), status_post("done", feedback="Brevene er skrevet om."))

    item.refresh_from_db()
    assert item.status == Input.Status.DONE and item.feedback == "Brevene er skrevet om."
    assert item.feedback_at is not None
    response = client.get(url(item))
    assert "Brevene er skrevet om." in response.content.decode()
    assert "status_form" not in response.context  # closed: just the history


def test_declining_without_a_reason_is_refused_beside_the_field_and_values_are_kept(
    login, client, cast, item
):
    login(cast.coordinator)

    response = client.post(
        url(item, "status"), status_post("declined", feedback="Vi kan ikke gjøre dette nå.")
    )

    assert response.status_code == 200
    form = response.context["status_form"]
    assert form.errors["decline_reason"] == ["Say why the input was declined."]
    body = response.content.decode()
    assert "Vi kan ikke gjøre dette nå." in body
    assert "Please check the following" in body
    item.refresh_from_db()
    assert item.status == Input.Status.RECEIVED and item.feedback == ""
    assert item.events.count() == 1


def test_declining_with_reason_and_feedback_shows_the_reason(login, client, cast, item):
    login(cast.coordinator)

    client.post(
        url(item, "status"),
        status_post("declined", feedback="Det går ikke.", decline_reason="Loven sier nei."),
    )

    item.refresh_from_db()
    assert item.status == Input.Status.DECLINED
    body = client.get(url(item)).content.decode()
    assert "Why it was declined" in body and "Loven sier nei." in body


def test_closing_without_feedback_is_refused(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(url(item, "status"), status_post("done"))

    assert response.context["status_form"].errors["feedback"] == [
        "Write the feedback to the users before closing the input."
    ]
    item.refresh_from_db()
    assert item.status == Input.Status.RECEIVED


def test_moving_back_is_refused_with_a_clear_message_and_nothing_stored(login, client, cast, item):
    item.status = Input.Status.IN_PROGRESS
    item.save()
    login(cast.coordinator)

    response = client.post(url(item, "status"), status_post("received", note="Tilbake"))

    assert response.status_code == 200
    assert response.context["status_form"].errors["to_status"] == [
        "An input can only move forward, not back to an earlier step."
    ]
    item.refresh_from_db()
    assert item.status == Input.Status.IN_PROGRESS
    assert item.events.count() == 1


def test_a_status_that_is_not_a_status_is_a_form_error(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(url(item, "status"), status_post("finished-forever"))

    assert response.status_code == 200
    assert response.context["status_form"].errors["to_status"] == [
        "Choose one of the steps in the list."
    ]
    item.refresh_from_db()
    assert item.status == Input.Status.RECEIVED


def test_a_closed_input_has_no_status_form_and_refuses_a_crafted_post(login, client, cast):
    closed = answered_input(
        programme=cast.programme, group=cast.resource_group, feedback="Ferdig og svart."
    )
    login(cast.coordinator)

    response = client.get(url(closed))
    assert "status_form" not in response.context
    assert f'action="{url(closed, "status")}"' not in response.content.decode()

    response = client.post(url(closed, "status"), status_post("declined"), follow=True)
    assert "This input is closed" in response.content.decode()
    closed.refresh_from_db()
    assert closed.status == Input.Status.DONE


# --- Feedback and follow-up -------------------------------------------------------------------


def test_coordinator_writes_feedback_and_members_can_read_it(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(url(item, "feedback"), {"feedback-feedback": "Vi ser på brevene."})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.feedback == "Vi ser på brevene." and item.feedback_at is not None
    assert item.status == Input.Status.RECEIVED
    assert InputEvent.objects.filter(input=item).count() == 2
    assert "Feedback written" in client.get(url(item)).content.decode()


def test_empty_feedback_is_refused(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(url(item, "feedback"), {"feedback-feedback": "   "})

    assert response.status_code == 200
    assert response.context["feedback_form"].errors["feedback"] == ["The feedback cannot be empty."]
    item.refresh_from_db()
    assert item.feedback_at is None
    assert item.events.count() == 1


def test_coordinator_assigns_an_office_and_a_person(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(
        url(item, "assign"),
        {"assign-assigned_office": cast.offices.toten.pk, "assign-assigned_to": cast.advisor.pk},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.assigned_office, item.assigned_to) == (cast.offices.toten, cast.advisor)
    assert "NAV Østre Toten" in client.get(url(item)).content.decode()


def test_assigning_an_office_outside_the_programme_is_a_form_error(login, client, cast, item):
    elsewhere = OfficeFactory(code="elsewhere")
    login(cast.coordinator)

    response = client.post(url(item, "assign"), {"assign-assigned_office": elsewhere.pk})

    assert response.status_code == 200
    assert "assigned_office" in response.context["assign_form"].errors
    item.refresh_from_db()
    assert item.assigned_office is None


def test_detail_page_query_count_does_not_grow_with_history(
    login, client, cast, item, django_assert_max_num_queries
):
    login(cast.coordinator)
    with django_assert_max_num_queries(40) as queries:
        client.get(url(item))
    baseline = len(queries)
    for text in ["En", "To", "Tre", "Fire"]:
        client.post(url(item, "feedback"), {"feedback-feedback": text})
    with django_assert_max_num_queries(baseline):
        client.get(url(item))


def test_saving_who_follows_it_up_keeps_the_answer_being_typed(login, client, cast, item):
    office = item.programme.offices.first()
    login(cast.coordinator)

    client.post(
        url(item, "assign"),
        {
            **status_post("done", feedback="Brevene skrives om i vår."),
            "assign-assigned_office": office.pk,
        },
    )
    body = client.get(url(item)).content.decode()

    item.refresh_from_db()
    assert item.assigned_office == office
    assert "Brevene skrives om i vår." in body and "is kept" in body
    assert 'form="input-answer-form"' in body
    # Saved with its own button, the kept answer is done with.
    client.post(url(item, "status"), status_post("done", feedback="Brevene skrives om i vår."))
    item.refresh_from_db()
    assert item.status == Input.Status.DONE
    assert "is kept" not in client.get(url(item)).content.decode()
