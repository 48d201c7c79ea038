"""National ID numbers and phone numbers in free text are removed before the text is saved,
in every place free text comes in: survey answers, applications, stories and inputs."""

import datetime

import pytest

from participation.models import Input
from participation.privacy import REMOVED, remove_personal_numbers
from participation.services import input_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Fnr 010190 12345, ring 470 12 345", f"Fnr {REMOVED}, ring {REMOVED}"),
        ("+47 47012345 etter kl 16", f"{REMOVED} etter kl 16"),
        ("Møtet varte i 45 minutter", "Møtet varte i 45 minutter"),
    ],
)
def test_numbers_are_replaced_and_other_text_is_kept(text, stored):
    assert remove_personal_numbers(text) == stored


def test_an_input_is_stored_without_the_phone_number(cast):
    create = input_create(
        programme=cast.programme,
        title="Ring 470 12 345",
        description="Hun sa fødselsnummeret 01019012345 høyt på venterommet.",
        source=Input.Source.MEETING,
    )

    stored = Input.objects.get(pk=create.pk)
    assert stored.title == f"Ring {REMOVED}"
    assert "01019012345" not in stored.description


def test_an_application_is_stored_without_a_phone_number_in_the_motivation(cast):
    from resourcegroup.services.recruitment import application_submit
    from tests.resourcegroup.factories import PostingFactory

    posting = PostingFactory(programme=cast.programme, group=cast.resource_group)
    application = application_submit(
        posting=posting,
        name="Ola",
        email="ola@example.org",
        municipality="Gjøvik",
        age_band=posting.applications.model.AgeBand.values[0],
        motivation="Jeg vil være med. Mobilen min er 47 01 23 45.",
        has_consented=True,
        source="coordinator",
        today=posting.opens_on or datetime.date(2026, 1, 1),
    )

    application.refresh_from_db()
    assert application.motivation == f"Jeg vil være med. Mobilen min er {REMOVED}."
