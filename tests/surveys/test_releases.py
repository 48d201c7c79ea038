"""Results are released in batches: an office's new answers join every figure only when five
or more have come in, at most once a day (surveys.services.releases)."""

import datetime

import pytest
from django.utils import timezone

from surveys.models import ResultRelease, SurveyResponse
from surveys.selectors import survey_results
from surveys.services import results_release
from surveys.tasks import release_survey_results

from .factories import QuestionFactory, add_responses, published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cast):
    survey = published_survey(cast.programme)
    question = QuestionFactory(survey=survey, position=1)
    add_responses(survey, cast.offices.gjovik, 6, {question: 4})
    survey.question = question
    return survey


def waiting(survey, office, count, value=2):
    made = add_responses(survey, office, count, {survey.question: value})
    SurveyResponse.objects.filter(pk__in=[r.pk for r in made]).update(is_released=False)


def counts(survey):
    return {row.label: row.n for row in survey_results(survey=survey).responses}


def test_four_waiting_answers_are_in_no_figure(survey, cast):
    waiting(survey, cast.offices.gjovik, 4)

    assert results_release(survey=survey) == 0
    assert counts(survey)["NAV Gjøvik"] == 6
    assert not ResultRelease.objects.exists()


def test_a_full_office_is_released_while_a_slow_office_keeps_waiting(survey, cast):
    waiting(survey, cast.offices.gjovik, 5)
    waiting(survey, cast.offices.toten, 3)

    assert results_release(survey=survey) == 5

    shown = counts(survey)
    assert shown["NAV Gjøvik"] == 11
    assert shown["NAV Østre Toten"] == 0
    assert SurveyResponse.objects.filter(is_released=False).count() == 3


def test_one_release_a_day_at_most(survey, cast):
    today = timezone.localdate()
    waiting(survey, cast.offices.gjovik, 5)
    assert results_release(survey=survey, today=today) == 5
    waiting(survey, cast.offices.gjovik, 7)

    assert results_release(survey=survey, today=today) == 0
    assert counts(survey)["NAV Gjøvik"] == 11

    assert results_release(survey=survey, today=today + datetime.timedelta(days=1)) == 7
    assert counts(survey)["NAV Gjøvik"] == 18


def test_the_daily_task_releases_every_survey_that_is_due(survey, cast):
    waiting(survey, cast.offices.gjovik, 5)

    assert release_survey_results() == 5
    assert release_survey_results() == 0


def test_the_survey_list_counts_only_released_answers(login, client, cast, survey):
    waiting(survey, cast.offices.gjovik, 4)
    login(cast.coordinator)

    body = client.get("/p/best/surveys/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<td class="text-end">6</td>' in body
    assert '<td class="text-end">10</td>' not in body


def test_the_results_page_says_when_answers_were_last_released(login, client, cast, survey):
    waiting(survey, cast.offices.gjovik, 5)
    results_release(survey=survey)
    login(cast.coordinator)

    body = client.get(
        f"/p/best/surveys/{survey.pk}/results/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "The figures hold the answers released up to" in body
    assert "at least 5 new answers have come in from it, and at most once a day" in body
