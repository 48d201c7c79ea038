"""Where a member lives (optional): the member on their own page, a coordinator for a member
of the programme; only the programme's municipalities can be chosen."""

import pytest
from django.urls import reverse

from participation.models import User
from tests.participation.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_member_sets_their_own_municipality(cast, login):
    client = login(cast.member)
    page = client.get(reverse("profile"))
    assert page.status_code == 200
    assert "Østre Toten" in page.content.decode()
    response = client.post(reverse("profile"), {"municipality": "Østre Toten"})
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.municipality == "Østre Toten"


def test_member_may_take_it_away_again(cast, login):
    User.objects.filter(pk=cast.member.pk).update(municipality="Gjøvik")
    login(cast.member).post(reverse("profile"), {"municipality": ""})
    cast.member.refresh_from_db()
    assert cast.member.municipality == ""


def test_municipality_outside_the_programme_is_refused_and_nothing_is_stored(cast, login):
    response = login(cast.member).post(reverse("profile"), {"municipality": "Bergen"})
    assert response.status_code == 200
    assert "Choose a municipality from the list." in response.content.decode()
    cast.member.refresh_from_db()
    assert cast.member.municipality == ""


def test_another_programmes_municipalities_are_not_offered(cast, login):
    cast.other_programme.offices.create(code="hamar", name="NAV Hamar", municipality="Hamar")
    page = login(cast.member).get(reverse("profile"))
    assert "Hamar" not in page.content.decode()
    login(cast.member).post(reverse("profile"), {"municipality": "Hamar"})
    cast.member.refresh_from_db()
    assert cast.member.municipality == ""


def test_coordinator_sets_a_members_municipality(cast, login):
    url = reverse("person_municipality", args=["best", cast.member.pk])
    response = login(cast.coordinator).post(url, {"municipality": "Gjøvik"})
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.municipality == "Gjøvik"


def test_coordinator_sees_the_link_on_the_members_list(cast, login):
    page = login(cast.coordinator).get(
        reverse("group_members", args=["best", cast.resource_group.pk])
    )
    assert reverse("person_municipality", args=["best", cast.member.pk]) in page.content.decode()


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_the_coordinator_sets_another_persons_municipality(cast, login, who):
    url = reverse("person_municipality", args=["best", cast.member.pk])
    response = login(getattr(cast, who)).post(url, {"municipality": "Gjøvik"})
    assert response.status_code == 404
    cast.member.refresh_from_db()
    assert cast.member.municipality == ""


def test_coordinator_cannot_reach_a_person_of_another_programme(cast, login):
    url = reverse("person_municipality", args=["best", cast.outsider.pk])
    assert login(cast.coordinator).post(url, {"municipality": "Gjøvik"}).status_code == 404


def test_a_closed_offices_municipality_stays_for_those_who_chose_it(cast, login):
    User.objects.filter(pk=cast.member.pk).update(municipality="Gjøvik")
    cast.offices.gjovik.is_active = False
    cast.offices.gjovik.save()
    response = login(cast.member).post(reverse("profile"), {"municipality": "Gjøvik"})
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.municipality == "Gjøvik"


def test_erasing_a_person_removes_their_municipality(cast):
    from participation.services.people import people_anonymise

    MembershipFactory(person=cast.member, group=cast.resource_group)
    User.objects.filter(pk=cast.member.pk).update(municipality="Gjøvik")
    people_anonymise(people=[User.objects.get(pk=cast.member.pk)])
    assert User.objects.get(pk=cast.member.pk).municipality == ""


def test_a_coordinators_change_is_logged_and_ones_own_is_not(cast, login):
    from participation.models import AuditEvent

    url = reverse("person_municipality", args=["best", cast.member.pk])
    login(cast.coordinator).post(url, {"municipality": "Gjøvik"})
    event = AuditEvent.objects.get()
    assert (event.actor, event.action) == (cast.coordinator, AuditEvent.Action.CHANGED)
    assert "Emma" not in event.subject
    login(cast.member).post(reverse("profile"), {"municipality": "Østre Toten"})
    assert AuditEvent.objects.count() == 1
