"""What advisors ticked on the checklist beside what young people answered."""

import pytest
from django.core.exceptions import ValidationError

from surveys import services
from surveys.models import Question
from tests.checklists.factories import ChecklistUseFactory, published_checklist

from .factories import QuestionFactory, add_responses, published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def linked(cast):
    """ "Avtal neste kontakt" ticked in 3 of 4 uses at Gjøvik and 1 of 2 at Toten; young people
    who know how to reach their advisor: 6 of 11 at Gjøvik, 3 answers at Toten (hidden)."""
    _template, version, items = published_checklist(cast.programme)
    contact = items[2]
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    for ticked in (True, True, True, False):
        ChecklistUseFactory(
            version=version, office=gjovik, items_covered=[contact] if ticked else []
        )
    for ticked in (True, False):
        ChecklistUseFactory(
            version=version, office=toten, items_covered=[contact] if ticked else []
        )
    survey = published_survey(cast.programme, slug="forste")
    question = QuestionFactory(survey=survey, text="Jeg vet hvordan jeg når veilederen min.")
    add_responses(survey, gjovik, 6, {question: 5})
    add_responses(survey, gjovik, 5, {question: 2})
    add_responses(survey, toten, 3, {question: 4})
    services.question_link_checklist_item(question=question, item=contact)
    survey.question, survey.item = question, contact
    return survey


def test_ticks_beside_agreement_per_office_with_small_groups_hidden(login, client, cast, linked):
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{linked.pk}/checklist-comparison/").content.decode()

    assert "Avtal neste kontakt" in body
    assert "75 %" in body  # 3 of 4 uses at Gjøvik
    assert "(3/4)" in body
    assert "(n = 11)" in body  # 6 of 11 agree at Gjøvik
    assert "50 %" in body  # 1 of 2 uses at Toten
    assert "hidden" in body  # Toten's three answers


def test_advisor_sees_their_office_only(login, client, cast, linked):
    login(cast.advisor)

    body = client.get(f"/p/best/surveys/{linked.pk}/checklist-comparison/").content.decode()

    assert "NAV Gjøvik" in body
    assert "NAV Østre Toten" not in body
    assert "Link a question to a checklist point" not in body


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_do_not_see_the_comparison(login, client, cast, linked, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{linked.pk}/checklist-comparison/").status_code == 404


def test_coordinator_links_a_question_to_a_point(login, client, cast, linked):
    other = QuestionFactory(survey=linked, text="Jeg forsto hvorfor vi møttes.")
    point = linked.item.version.items.get(text="Forklar hvorfor vi møtes")
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{linked.pk}/checklist-comparison/",
        {"question": other.pk, "item": point.pk},
    )

    assert response.status_code == 302
    other.refresh_from_db()
    assert other.measures_checklist_item == point


def test_a_steering_member_cannot_change_links(login, client, cast, linked):
    login(cast.leader)

    response = client.post(
        f"/p/best/surveys/{linked.pk}/checklist-comparison/",
        {"question": linked.question.pk, "item": ""},
    )

    assert response.status_code == 404
    linked.question.refresh_from_db()
    assert linked.question.measures_checklist_item == linked.item


def test_only_scale_questions_and_points_of_the_programme_can_be_linked(cast, linked):
    yes_no = QuestionFactory(survey=linked, kind=Question.Kind.YES_NO, text="Ja?")
    _template, _version, foreign = published_checklist(cast.other_programme)

    with pytest.raises(ValidationError):
        services.question_link_checklist_item(question=yes_no, item=linked.item)
    with pytest.raises(ValidationError):
        services.question_link_checklist_item(question=linked.question, item=foreign[0])
