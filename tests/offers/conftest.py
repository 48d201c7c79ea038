import pytest
from django.utils import translation

from participation.models import Membership
from tests.participation.factories import MembershipFactory, OfficeFactory


@pytest.fixture(autouse=True)
def english(client):
    """Messages are checked in English, the source language, whatever the translations say."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def toten_advisor(cast):
    """An advisor at the other office (Østre Toten) of the programme."""
    return MembershipFactory(
        person__email="toten.advisor@example.org",
        group=cast.project_group,
        role=Membership.Role.ADVISOR,
        office=cast.offices.toten,
    ).person


@pytest.fixture
def vestre(cast):
    """A third office, Vestre Toten, in the programme."""
    office = OfficeFactory(
        code="vestre-toten", name="NAV Vestre Toten", municipality="Vestre Toten"
    )
    cast.programme.offices.add(office)
    return office
