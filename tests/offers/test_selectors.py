"""Finding offers (openness, distance) and the region's picture with small groups hidden."""

import pytest

from offers import selectors
from offers.distances import CENTRES, km_between, municipalities_within
from offers.models import Offer
from tests.offers.factories import CrossBorderUseFactory, OfferFactory, days_ago, judge

pytestmark = pytest.mark.django_db


def test_every_pair_of_the_five_municipalities_has_a_distance():
    for a in CENTRES:
        for b in CENTRES:
            assert km_between(a, b) is not None
    assert km_between("Gjøvik", "Lillehammer") is None


def test_within_distance_counts_from_the_offices_municipality():
    assert municipalities_within("Gjøvik", 0) == {"Gjøvik"}
    assert municipalities_within("Gjøvik", 15) == {"Gjøvik", "Vestre Toten"}
    assert "Nordre Land" not in municipalities_within("Østre Toten", 50)


def test_open_to_an_office_means_own_municipality_region_or_agreement(cast, vestre):
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    make = lambda **kw: OfferFactory(programme=cast.programme, **kw)  # noqa: E731
    make(office=gjovik, title="own")
    make(office=toten, title="toten only")
    make(office=toten, title="region", openness=Offer.Openness.WHOLE_REGION)
    make(
        office=toten,
        title="agreed",
        openness=Offer.Openness.AGREED_OFFICES,
        open_to_offices=[gjovik],
    )
    make(
        office=toten,
        title="agreed elsewhere",
        openness=Offer.Openness.AGREED_OFFICES,
        open_to_offices=[vestre],
    )
    make(office=gjovik, title="closed", is_active=False)

    found = selectors.offer_search(
        programme=cast.programme,
        filters=selectors.OfferFilters(office=gjovik, open_to_office=True),
    )

    assert sorted(o.title for o in found) == ["agreed", "own", "region"]


def test_distance_filter_keeps_near_municipalities_only(cast, vestre):
    OfferFactory(programme=cast.programme, office=vestre, title="Raufoss")
    OfferFactory(programme=cast.programme, office=cast.offices.toten, title="Lena")

    found = selectors.offer_search(
        programme=cast.programme,
        filters=selectors.OfferFilters(office=cast.offices.gjovik, within_km=15),
    )

    assert [o.title for o in found] == ["Raufoss"]


def test_judgement_means_are_hidden_under_five(cast):
    few = OfferFactory(programme=cast.programme, office=cast.offices.gjovik)
    many = OfferFactory(programme=cast.programme, office=cast.offices.gjovik)
    judge(few, [(1, 1, "no")] * 4)
    judge(many, [(2, 3, "no")] * 3 + [(3, 3, "yes")] * 2)

    summaries = selectors.judgement_summaries(offer_ids=[few.pk, many.pk])

    assert summaries[few.pk].is_hidden and summaries[few.pk].usefulness is None
    assert not summaries[few.pk].is_poor
    assert summaries[many.pk].usefulness == 2.4
    assert summaries[many.pk].recommend_share == 40
    assert summaries[many.pk].is_poor


def test_region_picture_counts_per_municipality_and_type_and_names_the_gaps(cast):
    OfferFactory(programme=cast.programme, office=cast.offices.gjovik, kind=Offer.Kind.JOB_HOUSE)
    OfferFactory(
        programme=cast.programme,
        office=cast.offices.toten,
        kind=Offer.Kind.JOB_HOUSE,
        openness=Offer.Openness.WHOLE_REGION,
    )
    OfferFactory(programme=cast.programme, office=cast.offices.toten, kind=Offer.Kind.SOCIAL)

    picture = selectors.region_picture(programme=cast.programme)

    rows = {row.municipality: row for row in picture.rows}
    job_house = [v for v, _l in picture.kinds].index("job_house")
    assert rows["Gjøvik"].counts[job_house] == 1 and rows["Gjøvik"].total == 1
    assert rows["Østre Toten"].total == 2 and rows["Østre Toten"].open_beyond == 1
    assert "Social and leisure" in rows["Gjøvik"].missing_kinds
    assert "Social and leisure" not in picture.kinds_nowhere
    assert "Volunteering" in picture.kinds_nowhere
    assert picture.total == 3


def test_cross_border_use_under_five_is_hidden_and_so_is_a_total_that_would_reveal_it(cast):
    big = OfferFactory(programme=cast.programme, office=cast.offices.toten, title="A")
    small = OfferFactory(programme=cast.programme, office=cast.offices.toten, title="B")
    CrossBorderUseFactory(offer=big, office=cast.offices.gjovik, young_people=7)
    CrossBorderUseFactory(offer=small, office=cast.offices.gjovik, young_people=2)

    picture = selectors.region_picture(programme=cast.programme)

    shown = {row.offer.title: row.young_people for row in picture.uses}
    assert shown == {"A": 7, "B": None}
    assert picture.uses_total is None


def test_cross_border_use_outside_the_period_is_left_out(cast):
    offer = OfferFactory(programme=cast.programme, office=cast.offices.toten)
    CrossBorderUseFactory(
        offer=offer, office=cast.offices.gjovik, month=days_ago(400).replace(day=1)
    )

    picture = selectors.region_picture(programme=cast.programme, start=days_ago(30))

    assert picture.uses == []
