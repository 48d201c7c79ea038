"""The demo's honoraria and travel: made once, and a second run changes nothing."""

import pytest

from resourcegroup.demo import seed_resourcegroup
from resourcegroup.models import Honorarium, HonorariumRate, TravelClaim

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _counts():
    return {
        "rates": HonorariumRate.objects.count(),
        "honoraria": sorted(Honorarium.objects.values_list("pk", "status")),
        "claims": sorted(TravelClaim.objects.values_list("pk", "status")),
    }


def test_the_demo_has_honoraria_and_travel_and_a_second_run_changes_nothing(db, demo_programme):
    programme = demo_programme
    seed_resourcegroup(programme=programme)
    before = _counts()

    seed_resourcegroup(programme=programme)

    assert _counts() == before
    assert Honorarium.objects.filter(status="approved").exists()
    assert set(TravelClaim.objects.values_list("status", flat=True)) == {
        "approved",
        "returned",
        "submitted",
    }
