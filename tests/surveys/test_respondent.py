"""The public survey page: answering on a phone without JavaScript, and every refusal."""

import pytest
from django.contrib.sessions.models import Session
from django.contrib.staticfiles import finders

from surveys.models import Answer, SubmissionToken, Survey, SurveyResponse

from .conftest import Respondent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def answer_all(respondent, survey, *, activity="yes"):
    q = survey.q
    respondent.post()  # the introduction's Start
    respondent.post({q[0]: "4"})
    respondent.post({q[1]: activity})
    if activity == "yes":
        respondent.post({q[2]: str(q[2].options.get(label="Kurs").pk)})
    return respondent.post({q[3]: "Det var greit.", q[4]: "2"})


def test_intro_page_shows_the_promise_and_sets_no_cookie(client, survey):
    respondent = Respondent(client, survey)

    assert respondent.response.status_code == 200
    assert "Du svarer anonymt." in respondent.body
    assert "Hvordan var møtet med NAV?" in respondent.body
    assert not respondent.response.cookies
    assert respondent.response["Cache-Control"] == "no-store"


def test_first_page_with_its_css_is_under_60_kb_and_has_no_bootstrap(client, survey):
    respondent = Respondent(client, survey)
    first_screen = Respondent(client, survey)
    first_screen.post()

    css = finders.find("surveys/respondent.css")
    with open(css, "rb") as sheet:
        css_size = len(sheet.read())
    html_size = max(len(respondent.response.content), len(first_screen.response.content))

    assert html_size + css_size < 60 * 1024
    assert "bootstrap" not in respondent.body
    assert "<script" not in respondent.body + first_screen.body
    assert 'href="/static/surveys/respondent.css"' in respondent.body


def test_answering_every_screen_stores_one_response_with_the_day_only(client, survey):
    respondent = Respondent(client, survey)

    final = answer_all(respondent, survey)

    assert final.status_code == 302
    assert final["Location"] == "/s/forste/thanks/?lang=en"
    response = SurveyResponse.objects.get()
    assert response.office.code == "gjovik"
    assert response.round.name == "Baseline"
    assert {f.name for f in SurveyResponse._meta.concrete_fields} == {
        "id",
        "survey",
        "round",
        "office",
        "submitted_on",
        "language",
        "is_released",  # True or False only: no batch, no day (surveys.services.releases)
    }
    q = survey.q
    stored = {a.question_id: a for a in Answer.objects.filter(response=response)}
    assert stored[q[0].pk].number == 4
    assert stored[q[1].pk].choice == "yes"
    assert stored[q[2].pk].option.label == "Kurs"
    assert stored[q[3].pk].text == "Det var greit."
    assert stored[q[4].pk].number == 2


def test_no_cookie_and_no_session_on_any_screen(client, survey):
    respondent = Respondent(client, survey)
    responses = [respondent.response]
    respondent.post()
    responses.append(respondent.response)
    respondent.post({survey.q[0]: "5"})
    responses.append(respondent.response)

    assert all(not response.cookies for response in responses)
    assert not Session.objects.exists()
    assert not client.cookies


def test_progress_says_which_question_of_how_many(client, survey):
    respondent = Respondent(client, survey)
    respondent.post()
    assert "Question 1 of 4" in respondent.body  # question 3 is not shown until "yes"

    respondent.post({survey.q[0]: "3"})
    respondent.post({survey.q[1]: "yes"})

    assert "Question 3 of 5" in respondent.body


def test_back_button_keeps_the_answers(client, survey):
    q = survey.q
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({q[0]: "2"})
    respondent.post({q[1]: "no"}, action="back")

    assert f'id="q{q[0].pk}-1" name="q{q[0].pk}" value="2" checked' in respondent.body
    respondent.post()
    assert f'name="q{q[1].pk}" value="no" checked' in respondent.body


def test_skip_logic_hides_the_question_and_never_stores_its_answer(client, survey):
    q = survey.q
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({q[0]: "4"})
    # An answer to the hidden question smuggled in with the "no" is dropped.
    respondent.post({q[1]: "no", q[2]: str(q[2].options.first().pk)})

    assert "Hvilken aktivitet?" not in respondent.body
    assert "Vil du si noe mer?" in respondent.body
    respondent.post({q[3]: ""})

    assert not Answer.objects.filter(question=q[2]).exists()
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize(
    "index, value, message",
    [
        (0, "7", "Please choose one of the answers shown."),
        (0, "dont_know_really", "Please choose one of the answers shown."),
    ],
)
def test_a_value_that_is_not_an_option_gets_a_clear_message(client, survey, index, value, message):
    respondent = Respondent(client, survey)
    respondent.post()

    response = respondent.post({survey.q[index]: value})

    assert response.status_code == 200
    assert message in respondent.body
    assert "Please check your answer" in respondent.body
    assert not SurveyResponse.objects.exists()


def test_number_out_of_bounds_and_too_long_text_keep_the_values(client, survey):
    q = survey.q
    respondent = Respondent(client, survey)
    answer_path = [{}, {q[0]: "4"}, {q[1]: "no"}]
    for answers in answer_path:
        respondent.post(answers)

    respondent.post({q[3]: "x" * 2001, q[4]: "99"})

    assert "Please keep your answer under 2000 characters." in respondent.body
    assert "Please write a number from 0 to 30." in respondent.body
    assert 'value="99"' in respondent.body
    assert "x" * 2001 in respondent.body
    assert not SurveyResponse.objects.exists()


def test_a_required_question_must_be_answered(client, survey):
    q = survey.q
    q[0].is_required = True
    q[0].save()
    respondent = Respondent(client, survey)
    respondent.post()

    respondent.post({})

    assert "Please answer this question." in respondent.body


def test_double_submission_of_the_last_screen_stores_once(client, survey):
    q = survey.q
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({q[0]: "4"})
    respondent.post({q[1]: "no"})
    last_form = respondent.form_state()
    last_form.update({f"q{q[3].pk}": "Hei", "action": "next"})

    first = client.post(respondent.url, last_form)
    second = client.post(respondent.url, last_form)

    assert first.status_code == second.status_code == 302
    assert SurveyResponse.objects.count() == 1
    assert SubmissionToken.objects.count() == 1


def test_honeypot_stores_nothing_and_refuses_calmly(client, survey):
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({survey.q[0]: "4"})
    respondent.post({survey.q[1]: "no"})

    response = respondent.post({survey.q[3]: "spam"}, website="http://spam.example")

    assert response.status_code == 200
    assert "Nothing was stored" in respondent.body
    assert not SurveyResponse.objects.exists()
    assert not SubmissionToken.objects.exists()


def test_sending_faster_than_a_person_can_is_asked_again(client, survey, settings):
    settings.SURVEYS_MIN_SECONDS = 3600
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({survey.q[0]: "4"})
    respondent.post({survey.q[1]: "no"})

    respondent.post({survey.q[3]: "Fort gjort"})

    assert "That was quick!" in respondent.body
    assert "Fort gjort" in respondent.body
    assert not SurveyResponse.objects.exists()


def test_a_tampered_token_asks_to_start_again(client, survey):
    respondent = Respondent(client, survey)

    response = client.post(respondent.url, {"token": respondent.token + "x", "page": "-1"})

    assert response.status_code == 200
    assert "Please start again" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_token_from_another_survey_is_refused(client, survey, cast):
    from .factories import published_survey

    other = published_survey(cast.programme, slug="annen")
    respondent = Respondent(client, other)

    response = client.post("/s/forste/", {"token": respondent.token, "page": "-1"})

    assert "Please start again" in response.content.decode()


def test_closed_survey_shows_a_kind_page(client, survey):
    survey.status = Survey.Status.CLOSED
    survey.save()

    body = client.get("/s/forste/?k=gjovik").content.decode()

    assert "This survey is closed" in body
    assert "Thank you for wanting to answer" in body


def test_survey_past_its_close_date_is_closed(client, survey):
    import datetime

    from django.utils import timezone

    survey.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    survey.opens_on = survey.closes_on - datetime.timedelta(days=10)
    survey.save()

    assert "This survey is closed" in client.get("/s/forste/").content.decode()


def test_survey_closed_while_answering_stores_nothing(client, survey):
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({survey.q[0]: "4"})
    respondent.post({survey.q[1]: "no"})
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.CLOSED)

    respondent.post({survey.q[3]: "Hei"})

    assert "This survey is closed" in respondent.body
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("status", [Survey.Status.DRAFT, Survey.Status.REVIEW])
def test_unpublished_survey_is_not_found(client, survey, status):
    survey.status = status
    survey.save()

    response = client.get("/s/forste/")

    assert response.status_code == 404
    assert "We cannot find this survey" in response.content.decode()


def test_unknown_survey_is_not_found(client, db):
    response = client.post("/s/finnes-ikke/", {"token": "x"})

    assert response.status_code == 404


def test_unknown_fields_are_ignored_and_never_stored(client, survey):
    respondent = Respondent(client, survey)
    respondent.post()
    respondent.post({survey.q[0]: "4"}, q999999="hack", name="Ola Nordmann", ip="1.2.3.4")
    respondent.post({survey.q[1]: "no"})
    respondent.post({survey.q[3]: "Hei"})

    assert SurveyResponse.objects.count() == 1
    assert Answer.objects.count() == 3


def test_a_link_without_office_asks_which_office(client, survey):
    body = client.get("/s/forste/").content.decode()

    assert "Which NAV office did you meet?" in body
    assert 'href="/s/forste/?k=gjovik' in body
    assert 'href="/s/forste/?k=ostre-toten' in body
    assert 'name="token"' not in body


def test_an_unknown_office_code_asks_which_office(client, survey):
    body = client.get("/s/forste/?k=oslo").content.decode()

    assert "Which NAV office did you meet?" in body


def test_a_survey_with_one_office_needs_no_office_in_the_link(client, survey, cast):
    survey.offices.set([cast.offices.toten])

    respondent = Respondent(client, survey, link="")
    answer_all(respondent, survey, activity="no")

    assert SurveyResponse.objects.get().office == cast.offices.toten


def test_the_page_speaks_norwegian_by_default(client, survey):
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE")

    body = client.get("/s/forste/?k=gjovik").content.decode()

    assert '<html lang="nb">' in body


def test_nynorsk_texts_when_the_survey_has_them(client, survey):
    survey.languages = ["nn"]
    survey.title_nn = "Korleis var møtet med NAV?"
    survey.save()

    body = client.get("/s/forste/?k=gjovik&lang=nn").content.decode()

    assert '<html lang="nn">' in body
    assert "Korleis var møtet med NAV?" in body


def test_thank_you_page_says_what_the_answers_are_used_for(client, survey):
    body = client.get("/s/forste/thanks/").content.decode()

    assert "Svarene brukes til å gjøre første møte bedre." in body


def test_thank_you_page_of_a_draft_is_not_found(client, survey):
    survey.status = Survey.Status.DRAFT
    survey.save()

    assert client.get("/s/forste/thanks/").status_code == 404


def test_nothing_identifying_is_stored_even_for_a_logged_in_visitor(login, client, cast, survey):
    """IP address, browser, account and time of day are nowhere in the surveys' tables."""
    from django.apps import apps

    login(cast.member)
    client.defaults.update(
        {"REMOTE_ADDR": "203.0.113.77", "HTTP_USER_AGENT": "Phone-Browser/1.0 (Gammel Telefon)"}
    )
    respondent = Respondent(client, survey)
    answer_all(respondent, survey)

    stored = []
    for model in apps.get_app_config("surveys").get_models():
        for row in model.objects.values():
            stored.extend(str(value) for value in row.values())
    text = " ".join(stored)
    assert SurveyResponse.objects.count() == 1
    assert "203.0.113.77" not in text
    assert "Gammel Telefon" not in text
    assert cast.member.email not in text
    assert str(cast.member.pk) not in {str(v) for v in SurveyResponse.objects.values()[0].values()}
    time_fields = [
        field.name
        for model in (SurveyResponse, Answer, SubmissionToken)
        for field in model._meta.concrete_fields
        if field.get_internal_type() in ("DateTimeField", "TimeField")
    ]
    assert time_fields == []


def test_respondent_page_queries_do_not_grow_with_questions(client, survey):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from surveys.models import Question

    from .factories import QuestionFactory, add_options

    def screen_queries():
        respondent = Respondent(client, survey)
        with CaptureQueriesContext(connection) as queries:
            respondent.post()
        return len(queries)

    few = screen_queries()
    for index in range(10):
        question = QuestionFactory(
            survey=survey, position=10 + index, kind=Question.Kind.MULTIPLE, text=f"Flere {index}"
        )
        add_options(question, "A", "B", "C")

    assert screen_queries() == few


def test_an_answer_is_stored_without_numbers_or_addresses_and_with_the_week_only(client, survey):
    import datetime

    from django.utils import timezone

    respondent = Respondent(client, survey)
    q = survey.q
    respondent.post()
    respondent.post({q[0]: "4"})
    respondent.post({q[1]: "no"})
    respondent.post({q[3]: "Ring 912 34 567 eller ola@example.org, fnr 01019012345", q[4]: "2"})

    text = Answer.objects.get(question=q[3]).text
    assert text == "Ring [fjernet] eller [fjernet], fnr [fjernet]"
    day = SurveyResponse.objects.get().submitted_on
    today = timezone.localdate()
    assert day == max(
        today - datetime.timedelta(days=today.weekday()), survey.rounds.get().starts_on
    )


def test_answer_rows_carry_random_keys_that_do_not_tell_the_order(client, survey):
    for _ in range(3):
        answer_all(Respondent(client, survey), survey)

    keys = list(Answer.objects.values_list("pk", flat=True))
    assert len(keys) == 15
    assert max(keys) - min(keys) > 10**9  # not a sequence 1, 2, 3, …
