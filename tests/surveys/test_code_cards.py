"""Answer codes printed on the first-meeting card: one A5 page per code, the advisors'
checklist above and the code to tear off below; no record of which card went to which meeting."""

import io
import re

import pytest
from pypdf import PdfReader

from participation.models import AuditEvent
from surveys.models import AnswerCodeBatch
from surveys.services import codes_make
from tests.checklists.factories import published_checklist

pytestmark = pytest.mark.django_db

CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}")


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def coded(survey, cast):
    survey.requires_code = True
    survey.save(update_fields=["requires_code"])
    return survey


@pytest.fixture
def checklist(cast):
    template, _version, _items = published_checklist(cast.programme)
    return template


def test_coordinator_prints_one_card_per_code_with_the_checklist_and_the_code(
    login, client, cast, coded, checklist
):
    login(cast.coordinator)
    page = f"/p/best/surveys/{coded.pk}/codes/"
    assert "First-meeting cards" in client.get(page).content.decode()

    response = client.post(
        page, {"office": cast.offices.gjovik.pk, "count": 3, "printed_as": "cards"}
    )

    assert response.status_code == 302
    batch = AnswerCodeBatch.objects.get(office=cast.offices.gjovik)
    assert batch.printed_as == "cards"
    listing = client.get(page).content.decode()
    cards_url = f"/p/best/surveys/{coded.pk}/codes/{batch.pk}/cards.pdf"
    assert cards_url in listing
    pdf = client.get(cards_url)
    assert pdf["Content-Type"] == "application/pdf"
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages]
    assert len(pages) == 3
    codes = {code.shown for code in batch.codes.all()}
    for text in pages:
        assert "Forklar hvorfor vi møtes" in text
        assert len(set(CODE.findall(text)) & codes) == 1
    assert {CODE.findall(text)[0] for text in pages} == codes
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED).count() == 1
    # Nothing about a card was stored: the codes are as unused and unnumbered as slips.
    assert not batch.codes.filter(is_used=True).exists()


def test_a_batch_is_printed_one_way_only_so_no_code_is_handed_out_twice(
    login, client, cast, coded, checklist
):
    cards = codes_make(survey=coded, office=cast.offices.gjovik, count=2, printed_as="cards")
    slips = codes_make(survey=coded, office=cast.offices.gjovik, count=2)
    login(cast.coordinator)
    base = f"/p/best/surveys/{coded.pk}/codes/"

    assert client.get(f"{base}{cards.pk}.pdf").status_code == 404
    assert client.get(f"{base}{slips.pk}/cards.pdf").status_code == 404
    assert client.get(f"{base}{slips.pk}.pdf").status_code == 200


def test_without_a_checklist_in_use_only_slips_are_offered_and_cards_refused(
    login, client, cast, coded
):
    login(cast.coordinator)
    page = f"/p/best/surveys/{coded.pk}/codes/"

    response = client.post(
        page, {"office": cast.offices.gjovik.pk, "count": 3, "printed_as": "cards"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="3"' in body
    assert "First-meeting cards" not in body
    assert not AnswerCodeBatch.objects.exists()


@pytest.mark.parametrize("who", ["leader", "advisor", "member", "outsider"])
def test_only_coordinators_print_cards(login, client, cast, coded, checklist, who):
    batch = codes_make(survey=coded, office=cast.offices.gjovik, count=1, printed_as="cards")
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{coded.pk}/codes/{batch.pk}/cards.pdf").status_code == 404


def test_the_checklist_page_tells_the_coordinator_where_cards_with_codes_are_made(
    login, client, cast, checklist
):
    from django.urls import reverse

    url = reverse(
        "checklists:template_detail", kwargs={"slug": "best", "template_id": checklist.pk}
    )
    login(cast.coordinator)
    assert "printed as first-meeting cards" in client.get(url).content.decode()

    login(cast.advisor)
    assert "printed as first-meeting cards" not in client.get(url).content.decode()
