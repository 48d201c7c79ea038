"""The coordinators' builder: surveys and questions, skip logic, reordering, preview."""

import pytest
from django.core.exceptions import ValidationError

from surveys import services
from surveys.models import Question, QuestionOption, Survey

from .factories import QuestionFactory, SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def draft(cast):
    return SurveyFactory(programme=cast.programme, slug="utkast")


SURVEY_POST = {
    "title": "Hvordan var møtet?",
    "slug": "hvordan-var-motet",
    "introduction": "Vi vil høre fra deg.",
    "anonymity_promise": "Du er anonym.",
    "purpose": "Vi bruker svarene til å bli bedre.",
    "offices": [],
    "opens_on": "",
    "closes_on": "",
}


# --- Surveys ------------------------------------------------------------------------------------


def test_coordinator_creates_a_draft_survey(login, client, cast):
    login(cast.coordinator)
    data = {**SURVEY_POST, "offices": [cast.offices.gjovik.pk], "languages": ["nn"]}

    response = client.post("/p/best/surveys/new/", data)

    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/p/best/surveys/{survey.pk}/"
    assert survey.status == Survey.Status.DRAFT
    assert list(survey.offices.all()) == [cast.offices.gjovik]
    assert survey.language_codes == ["nb", "nn"]


def test_coordinator_chooses_one_time_codes_for_a_survey(login, client, cast):
    login(cast.coordinator)
    data = {**SURVEY_POST, "offices": [cast.offices.gjovik.pk], "requires_code": "on"}

    client.post("/p/best/surveys/new/", data)

    assert Survey.objects.get().requires_code


def test_new_survey_form_offers_a_plain_anonymity_promise(login, client, cast):
    login(cast.coordinator)

    body = client.get("/p/best/surveys/new/").content.decode()

    assert "You answer anonymously." in body
    assert "novalidate" in body


def test_bad_survey_input_keeps_the_values_and_stores_nothing(login, client, cast):
    login(cast.coordinator)
    data = {
        **SURVEY_POST,
        "slug": "ikke gyldig!",
        "opens_on": "2025-05-10",
        "closes_on": "2025-05-01",
    }

    response = client.post("/p/best/surveys/new/", data)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Please check the following" in body
    assert "Hvordan var møtet?" in body
    assert not Survey.objects.exists()


def test_offices_from_another_programme_are_refused(cast):
    from tests.participation.factories import OfficeFactory

    oslo = OfficeFactory(code="oslo")
    with pytest.raises(ValidationError) as error:
        services.survey_create(
            programme=cast.programme,
            offices=[oslo],
            **{
                k: v
                for k, v in SURVEY_POST.items()
                if k not in ("offices", "opens_on", "closes_on")
            },
        )
    assert "offices" in error.value.message_dict
    assert not Survey.objects.exists()


def test_the_link_cannot_change_after_publishing(cast, draft):
    QuestionFactory(survey=draft)
    services.survey_publish(survey=draft)

    with pytest.raises(ValidationError) as error:
        services.survey_update(
            survey=draft, offices=draft.offices.all(), slug="ny-lenke", title=draft.title
        )
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_build_surveys(login, client, cast, draft, who):
    login(getattr(cast, who))

    assert client.get("/p/best/surveys/new/").status_code == 404
    assert client.get(f"/p/best/surveys/{draft.pk}/edit/").status_code == 404
    assert client.get(f"/p/best/surveys/{draft.pk}/questions/new/").status_code == 404
    assert client.get(f"/p/best/surveys/{draft.pk}/preview/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, cast, draft):
    response = client.get(f"/p/best/surveys/{draft.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_survey_of_another_programme_is_not_found(login, client, cast):
    other = SurveyFactory(programme=cast.other_programme, slug="annet", offices=[])
    login(cast.coordinator)

    assert client.get(f"/p/best/surveys/{other.pk}/").status_code == 404
    assert client.get(f"/p/other/surveys/{other.pk}/").status_code == 404


# --- Questions ----------------------------------------------------------------------------------


def question_post(**fields):
    return {
        "kind": "scale",
        "text": "Jeg ble lyttet til.",
        "help_text": "",
        "allows_dont_know": "on",
        "starts_new_page": "on",
        "options": "",
        "show_if": "",
        **fields,
    }


def test_coordinator_adds_a_scale_question(login, client, cast, draft):
    login(cast.coordinator)

    response = client.post(f"/p/best/surveys/{draft.pk}/questions/new/", question_post())

    assert response.status_code == 302
    question = draft.questions.get()
    assert question.kind == Question.Kind.SCALE
    assert question.position == 1
    assert not question.is_required


def test_a_choice_question_gets_its_options_one_per_line(login, client, cast, draft):
    login(cast.coordinator)

    client.post(
        f"/p/best/surveys/{draft.pk}/questions/new/",
        question_post(kind="single", text="Hva gjør du nå?", options="Skole\n\nJobb\nKurs\n"),
    )

    assert list(draft.questions.get().options.values_list("label", flat=True)) == [
        "Skole",
        "Jobb",
        "Kurs",
    ]


def test_a_choice_question_without_two_options_is_refused_with_values_kept(
    login, client, cast, draft
):
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{draft.pk}/questions/new/",
        question_post(kind="multiple", text="Hva passer?", options="Bare én"),
    )

    body = response.content.decode()
    assert "Write at least two choices" in body
    assert "Bare én" in body
    assert not draft.questions.exists()


def test_there_is_no_grid_question(draft):
    assert "grid" not in Question.Kind.values
    assert "matrix" not in Question.Kind.values


def test_number_bounds_must_be_in_order(draft):
    with pytest.raises(ValidationError):
        services.question_create(
            survey=draft, kind="number", text="Alder", min_value=30, max_value=16
        )
    assert not draft.questions.exists()


def test_skip_logic_shows_a_question_after_a_given_answer(login, client, cast, draft):
    activity = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")
    login(cast.coordinator)

    client.post(
        f"/p/best/surveys/{draft.pk}/questions/new/",
        question_post(text="Passer aktiviteten?", show_if=f"{activity.pk}:yes"),
    )

    question = draft.questions.get(text="Passer aktiviteten?")
    assert question.show_if_question == activity
    assert question.show_if_value == "yes"


def test_skip_logic_needs_the_condition_on_an_earlier_screen(draft):
    activity = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")

    with pytest.raises(ValidationError) as error:
        services.question_create(
            survey=draft,
            kind="scale",
            text="Passer den?",
            starts_new_page=False,
            show_if_question=activity,
            show_if_value="yes",
        )
    assert "show_if_question" in error.value.message_dict


def test_skip_logic_refuses_an_answer_the_question_does_not_have(draft):
    activity = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")

    with pytest.raises(ValidationError) as error:
        services.question_create(
            survey=draft, kind="scale", text="X", show_if_question=activity, show_if_value="kanskje"
        )
    assert "show_if_value" in error.value.message_dict


def test_reorder_with_up_and_down_buttons(login, client, cast, draft):
    first = services.question_create(survey=draft, kind="scale", text="Første")
    second = services.question_create(survey=draft, kind="scale", text="Andre")
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{draft.pk}/questions/{second.pk}/move/", {"direction": "up"}
    )

    assert response.status_code == 302
    assert list(draft.questions.order_by("position").values_list("text", flat=True)) == [
        "Andre",
        "Første",
    ]
    client.post(f"/p/best/surveys/{draft.pk}/questions/{second.pk}/move/", {"direction": "down"})
    assert list(draft.questions.order_by("position").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]


def test_moving_a_question_above_its_condition_is_refused(draft):
    activity = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")
    follow = services.question_create(
        survey=draft,
        kind="scale",
        text="Passer den?",
        show_if_question=activity,
        show_if_value="yes",
    )

    with pytest.raises(ValidationError):
        services.question_move(question=follow, direction="up")

    assert list(draft.questions.order_by("position")) == [activity, follow]


def test_removing_a_question_shows_its_dependants_to_everyone(login, client, cast, draft):
    activity = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")
    follow = services.question_create(
        survey=draft,
        kind="scale",
        text="Passer den?",
        show_if_question=activity,
        show_if_value="yes",
    )
    login(cast.coordinator)

    client.post(f"/p/best/surveys/{draft.pk}/questions/{activity.pk}/delete/")

    follow.refresh_from_db()
    assert follow.show_if_question is None
    assert follow.show_if_value == ""


def test_removing_a_choice_a_later_question_depends_on_is_refused(draft):
    which = services.question_create(
        survey=draft, kind="single", text="Hva gjør du?", options="Skole\nJobb\nKurs"
    )
    kurs = which.options.get(label="Kurs")
    services.question_create(
        survey=draft,
        kind="scale",
        text="Er kurset bra?",
        show_if_question=which,
        show_if_value=str(kurs.pk),
    )

    with pytest.raises(ValidationError):
        services.question_update(
            question=which, kind="single", text="Hva gjør du?", options="Skole\nJobb"
        )
    assert QuestionOption.objects.filter(pk=kurs.pk).exists()


def test_questions_cannot_change_after_publishing(draft):
    question = services.question_create(survey=draft, kind="scale", text="Første")
    services.survey_publish(survey=draft)

    with pytest.raises(ValidationError):
        services.question_create(survey=draft, kind="scale", text="Ny")
    with pytest.raises(ValidationError):
        services.question_update(question=question, kind="scale", text="Endret")


def test_builder_page_lists_questions_with_buttons_and_a_phone_preview(
    login, client, cast, draft, django_assert_max_num_queries
):
    for index in range(6):
        services.question_create(survey=draft, kind="scale", text=f"Spørsmål {index}")
    login(cast.coordinator)

    with django_assert_max_num_queries(30):
        body = client.get(f"/p/best/surveys/{draft.pk}/").content.decode()

    assert body.count("Move up") == 6
    assert 'width="360"' in body
    assert f"/p/best/surveys/{draft.pk}/preview/" in body


def test_builder_page_queries_do_not_grow_with_questions(
    login, client, cast, draft, django_assert_max_num_queries
):
    login(cast.coordinator)
    services.question_create(survey=draft, kind="scale", text="En")
    client.get(f"/p/best/surveys/{draft.pk}/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(f"/p/best/surveys/{draft.pk}/")
    for index in range(8):
        services.question_create(survey=draft, kind="single", text=f"Valg {index}", options="A\nB")
    with CaptureQueriesContext(connection) as many:
        client.get(f"/p/best/surveys/{draft.pk}/")

    assert len(many) == len(few)


def test_preview_shows_the_phone_page_and_stores_nothing(login, client, cast, draft):
    question = services.question_create(survey=draft, kind="yes_no", text="Fikk du aktivitet?")
    login(cast.coordinator)
    url = f"/p/best/surveys/{draft.pk}/preview/"

    intro = client.get(url)
    page = client.post(url, {"page": "-1", "action": "next"})
    done = client.post(url, {"page": "0", "action": "next", f"q{question.pk}": "yes"})

    assert "Preview" in intro.content.decode()
    assert intro["X-Frame-Options"] == "SAMEORIGIN"
    assert "Fikk du aktivitet?" in page.content.decode()
    assert "Nothing was stored" in done.content.decode()
    from surveys.models import SurveyResponse

    assert not SurveyResponse.objects.exists()


def test_edit_question_shows_the_resource_groups_comments(login, client, cast, draft):
    question = services.question_create(survey=draft, kind="scale", text="Jeg ble lyttet til.")
    services.survey_send_for_review(survey=draft, group=cast.resource_group)
    services.review_comment_add(question=question, author=cast.member, text="Hva betyr lyttet?")
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{draft.pk}/questions/{question.pk}/edit/").content.decode()

    assert "Hva betyr lyttet?" in body
    assert "Mark as dealt with" in body


def test_options_keep_their_translations(draft):
    draft.languages = ["nn", "en"]
    draft.save()
    question = services.question_create(
        survey=draft,
        kind="single",
        text="Hva gjør du?",
        options="Skole\nJobb",
        options_nn="Skule\nJobb",
        options_en="School\nWork",
    )

    assert [o.label_in("nn") for o in question.options.all()] == ["Skule", "Jobb"]
    assert [o.label_in("en") for o in question.options.all()] == ["School", "Work"]


def test_translations_must_have_as_many_lines_as_choices(draft):
    with pytest.raises(ValidationError) as error:
        services.question_create(
            survey=draft,
            kind="single",
            text="Hva gjør du?",
            options="Skole\nJobb",
            options_en="School",
        )
    assert "options_en" in error.value.message_dict


def test_survey_list_queries_do_not_grow_with_surveys(login, client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(cast.coordinator)
    SurveyFactory(programme=cast.programme, slug="en")
    with CaptureQueriesContext(connection) as few:
        client.get("/p/best/surveys/")
    for index in range(6):
        SurveyFactory(programme=cast.programme, slug=f"flere-{index}")
    with CaptureQueriesContext(connection) as many:
        body = client.get("/p/best/surveys/").content.decode()

    assert len(many) == len(few)
    assert body.count("/s/flere-") == 6


@pytest.mark.parametrize("who", ["member", "advisor", "leader"])
def test_everyone_in_the_programme_reaches_the_survey_list(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get("/p/best/surveys/").status_code == 200


def test_outsider_does_not_reach_the_survey_list(login, client, cast):
    login(cast.outsider)

    assert client.get("/p/best/surveys/").status_code == 404
