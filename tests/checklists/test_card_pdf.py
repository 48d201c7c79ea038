"""The printable A5 card: the version in use, its points, and a QR code to the recording form."""

import io

import pytest
from pypdf import PdfReader

from checklists import services
from tests.checklists.factories import published_checklist


@pytest.fixture
def checklist(cast):
    return published_checklist(
        cast.programme,
        points=(
            "Forklar hvorfor vi møtes og hva som skal skje",
            "Lag aktivitetsplanen sammen",
            "Avtal hvordan dere når hverandre",
        ),
    )


def _url(template):
    return f"/p/best/checklist/{template.pk}/card.pdf"


def test_the_card_is_one_a5_page_with_the_points_and_the_form_address(
    cast, login, checklist, settings
):
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    template, _, items = checklist

    response = login(cast.advisor).get(_url(template))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (420, 595)  # A5 in points
    text = " ".join(page.extract_text().split())
    for item in items:
        assert item.text in text
    assert template.title in text
    assert f"https://medvirk.example.no/p/best/checklist/{template.pk}/record/" in text
    assert reader.metadata.title == template.title


def _tags(root) -> dict[str, list]:
    found: dict[str, list] = {}

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):  # a marked-content id, not an element
            return
        tag = node.get("/S")
        if tag:
            found.setdefault(str(tag), []).append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") or isinstance(kid, dict):
                    walk(kid)

    walk(root["/StructTreeRoot"])
    return found


def test_the_qr_code_is_a_figure_with_a_text_alternative_and_the_points_a_list(
    cast, login, checklist
):
    template, _, _ = checklist

    pdf = login(cast.advisor).get(_url(template)).content

    tags = _tags(PdfReader(io.BytesIO(pdf)).trailer["/Root"])
    assert tags["/Figure"][0]["/Alt"] == "QR code to the form where you record a first meeting"
    assert {"/H1", "/L", "/LI"} <= set(tags)


@pytest.mark.parametrize("role", ["coordinator", "member", "advisor", "leader"])
def test_every_reader_may_print_the_card(cast, login, checklist, role):
    template, _, _ = checklist

    assert login(getattr(cast, role)).get(_url(template)).status_code == 200


def test_outsiders_get_404_and_anonymous_visitors_the_login(cast, login, client, checklist):
    template, _, _ = checklist

    assert client.get(_url(template)).status_code == 302
    assert login(cast.outsider).get(_url(template)).status_code == 404


def test_a_draft_has_no_card(cast, login):
    template = services.template_create(programme=cast.programme, title="Kladd")

    assert login(cast.coordinator).get(_url(template)).status_code == 404
