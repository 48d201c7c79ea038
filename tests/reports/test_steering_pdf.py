"""The steering report as a PDF: the text a leader reads, and the structure a screen reader
needs (PDF/UA: language, title, headings in order, tables, figures with alternatives)."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from reports.services import steering_report_pdf
from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def pdf(django_db_blocker, django_db_setup):
    # One render for the module: rendering is the slow part.
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            september = september_programme()
            data = steering_report_pdf(
                programme=september.programme,
                period=september.period,
                now=timezone.now(),
                language="nb",
            )
            transaction.set_rollback(True)
    return data


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " "))


def _structure(pdf: bytes) -> dict[str, list]:
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    found: dict[str, list] = {}

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        tag = node.get("/S")
        if tag:
            found.setdefault(str(tag), []).append(node)
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") or isinstance(kid, dict):
                walk(kid)

    walk(root["/StructTreeRoot"])
    return found


def test_cover_has_the_programme_and_the_period_in_norwegian(pdf):
    cover = _normal(_text(pdf)[0])

    year = timezone.localdate().year - 1
    assert "Testprogrammet" in cover
    assert f"1. september {year}" in cover and f"30. september {year}" in cover


def test_contents_list_the_sections_with_their_page_numbers(pdf):
    contents = _normal(_text(pdf)[1])

    # Each entry ends with the page number WeasyPrint worked out (target-counter): page one
    # holds what needs attention and the key figures.
    assert re.search(r"Key figures[ .]*1\b", contents) or re.search(r"Nøkkeltall[ .]*1\b", contents)


def test_page_one_has_what_needs_attention_and_the_key_figures(pdf):
    first = _normal(_text(pdf)[0])

    assert "Dette trenger oppmerksomhet" in first or "What needs your attention" in first
    assert "NAV Beta" in first  # its advisor stayed away from the project group
    assert "62 %" in first  # attendance 8 of 13
    assert "Ressursgruppa" not in _normal(_text(pdf)[1])  # the sections start after contents


def test_sections_show_the_hand_computed_figures(pdf):
    text = _normal(" ".join(_text(pdf)))

    assert "8 of 13" in text or "8 av 13" in text
    assert "NAV Beta" in text
    assert "Ingen penger i år" in text
    assert "Skrive nytt brev" in text
    assert "Fire av fem kontorer bruker den nå." in text
    assert "Roar" not in text and "Et medlem" in text  # young members are never named


def test_pages_are_numbered(pdf):
    pages = _text(pdf)

    assert f"2 / {len(pages)}" in _normal(pages[1])
    assert f"{len(pages)} / {len(pages)}" in _normal(pages[-1])


def test_pdf_is_tagged_with_language_title_headings_tables_and_figures(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    found = _structure(pdf)

    assert root["/Lang"] == "nb"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "Testprogrammet" in reader.metadata.title
    assert len(found["/H1"]) == 1
    assert len(found["/H2"]) >= 10
    assert {"/Table", "/TH", "/TD", "/Caption", "/Figure", "/L", "/LI"} <= set(found)
    assert all(str(figure.get("/Alt", "")).strip() for figure in found["/Figure"])
