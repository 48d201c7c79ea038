"""One-time answer codes: made per office, each admits one response, linked to nothing."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from participation.models import AuditEvent
from surveys.models import AnswerCode, AnswerCodeBatch, SurveyResponse
from surveys.services import codes_make
from surveys.services.codes import ALPHABET, code_use
from tests.participation.factories import OfficeFactory

from .conftest import Respondent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def coded(survey, cast):
    survey.requires_code = True
    survey.save(update_fields=["requires_code"])
    survey.batch = codes_make(survey=survey, office=cast.offices.toten, count=3)
    survey.codes = [code.shown for code in survey.batch.codes.order_by("code")]
    return survey


def enter_code(client, survey, code):
    respondent = Respondent(client, survey, link="")
    respondent.response = client.post(
        respondent.url, {"step": "code", "answer_code": code, "lang": "en"}
    )
    respondent.body = respondent.response.content.decode()
    return respondent


def answer_all(respondent, survey):
    q = survey.q
    respondent.post()
    respondent.post({q[0]: "4"})
    respondent.post({q[1]: "no"})
    return respondent.post({q[3]: "", q[4]: "2"})


def test_a_batch_holds_distinct_codes_from_the_unambiguous_alphabet(coded):
    codes = list(AnswerCode.objects.values_list("code", flat=True))

    assert len(set(codes)) == 3
    assert all(len(code) == 8 and set(code) <= set(ALPHABET) for code in codes)


def test_codes_are_refused_for_an_office_outside_the_survey_and_nothing_is_made(coded):
    with pytest.raises(ValidationError):
        codes_make(survey=coded, office=OfficeFactory(code="hamar"), count=5)
    with pytest.raises(ValidationError):
        codes_make(survey=coded, office=coded.batch.office, count=0)

    assert AnswerCodeBatch.objects.count() == 1


def test_a_code_survey_asks_for_the_code_first_without_javascript(client, coded):
    respondent = Respondent(client, coded, link="?k=gjovik")

    assert 'name="answer_code"' in respondent.body
    assert "<script" not in respondent.body
    assert "Du svarer anonymt." not in respondent.body  # the intro comes after the code


def test_the_code_in_the_link_fills_the_field(client, coded):
    respondent = Respondent(client, coded, link=f"?c={coded.codes[0]}")

    assert f'value="{coded.codes[0]}"' in respondent.body


def test_a_valid_code_admits_one_response_in_its_office_and_is_used_up(client, coded):
    respondent = enter_code(client, coded, coded.codes[0].lower().replace("-", " "))
    assert "Du svarer anonymt." in respondent.body

    final = answer_all(respondent, coded)

    assert final.status_code == 302
    assert SurveyResponse.objects.get().office == coded.batch.office
    assert AnswerCode.objects.filter(is_used=True).count() == 1


def test_a_used_code_and_an_unknown_code_get_the_same_plain_answer(client, coded):
    answer_all(enter_code(client, coded, coded.codes[0]), coded)

    used = enter_code(client, coded, coded.codes[0])
    unknown = enter_code(client, coded, "ABCD-EFGH")

    message = "This code is not valid. Check that you typed it as it is on the slip."
    assert message in used.body and message in unknown.body
    assert 'value="ABCD-EFGH"' in unknown.body  # what was typed is kept
    assert 'role="alert"' in unknown.body


def test_a_code_used_on_another_phone_meanwhile_stores_nothing(client, coded):
    first = enter_code(client, coded, coded.codes[1])
    second = enter_code(client, coded, coded.codes[1])
    answer_all(first, coded)

    final = answer_all(second, coded)

    assert final.status_code == 200
    assert "This code is not valid" in final.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_without_a_code_nobody_can_answer_a_code_survey(client, coded):
    respondent = Respondent(client, coded, link="?k=gjovik")
    client.post(respondent.url, {"step": "code", "answer_code": "", "lang": "en"})

    assert SurveyResponse.objects.count() == 0


def test_only_one_conditional_update_wins_a_code(coded):
    code = coded.codes[2]
    wins = [code_use(survey=coded, office=coded.batch.office, code=code) for _ in range(2)]

    assert wins == [True, False]


def test_nothing_links_a_code_to_a_response_or_a_time():
    fields = {f.name: f for f in AnswerCode._meta.get_fields()}

    assert set(fields) == {"id", "batch", "survey", "code", "is_used"}
    assert not [f for f in SurveyResponse._meta.get_fields() if "code" in f.name]


def test_the_codes_page_asks_for_an_office_in_words(login, client, cast, coded):
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{coded.pk}/codes/").content.decode()

    assert "Choose an office" in body
    assert "---------" not in body


def test_coordinator_makes_a_batch_and_prints_24_slips_to_a_page(login, client, cast, coded):
    login(cast.coordinator)
    page = f"/p/best/surveys/{coded.pk}/codes/"

    response = client.post(page, {"office": cast.offices.gjovik.pk, "count": 25})

    assert response.status_code == 302
    batch = AnswerCodeBatch.objects.get(office=cast.offices.gjovik)
    pdf = client.get(f"/p/best/surveys/{coded.pk}/codes/{batch.pk}.pdf")
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 2
    first_page = reader.pages[0].extract_text()
    assert len(re.findall(r"[A-Z2-9]{4}-[A-Z2-9]{4}", first_page)) == 24
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED).count() == 1


def test_bad_count_is_told_and_kept(login, client, cast, coded):
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{coded.pk}/codes/", {"office": cast.offices.gjovik.pk, "count": 9999}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="9999"' in body
    assert AnswerCodeBatch.objects.count() == 1


@pytest.mark.parametrize("who", ["leader", "advisor", "member", "outsider"])
def test_only_coordinators_reach_the_codes(login, client, cast, coded, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{coded.pk}/codes/").status_code == 404
    pdf = client.get(f"/p/best/surveys/{coded.pk}/codes/{coded.batch.pk}.pdf")
    assert pdf.status_code == 404


def test_results_say_whether_answers_came_by_code_or_open_link(login, client, cast, coded):
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{coded.pk}/results/").content.decode()
    assert "Answered with one-time codes." in body
    assert "Codes handed out" in body

    coded.requires_code = False
    coded.save(update_fields=["requires_code"])
    body = client.get(f"/p/best/surveys/{coded.pk}/").content.decode()
    assert "Open link: what the anonymity promise cannot stop." in body
