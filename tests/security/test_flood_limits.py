"""Public forms hold against a script: the survey pages and the application form count posts
in the cache by address and by target, store nothing about the sender, and refuse calmly."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from resourcegroup.models import Application
from surveys.models import Question, SurveyResponse
from surveys.views.respondent import FLOOD
from tests.resourcegroup.factories import PostingFactory
from tests.surveys.factories import QuestionFactory, published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cast, settings):
    settings.SURVEYS_MIN_SECONDS = 0
    survey = published_survey(cast.programme, slug="forste")
    QuestionFactory(survey=survey, position=1, kind=Question.Kind.SCALE, text="Ble du hørt?")
    return survey


def _survey_post(client, survey, **extra):
    return client.post(f"/s/{survey.slug}/", {"token": "forged", "page": "-1"}, **extra)


def test_rapid_survey_posts_from_one_address_are_refused_calmly(client, survey):
    statuses = [_survey_post(client, survey).status_code for _ in range(FLOOD.per_address + 10)]

    # Room for some twenty whole responses from one shared address, then refused.
    assert FLOOD.per_address >= 20 * 12
    assert 429 not in statuses[: FLOOD.per_address]
    assert statuses[-1] == 429
    last = _survey_post(client, survey)
    body = last.content.decode()
    assert "Please wait a little" in body
    assert "Nothing about you has been stored" in body
    assert not last.cookies
    assert not SurveyResponse.objects.exists()


def test_the_survey_refusal_is_in_the_visitors_language(client, survey):
    for _ in range(FLOOD.per_address + 5):
        _survey_post(client, survey)

    response = _survey_post(client, survey, HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 429
    assert "Vent litt" in response.content.decode()


def test_another_address_still_gets_the_survey(client, survey):
    for _ in range(FLOOD.per_address + 5):
        _survey_post(client, survey)

    response = _survey_post(client, survey, REMOTE_ADDR="10.0.0.7")

    assert response.status_code != 429


def test_reading_the_survey_is_never_limited(client, survey):
    for _ in range(FLOOD.per_address + 5):
        _survey_post(client, survey)

    assert client.get(f"/s/{survey.slug}/?k=gjovik").status_code == 200


def test_the_counts_hold_no_address_in_the_clear(client, survey):
    _survey_post(client, survey, REMOTE_ADDR="192.0.2.55")

    keys = list(cache._cache.keys())  # locmem in tests
    assert keys
    assert not any("192.0.2.55" in key for key in keys)


@pytest.fixture
def posting(cast):
    today = timezone.localdate()
    return PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        slug="ressursgruppa",
        opens_on=today - datetime.timedelta(days=5),
        closes_on=today + datetime.timedelta(days=20),
    )


def test_a_script_sending_applications_is_refused_calmly(client, posting):
    data = {"name": "Robot", "email": "robot@example.org", "municipality": "Gjøvik"}
    statuses = [client.post("/apply/ressursgruppa/", data).status_code for _ in range(12)]

    assert 429 not in statuses[:10]
    assert statuses[-1] == 429
    refused = client.post("/apply/ressursgruppa/", data, HTTP_ACCEPT_LANGUAGE="nb")
    assert refused.status_code == 429
    assert "Vent litt" in refused.content.decode()
    assert Application.objects.count() == 0  # the form was incomplete; nothing stored anyway
