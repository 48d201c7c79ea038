"""Property test: whatever a phone (or a robot) posts to the public pages, the answer is never a
server error, and what is stored is always a whole, valid response — never a half one."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.answering import clean_answer, token_issue
from surveys.models import Answer, SubmissionToken, SurveyResponse

pytestmark = pytest.mark.django_db

texts = st.text(max_size=40) | st.sampled_from(["", "1", "5", "yes", "no", "dont_know", "-3"])
numbers = st.integers(min_value=-(10**12), max_value=10**12).map(str)
values = texts | numbers | st.lists(texts | numbers, max_size=4)


@st.composite
def posts(draw, survey, office_ids):
    data = {}
    kind = draw(st.sampled_from(["fresh", "garbage", "missing", "other-office"]))
    if kind == "fresh":
        data["token"] = token_issue(survey_id=survey.pk, office_id=office_ids[0])
    elif kind == "other-office":
        data["token"] = token_issue(survey_id=survey.pk, office_id=999_999)
    elif kind == "garbage":
        data["token"] = draw(st.text(max_size=80))
    # Weighted towards the last screen and "next", so that many examples reach storing.
    data["page"] = draw(st.sampled_from(["3"] * 6 + ["-1", "0", "1", "2", "4", "99", "x", ""]))
    data["action"] = draw(st.sampled_from(["next"] * 4 + ["back", "", "send", "🙂"]))
    for question in survey.q:
        if draw(st.booleans()):
            valid = [str(o.pk) for o in question.options.all()] + ["4", "yes", "no", "12"]
            data[f"q{question.pk}"] = draw(st.sampled_from(valid) | values)
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=3))
    for key, value in extra.items():
        data.setdefault(key, value)
    if draw(st.integers(0, 9)) == 0:
        data["website"] = "x"
    return data


def assert_only_whole_valid_responses(survey):
    questions = {q.pk: q for q in survey.q}
    assert SurveyResponse.objects.count() == SubmissionToken.objects.count()
    for answer in Answer.objects.select_related("option"):
        question = questions[answer.question_id]
        if answer.option_id is not None:
            assert answer.option.question_id == question.pk
            continue
        raw = answer.text or answer.choice or str(answer.number)
        clean, error = clean_answer(question, [raw])
        assert not error and clean is not None


def test_arbitrary_posts_never_fail_and_never_store_half_a_response(client, survey):
    office_ids = [office.pk for office in survey.offices.order_by("name")]
    stored = []

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=posts(survey, office_ids), slug=st.sampled_from(["forste", "forste", "nope"]))
    def post_anything(data, slug):
        cache.clear()  # each example is a new visitor, not one address flooding the survey
        response = client.post(f"/s/{slug}/", data)
        assert response.status_code in (200, 302, 404)
        stored.append(response.status_code == 302)
        assert not response.cookies
        assert_only_whole_valid_responses(survey)

    post_anything()
    # The examples did reach the end and store whole responses, not only refusals.
    assert SurveyResponse.objects.exists() == any(stored)


def test_arbitrary_query_strings_never_fail(client, survey):
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(query=st.dictionaries(st.sampled_from(["k", "lang", "x"]), st.text(max_size=20)))
    def get_anything(query):
        response = client.get("/s/forste/", query)
        assert response.status_code == 200
        thanks = client.get("/s/forste/thanks/", query)
        assert thanks.status_code == 200

    get_anything()
