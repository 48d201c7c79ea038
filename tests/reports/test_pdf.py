"""The shared PDF machinery: text, language, title and a tagged structure tree."""

import io

import pytest
from pypdf import PdfReader

from reports.pdf import render_pdf


@pytest.fixture
def sample_template(tmp_path, settings):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "sample.html").write_text(
        '{% extends "reports/print_base.html" %}'
        "{% block title %}Rapport til styringsgruppa{% endblock %}"
        "{% block content %}<h1>Rapport til styringsgruppa</h1><h2>Oppmøte</h2>"
        "<table><caption>Oppmøte per gruppe</caption><tr><th scope='col'>Gruppe</th>"
        "<th scope='col' class='number'>Andel</th></tr><tr><td>Ressursgruppa</td>"
        "<td class='number'>82 %</td></tr></table>"
        "<figure><img src=\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' "
        "width='10' height='10'/>\" alt=\"Søylediagram over oppmøte\"></figure>"
        "{% endblock %}",
        encoding="utf-8",
    )
    # Assigning TEMPLATES (not mutating it) makes Django rebuild its template engines.
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [folder, *engine["DIRS"]]}]
    return "sample.html"


def _catalog(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    return reader, reader.trailer["/Root"]


def test_pdf_has_the_text_of_the_template(sample_template):
    reader, _ = _catalog(render_pdf(sample_template, {}, language="nb"))

    text = reader.pages[0].extract_text()
    assert "Rapport til styringsgruppa" in text
    assert "Ressursgruppa" in text and "82 %" in text


def test_pdf_is_tagged_with_language_and_title(sample_template):
    reader, root = _catalog(render_pdf(sample_template, {}, language="nb"))

    assert root["/Lang"] == "nb"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Rapport til styringsgruppa"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_structure_tree_has_headings_a_table_and_a_figure_with_its_alternative(sample_template):
    _, root = _catalog(render_pdf(sample_template, {}, language="nb"))

    found = {}

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict) or hasattr(node, "get"):
            tag = node.get("/S")
            if tag:
                found.setdefault(str(tag), []).append(node)
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    if hasattr(kid, "get_object"):
                        walk(kid)
                    elif isinstance(kid, dict):
                        walk(kid)

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/Figure"} <= set(found)
    assert found["/Figure"][0]["/Alt"] == "Søylediagram over oppmøte"


def test_nothing_is_fetched_from_the_network(sample_template, tmp_path):
    # An http image must not be fetched: the fetcher allows only data: and file: URLs.
    template = tmp_path / "templates" / "sample.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "<h2>", '<img src="http://example.invalid/x.png" alt="x"><h2>'
        ),
        encoding="utf-8",
    )

    assert render_pdf(sample_template, {}, language="nb").startswith(b"%PDF")
