import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import Membership
from resourcegroup.models import Onboarding
from resourcegroup.services.onboarding import onboarding_save

pytestmark = pytest.mark.django_db

BASE = "/p/best/resource-group/onboarding/"


def test_the_coordinator_ticks_off_steps_with_dates(login, client, english, cast):
    membership = Membership.objects.get(person=cast.member)
    login(cast.coordinator)

    response = client.post(
        BASE + f"{membership.pk}/",
        {"consent_on": "2024-01-10", "confidentiality_on": "2024-01-10", "note": "Signert"},
        follow=True,
    )

    onboarding = Onboarding.objects.get(membership=membership)
    assert onboarding.consent_on == datetime.date(2024, 1, 10)
    assert onboarding.training_nav_on is None
    assert onboarding.done_count == 2
    assert "10 January 2024" in response.content.decode()


def test_a_date_in_the_future_is_refused_and_values_kept(login, client, english, cast):
    membership = Membership.objects.get(person=cast.member)
    login(cast.coordinator)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = client.post(
        BASE + f"{membership.pk}/", {"consent_on": "2024-01-10", "first_talk_on": tomorrow}
    )

    body = response.content.decode()
    assert "cannot be in the future" in body
    assert 'value="2024-01-10"' in body
    assert not Onboarding.objects.exists()


def test_the_service_refuses_unknown_items(cast):
    membership = Membership.objects.get(person=cast.member)

    with pytest.raises(ValueError):
        onboarding_save(membership=membership, by=None, vaccine_on=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError):
        onboarding_save(
            membership=membership,
            by=None,
            consent_on=timezone.localdate() + datetime.timedelta(days=2),
        )


def test_the_list_shows_every_current_member(login, client, english, cast):
    login(cast.coordinator)

    body = client.get(BASE).content.decode()

    assert "Emma Medlem" in body
    assert "Sara Veileder" not in body


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_see_onboarding(login, client, cast, who):
    membership = Membership.objects.get(person=cast.member)
    login(getattr(cast, who))

    assert client.get(BASE).status_code == 404
    assert client.post(BASE + f"{membership.pk}/", {"consent_on": "2024-01-10"}).status_code == 404
    assert not Onboarding.objects.exists()


def test_the_list_does_not_query_per_member(login, client, cast, django_assert_max_num_queries):
    from tests.participation.factories import MembershipFactory

    login(cast.coordinator)
    with django_assert_max_num_queries(30) as few:
        client.get(BASE)
    for membership in MembershipFactory.create_batch(6, group=cast.resource_group):
        onboarding_save(membership=membership, by=None, consent_on=datetime.date(2024, 1, 1))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(BASE)
