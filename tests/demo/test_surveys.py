"""The surveys of the demo: loaded once, the same after a second run, answerable at once."""

import pytest

from surveys.demo import seed_surveys
from surveys.models import (
    Answer,
    AnswerCode,
    CheckInCount,
    CheckInReceipt,
    ReviewComment,
    Round,
    Survey,
    SurveyResponse,
)
from surveys.selectors import survey_results

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

MODELS = [
    Survey,
    Round,
    SurveyResponse,
    Answer,
    ReviewComment,
    CheckInReceipt,
    CheckInCount,
    AnswerCode,
]


@pytest.fixture
def programme(db, demo_programme):
    return demo_programme


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_a_second_run_changes_nothing(programme):
    seed_surveys(programme=programme)
    first = counts()

    seed_surveys(programme=programme)

    assert counts() == first
    assert first["SurveyResponse"] > 100
    assert first["ReviewComment"] == 4
    assert first["CheckInReceipt"] > 0


def test_the_first_meeting_survey_answers_at_its_public_link(browser_default_client, programme):
    seed_surveys(programme=programme)

    response = browser_default_client.get("/s/forste-mote/?k=gjovik")

    assert response.status_code == 200
    assert "Hvordan var det første møtet ditt med NAV?" in response.content.decode()


def test_the_theme_day_survey_asks_for_a_code_and_has_slips_for_every_office(
    browser_default_client, programme
):
    seed_surveys(programme=programme)
    survey = Survey.objects.get(slug="fagdag")

    response = browser_default_client.get("/s/fagdag/")

    assert survey.requires_code
    assert 'name="answer_code"' in response.content.decode()
    per_office = {b.office_id: b.codes.count() for b in survey.code_batches.all()}
    assert set(per_office) == set(programme.offices.values_list("pk", flat=True))
    assert set(per_office.values()) == {24}


def test_one_office_has_too_few_answers_to_show_in_both_rounds(programme):
    seed_surveys(programme=programme)
    survey = Survey.objects.get(slug="forste-mote")

    for each in survey.rounds.all():
        rows = {row.label: row for row in survey_results(survey=survey, round=each).responses}
        assert rows["NAV Søndre Land"].is_hidden
        assert not rows["NAV Gjøvik"].is_hidden
    assert list(survey.rounds.order_by("starts_on").values_list("name", flat=True)) == [
        "Før sjekklista",
        "Etter sjekklista",
    ]


def test_questions_are_linked_to_the_checklist_points_they_measure(programme):
    from checklists.demo import seed_checklists

    seed_checklists(programme=programme)
    seed_surveys(programme=programme)

    survey = Survey.objects.get(slug="forste-mote")
    assert survey.questions.filter(measures_checklist_item__isnull=False).count() == 4


def test_a_draft_is_out_for_comments(programme):
    seed_surveys(programme=programme)

    draft = Survey.objects.get(slug="aktivitetstilbud")

    assert draft.status == Survey.Status.REVIEW
    assert draft.review_group.kind == "resource"


def test_the_first_meeting_survey_has_a_batch_of_answers_waiting(programme):
    from surveys.models import ResultRelease

    survey = Survey.objects.get(slug="forste-mote")

    assert ResultRelease.objects.filter(survey=survey).exists()
    waiting = SurveyResponse.objects.filter(survey=survey, is_released=False)
    assert waiting.count() == 3
    assert {r.office.code for r in waiting} == {"gjovik"}


def test_the_codes_survey_has_first_meeting_cards_for_gjovik(programme):
    from surveys.models import AnswerCodeBatch

    cards = AnswerCodeBatch.objects.get(survey__slug="fagdag", printed_as="cards")

    assert cards.office.code == "gjovik"
    assert cards.codes.count() == 10
