"""Paid representatives on top of the standing cast: Emma (with a contract) and Sander."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from participation.models import Membership
from tests.participation.factories import MembershipFactory
from tests.resourcegroup.factories import ContractFactory, PostingFactory

START = datetime.date(2024, 1, 1)


@pytest.fixture
def reps(cast):
    """Two paid representatives in the resource group, each with a contract at 200 NOK."""
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(starts_on=START)
    cast.programme.refresh_from_db()
    emma = MembershipFactory(
        person__email="emma.rep@example.org",
        person__display_name="Emma Johansen",
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=START,
    ).person
    sander = MembershipFactory(
        person__email="sander.rep@example.org",
        person__display_name="Sander Myhre",
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=START,
    ).person
    return SimpleNamespace(
        emma=emma,
        sander=sander,
        emma_contract=ContractFactory(programme=cast.programme, person=emma),
        sander_contract=ContractFactory(
            programme=cast.programme, person=sander, employee_number="10234"
        ),
    )


@pytest.fixture
def english(client):
    """Pages in English, so that tests read the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def posting(cast):
    """A resource-group posting open for applications today, at /apply/ressursgruppa-2025/."""
    today = timezone.localdate()
    return PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        slug="ressursgruppa-2025",
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=10),
    )
