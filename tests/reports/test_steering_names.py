"""The steering report leaves the app: it names no young member — joined, left and why,
away many times in a row, overdue action items — only counts or "a member". NAV staff in the
groups keep their names."""

import io

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from pypdf import PdfReader

from participation.models import ActionItem
from reports.services import STEERING_TEMPLATE, steering_report_context, steering_report_pdf
from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db

YOUNG = ["Ronja Distinktsen", "Rasmus Særnavnsen", "Rut Unikdottir", "Roar Kjennbarsen"]


@pytest.fixture(scope="module")
def rendered(django_db_blocker, django_db_setup):
    """The report as HTML and as PDF text, with the young members given names found nowhere
    else, one of them owning an overdue action item. Rendered once: rendering is slow."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            september = september_programme()
            programme = september.programme
            for short, full in zip(("Ronja", "Rasmus", "Rut", "Roar"), YOUNG, strict=True):
                person = (
                    programme.groups.get(name="Ressursgruppa")
                    .memberships.get(person__display_name=short)
                    .person
                )
                person.display_name = full
                person.save(update_fields=["display_name"])
            ronja = programme.groups.get(name="Ressursgruppa").memberships.get(
                person__display_name=YOUNG[0]
            )
            ActionItem.objects.create(
                group=ronja.group,
                meeting=ronja.group.meetings.order_by("starts_at").first(),
                title="Lage plakat",
                owner=ronja.person,
                due_on=september.period.start,
            )
            now = timezone.now()
            with translation.override("nb"):
                context = steering_report_context(
                    programme=programme, period=september.period, now=now
                )
                html = render_to_string(STEERING_TEMPLATE, context)
            pdf = steering_report_pdf(
                programme=programme, period=september.period, now=now, language="nb"
            )
            transaction.set_rollback(True)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return html, text


def test_no_young_members_name_is_in_the_report(rendered):
    for document in rendered:
        for name in YOUNG:
            for part in name.split():
                assert part not in document


def test_young_members_appear_as_a_member(rendered):
    html, _text = rendered

    assert "Et medlem" in html or "En deltaker" in html


def test_staff_keep_their_names(rendered):
    html, _text = rendered

    assert "Bjarne" in html


def test_the_normal_report_carries_no_internal_mark(rendered):
    for document in rendered:
        assert "Internt" not in document
