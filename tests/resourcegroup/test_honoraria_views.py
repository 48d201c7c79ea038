"""Who sees which honoraria and travel pages, and bad input on the phone form."""

import datetime
from decimal import Decimal

import pytest

from participation.models import Membership
from participation.services.meetings import local_datetime
from resourcegroup.models import Honorarium, HonorariumRate, TravelClaim
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.resourcegroup.factories_honoraria import HonorariumRateFactory, TravelClaimFactory

pytestmark = pytest.mark.django_db

BASE = "/p/best/resource-group/"


@pytest.fixture
def claim(cast):
    Membership.objects.filter(person=cast.member).update(starts_on=datetime.date(2024, 1, 1))
    HonorariumRateFactory(programme=cast.programme)
    return TravelClaimFactory(programme=cast.programme, person=cast.member)


COORDINATOR_PAGES = ["honoraria/", "honoraria/2024/3/", "honoraria/rates/"]


@pytest.mark.parametrize("page", COORDINATOR_PAGES)
def test_coordinator_pages_are_404_for_everyone_else(login, client, cast, claim, page):
    login(cast.coordinator)
    assert client.get(BASE + page).status_code == 200
    for person in (cast.member, cast.advisor, cast.leader, cast.outsider):
        login(person)
        assert client.get(BASE + page).status_code == 404, person


def test_anonymous_visitors_are_sent_to_login(client, cast, claim):
    for page in ["travel/", "travel/new/", f"travel/{claim.pk}/", "honoraria/"]:
        response = client.get(BASE + page)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_sees_only_their_own_claims(login, client, english, cast, claim):
    other = MembershipFactory(group=cast.resource_group, person__display_name="Nora").person
    theirs = TravelClaimFactory(programme=cast.programme, person=other, from_place="Lena")
    login(cast.member)

    body = client.get(BASE + "travel/").content.decode()

    assert "Raufoss" in body and "Lena" not in body
    assert client.get(BASE + f"travel/{claim.pk}/").status_code == 200
    assert client.get(BASE + f"travel/{theirs.pk}/").status_code == 404
    assert client.get(BASE + f"travel/{theirs.pk}/edit/").status_code == 404
    assert client.post(BASE + f"travel/{claim.pk}/approve/").status_code == 404


def test_the_coordinator_sees_every_claim_and_approves(login, client, cast, claim):
    login(cast.coordinator)
    assert "Emma Medlem" in client.get(BASE + "travel/").content.decode()

    detail = client.get(BASE + f"travel/{claim.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "exactly as listed above" in detail.content.decode()
    client.post(BASE + f"travel/{claim.pk}/approve/", {"seen": seen(claim)})

    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.APPROVED


def seen(claim):
    return str(int(claim.submitted_at.timestamp()))


def test_a_claim_sent_again_after_it_was_opened_is_not_approved(login, client, cast, claim):
    login(cast.coordinator)
    opened = seen(claim)
    TravelClaim.objects.filter(pk=claim.pk).update(
        submitted_at=claim.submitted_at + datetime.timedelta(minutes=5)
    )

    client.post(BASE + f"travel/{claim.pk}/approve/", {"seen": opened})

    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.SUBMITTED


def test_approving_with_a_return_comment_typed_is_refused_and_the_comment_kept(
    login, client, english, cast, claim
):
    login(cast.coordinator)
    detail = BASE + f"travel/{claim.pk}/"

    response = client.post(
        detail + "approve/", {"seen": seen(claim), "comment": "Kvittering mangler"}, follow=True
    )

    body = response.content.decode()
    assert "Return the claim, or empty the comment, before you approve it" in body
    assert "Kvittering mangler" in body and "What you started writing here is kept" in body
    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.SUBMITTED
    # Returned with it, the comment is no longer kept on the page.
    client.post(detail + "return/", {"comment": "Kvittering mangler"})
    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.RETURNED
    assert "What you started writing here is kept" not in client.get(detail).content.decode()


def test_approving_with_the_comment_emptied_approves_the_claim(login, client, cast, claim):
    login(cast.coordinator)
    approve = BASE + f"travel/{claim.pk}/approve/"
    client.post(approve, {"seen": seen(claim), "comment": "Kvittering mangler"})

    client.post(approve, {"seen": seen(claim), "comment": ""})

    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.APPROVED


@pytest.mark.parametrize("person", ["advisor", "leader", "outsider"])
def test_others_cannot_see_travel(login, client, cast, claim, person):
    login(getattr(cast, person))
    for page in ["travel/", "travel/new/", f"travel/{claim.pk}/"]:
        assert client.get(BASE + page).status_code == 404, page


def test_a_member_claims_travel_on_the_phone_form(login, client, cast, claim):
    login(cast.member)
    response = client.post(
        BASE + "travel/new/",
        {"date": "2024-03-20", "from_place": "Lena", "to_place": "Gjøvik", "kilometres": "30,5"},
    )
    assert response.status_code == 302
    new = TravelClaim.objects.get(from_place="Lena")
    assert new.amount == Decimal("137.25")  # 30.5 × 4.50


def test_bad_input_is_explained_and_every_value_kept(login, client, english, cast, claim):
    login(cast.member)
    response = client.post(
        BASE + "travel/new/",
        {
            "date": "2024-03-20",
            "from_place": "Lena",
            "to_place": "Gjøvik",
            "kilometres": "12",
            "ticket_amount": "40",
            "comment": "Buss og bil",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "not both" in body
    assert 'value="Lena"' in body and 'value="Buss og bil"' in body
    assert TravelClaim.objects.count() == 1

    response = client.post(
        BASE + "travel/new/",
        {"date": "2024-03-20", "from_place": "A", "to_place": "B", "kilometres": "-3"},
    )
    assert "more than zero" in response.content.decode()


def test_editing_an_approved_claim_is_refused_with_values_kept(login, client, english, cast, claim):
    TravelClaim.objects.filter(pk=claim.pk).update(status=TravelClaim.Status.APPROVED)
    login(cast.member)

    response = client.post(
        BASE + f"travel/{claim.pk}/edit/",
        {"date": "2024-03-12", "from_place": "Oslo", "to_place": "Gjøvik", "ticket_amount": "900"},
    )

    body = response.content.decode()
    assert "approved and locked" in body and 'value="Oslo"' in body
    claim.refresh_from_db()
    assert claim.from_place == "Raufoss"


def test_the_month_list_has_a_fixed_number_of_queries(
    login, client, cast, claim, django_assert_max_num_queries
):
    for _ in range(5):
        TravelClaimFactory(programme=cast.programme, person=cast.member)
    login(cast.coordinator)
    with django_assert_max_num_queries(20):
        client.get(BASE + "travel/")
    with django_assert_max_num_queries(20):
        client.get(BASE + "honoraria/2024/3/")


def test_approving_a_month_shows_who_gets_what_first_and_approves_only_that(
    login, client, english, cast, claim
):
    start = local_datetime(datetime.date(2024, 3, 5), datetime.time(16))
    meeting = MeetingFactory(
        group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    membership = Membership.objects.get(person=cast.member, group=cast.resource_group)
    AttendanceFactory(meeting=meeting, membership=membership, status="present")
    login(cast.coordinator)
    client.post(BASE + "honoraria/generate/", {"generate-month": "2024-03"})
    honorarium = Honorarium.objects.get()

    body = client.get(BASE + "honoraria/2024/3/approve/").content.decode()

    assert "Check before you approve" in body and "Emma Medlem" in body
    assert f'name="seen" value="{honorarium.pk}"' in body
    honorarium.refresh_from_db()
    assert honorarium.status == Honorarium.Status.PROPOSED  # looking approves nothing
    response = client.post(BASE + "honoraria/2024/3/approve/", {"seen": ""})
    assert response["Location"].endswith("honoraria/2024/3/approve/")
    honorarium.refresh_from_db()
    assert honorarium.status == Honorarium.Status.PROPOSED
    client.post(BASE + "honoraria/2024/3/approve/", {"seen": str(honorarium.pk)})
    honorarium.refresh_from_db()
    assert honorarium.status == Honorarium.Status.APPROVED


def test_a_new_rate_is_set_on_a_page_of_its_own(login, client, english, cast, claim):
    login(cast.coordinator)
    honoraria = client.get(BASE + "honoraria/").content.decode()
    assert 'href="/p/best/resource-group/honoraria/rates/"' in honoraria
    assert 'name="rate-amount_per_meeting"' not in honoraria

    response = client.post(
        BASE + "honoraria/rates/",
        {"rate-valid_from": "2025-01-01", "rate-amount_per_meeting": "400", "rate-km_rate": "3,50"},
        follow=True,
    )

    assert "The rate is saved." in response.content.decode()
    rate = HonorariumRate.objects.get(
        programme=cast.programme, valid_from=datetime.date(2025, 1, 1)
    )
    assert rate.amount_per_meeting == Decimal("400") and rate.km_rate == Decimal("3.50")


def test_a_bad_rate_comes_back_with_every_value_kept(login, client, english, cast, claim):
    login(cast.coordinator)
    before = HonorariumRate.objects.count()

    response = client.post(
        BASE + "honoraria/rates/",
        {"rate-valid_from": "2025-01-01", "rate-amount_per_meeting": "fire", "rate-km_rate": "-1"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Write a number, for example 350 or 4.50." in body
    assert 'value="fire"' in body and 'value="-1"' in body and 'value="2025-01-01"' in body
    assert HonorariumRate.objects.count() == before
