"""The demo register: five municipalities, offers open across borders, stale entries, and
judgements above and below the thresholds; seeding twice changes nothing."""

import pytest

from offers import selectors
from offers.demo import seed_offers
from offers.models import CrossBorderUse, Judgement, Offer, OfferInput
from participation.models import Input

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture
def programme(db, demo_programme):
    return demo_programme


def _counts():
    return [m.objects.count() for m in (Offer, Judgement, CrossBorderUse, OfferInput, Input)]


def test_seeding_twice_changes_nothing(programme):
    first = _counts()
    seed_offers(programme=programme)

    assert _counts() == first


def test_the_demo_shows_every_part_of_the_register(programme):
    picture = selectors.region_picture(programme=programme)
    summaries = {offer.title: summary for offer, summary in picture.judged}

    assert {row.municipality for row in picture.rows if row.total} == {
        "Gjøvik",
        "Nordre Land",
        "Søndre Land",
        "Vestre Toten",
        "Østre Toten",
    }
    assert sum(row.open_beyond for row in picture.rows) >= 4
    assert picture.to_check == 3
    assert not summaries["Jobbhuset Gjøvikregionen"].is_poor
    assert summaries["Kafé Trappa – arbeidstrening"].is_poor
    assert summaries["Lena Aktivitetshus"].is_hidden
    assert picture.uses and picture.missing_inputs == 1
    poor_input = OfferInput.objects.get(reason=OfferInput.Reason.POOR_JUDGEMENT)
    assert poor_input.input.assigned_office.code == "gjovik"
