"""The one-page list to hand over, and the region's picture in the steering report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from offers.models import Offer
from reports.sections import Period, ReportInput, build_sections
from tests.offers.factories import OfferFactory, judge

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_the_printable_list_is_a_pdf_for_programme_members_only(cast, login):
    OfferFactory(programme=cast.programme, office=cast.offices.gjovik, title="Kafé")
    url = reverse("reports:offer_list_pdf", kwargs={"slug": "best"})

    response = login(cast.advisor).get(url, {"municipality": "Gjøvik", "kind": "work_training"})

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert login(cast.outsider).get(url).status_code == 404


def test_printable_list_keeps_to_one_municipality_and_type(cast):
    from offers.selectors import printable_list

    OfferFactory(programme=cast.programme, office=cast.offices.gjovik, title="A")
    OfferFactory(programme=cast.programme, office=cast.offices.toten, title="B")
    OfferFactory(
        programme=cast.programme, office=cast.offices.gjovik, title="C", kind=Offer.Kind.SOCIAL
    )

    printed = printable_list(programme=cast.programme, municipality="Gjøvik", kind="work_training")

    assert [o.title for o in printed.offers] == ["A"]


def test_the_steering_report_has_the_regions_picture(cast):
    offer = OfferFactory(programme=cast.programme, office=cast.offices.gjovik, title="Kafé")
    judge(offer, [(1, 2, "no")] * 5)
    today = timezone.localdate()
    source = ReportInput(
        programme=cast.programme,
        period=Period(today - datetime.timedelta(days=90), today),
        now=timezone.now(),
    )

    sections = {section.slug: section for section in build_sections(source)}

    section = sections["offers"]
    assert section.has_data
    assert section.data["picture"].total == 1
    labels = [figure["label"] for figure in sections["key-figures"].data["figures"]]
    assert "Offers young people judge poorly" in labels


def test_without_offers_the_report_says_so(cast):
    today = timezone.localdate()
    source = ReportInput(programme=cast.programme, period=Period(today, today), now=timezone.now())

    section = next(s for s in build_sections(source) if s.slug == "offers")

    assert not section.has_data


def test_the_poster_is_a_pdf_with_the_judgement_link_for_programme_members(cast, login):
    offer = OfferFactory(programme=cast.programme, office=cast.offices.gjovik)
    url = reverse("reports:offer_poster_pdf", kwargs={"slug": "best", "offer_id": offer.pk})

    response = login(cast.member).get(url)

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert login(cast.outsider).get(url).status_code == 404
