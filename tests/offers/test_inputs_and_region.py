"""A poor or missing offer becomes an input on its usual way; the region's picture page;
recording use across borders."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from offers import services
from offers.models import CrossBorderUse, OfferInput
from participation.models import Input
from tests.offers.factories import OfferFactory, days_ago, judge

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture
def poor_offer(cast):
    offer = OfferFactory(programme=cast.programme, office=cast.offices.toten, title="Kafé")
    judge(offer, [(2, 2, "no")] * 5)
    return offer


def _raise_url(offer):
    return reverse("offers:input_raise", kwargs={"slug": "best", "offer_id": offer.pk})


def test_the_input_form_is_filled_in_from_a_poor_judgement(cast, login, poor_offer):
    response = login(cast.advisor).get(_raise_url(poor_offer))

    form = response.context["form"]
    assert form.initial["reason"] == OfferInput.Reason.POOR_JUDGEMENT
    assert "5 young people judged the offer. Useful: 2.0 of 5." in form.initial["description"]


def test_a_poor_judgement_becomes_an_input_followed_up_by_the_keeping_office(
    cast, login, poor_offer
):
    response = login(cast.advisor).post(
        _raise_url(poor_offer),
        {"reason": "poor", "title": "Kafé: lite nyttig", "description": "Lite opplæring."},
    )

    link = OfferInput.objects.get()
    assert response.status_code == 302
    assert link.offer == poor_offer
    assert link.input.source == Input.Source.SURVEY
    assert link.input.status == Input.Status.RECEIVED
    assert link.input.assigned_office == cast.offices.toten
    assert link.input.feedback_due_on is not None
    assert (
        "Kafé: lite nyttig"
        in login(cast.coordinator)
        .get(reverse("offers:detail", kwargs={"slug": "best", "offer_id": poor_offer.pk}))
        .content.decode()
    )


def test_the_resource_groups_assessment_comes_from_the_resource_group(cast, login, poor_offer):
    login(cast.member).post(
        _raise_url(poor_offer),
        {"reason": "resource_group", "title": "Vi besøkte kafeen", "description": "For stille."},
    )

    link = OfferInput.objects.get()
    assert link.input.group == cast.resource_group
    assert link.input.source == Input.Source.DIRECT


def test_a_missing_offer_goes_to_the_municipalitys_office(cast, login):
    response = login(cast.member).post(
        reverse("offers:missing", kwargs={"slug": "best"}),
        {
            "reason": "missing",
            "kind": "education",
            "municipality": "Østre Toten",
            "title": "Ingen skole på Lena",
            "description": "Unge må reise langt.",
        },
    )

    link = OfferInput.objects.get()
    assert response.status_code == 302
    assert link.offer is None and link.kind == "education"
    assert link.input.assigned_office == cast.offices.toten


def test_an_input_without_title_comes_back_with_the_text_kept(cast, login, poor_offer):
    response = login(cast.advisor).post(
        _raise_url(poor_offer), {"reason": "poor", "title": "", "description": "Lite opplæring."}
    )

    assert response.status_code == 200
    assert "Lite opplæring." in response.content.decode()
    assert not Input.objects.exists()


def test_outsider_and_a_steering_leader_cannot_raise_inputs(cast, login, poor_offer):
    data = {"reason": "poor", "title": "x", "description": "y"}

    assert login(cast.outsider).post(_raise_url(poor_offer), data).status_code == 404
    assert login(cast.leader).post(_raise_url(poor_offer), data).status_code == 404
    assert not Input.objects.exists()


def test_region_page_for_steering_coordinator_and_advisor_only(cast, login, poor_offer):
    url = reverse("offers:region", kwargs={"slug": "best"})

    for person in (cast.leader, cast.coordinator, cast.advisor):
        page = login(person).get(url)
        assert page.status_code == 200
        assert "judged poorly" in page.content.decode()
    assert login(cast.member).get(url).status_code == 404
    assert login(cast.outsider).get(url).status_code == 404


def test_cross_border_use_is_recorded_once_per_office_and_month(cast, poor_offer):
    month = days_ago(40)
    services.cross_border_use_record(
        offer=poor_offer, office=cast.offices.gjovik, month=month, young_people=3, by=cast.advisor
    )

    with pytest.raises(ValidationError):
        services.cross_border_use_record(
            offer=poor_offer,
            office=cast.offices.gjovik,
            month=month,
            young_people=2,
            by=cast.advisor,
        )
    with pytest.raises(ValidationError):
        services.cross_border_use_record(
            offer=poor_offer,
            office=cast.offices.toten,
            month=month,
            young_people=2,
            by=cast.advisor,
        )
    assert CrossBorderUse.objects.get().month == month.replace(day=1)


def test_cross_border_use_page_keeps_values_on_a_future_month(cast, login, poor_offer):
    response = login(cast.coordinator).post(
        reverse("offers:use_record", kwargs={"slug": "best", "offer_id": poor_offer.pk}),
        {"office": cast.offices.gjovik.pk, "month": days_ago(-60).isoformat(), "young_people": "4"},
    )

    assert response.status_code == 200
    assert "The month cannot be in the future." in response.content.decode()
    assert not CrossBorderUse.objects.exists()
