"""The report's last page explains the words and rules its figures follow, with the
programme's own settings, in the reader's language."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from reports.sections import Period
from reports.services import steering_report_context, steering_report_pdf
from surveys.suppression import THRESHOLD

pytestmark = pytest.mark.django_db


def _period():
    today = timezone.localdate()
    return Period(start=today - datetime.timedelta(days=30), end=today)


def test_the_last_section_gives_the_programmes_own_rules(cast):
    cast.programme.feedback_due_weeks = 4
    cast.programme.save(update_fields=["feedback_due_weeks"])
    cast.resource_group.absence_threshold = 2
    cast.resource_group.save(update_fields=["absence_threshold"])

    context = steering_report_context(programme=cast.programme, period=_period())

    last = context["body_sections"][-1]
    assert last.slug == "words-and-rules"
    assert last.data["threshold"] == THRESHOLD
    assert last.data["feedback_due_weeks"] == 4
    assert (cast.resource_group.name, 2) in last.data["absence_thresholds"]


def test_the_pdf_ends_with_the_explanation_in_the_readers_language(cast):
    pdf = steering_report_pdf(programme=cast.programme, period=_period(), language="nb")

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    last = re.sub(r"\s+", " ", pages[-1])
    assert "Ord og regler i rapporten" in last
    assert f"færre enn {THRESHOLD} svar" in last
    assert "aldri over 100 %" in last
