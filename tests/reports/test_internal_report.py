"""The coordinators' internal version of the steering report may name young members and says
so on every page; nobody but a coordinator can get it (the normal report stays name-free:
test_steering_names.py)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db

MARK = "Internt: navngir medlemmer"
YOUNG = ["Ronja Distinktsen", "Rasmus Særnavnsen", "Rut Unikdottir", "Roar Kjennbarsen"]


@pytest.fixture
def september():
    september = september_programme()
    memberships = september.memberships
    for membership, name in zip(
        (memberships.r1, memberships.r2, memberships.r3, memberships.r4), YOUNG, strict=True
    ):
        membership.person.display_name = name
        membership.person.save(update_fields=["display_name"])
    return september


def internal_url(september):
    return reverse("reports:report_internal", kwargs={"slug": september.programme.slug})


def test_a_coordinator_gets_the_names_with_the_mark_on_every_page(login, september):
    client = login(september.coordinator)

    response = client.get(
        internal_url(september),
        {
            "period_start": september.period.start.isoformat(),
            "period_end": september.period.end.isoformat(),
        },
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert MARK in " ".join(text.split()), f"page {number} lacks the internal mark"
    text = " ".join(" ".join(pages).split())
    assert any(name in text for name in YOUNG)


def test_a_bad_period_is_explained_on_the_reports_page(login, september):
    client = login(september.coordinator)

    response = client.get(
        internal_url(september),
        {"period_start": "31.13.2026", "period_end": september.period.end.isoformat()},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "Write the date as dd.mm.yyyy" in response.content.decode()
    assert "31.13.2026" in response.content.decode()


def test_a_steering_member_gets_a_404(login, september):
    client = login(september.memberships.l1.person)

    assert client.get(internal_url(september)).status_code == 404
