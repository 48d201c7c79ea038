"""Who the members are: counts per municipality, age band and office for the coordinator and
the steering group; a count from 1 to 4 reads "under 5", and no name is ever shown."""

import pytest
from django.urls import reverse

from participation.models import Group, Membership, User
from resourcegroup.models import Application
from resourcegroup.selectors.representation import representation
from tests.participation.factories import GroupFactory, MembershipFactory
from tests.resourcegroup.factories import ApplicationFactory, PostingFactory

pytestmark = pytest.mark.django_db


def _members(cast, count, *, municipality="Gjøvik", office=None, group=None):
    people = []
    for n in range(count):
        membership = MembershipFactory(
            group=group or cast.resource_group,
            office=office,
            person__display_name=f"Ung Person {municipality} {n}",
        )
        User.objects.filter(pk=membership.person_id).update(municipality=municipality)
        people.append(membership)
    return people


def _rows(rows):
    return {row.label: row.count for row in rows}


def test_counts_each_young_member_once_by_municipality_and_office(cast):
    _members(cast, 5, municipality="Gjøvik", office=cast.offices.gjovik)
    two = _members(cast, 2, municipality="Østre Toten")
    committee = GroupFactory(kind=Group.Kind.USER_COMMITTEE, programmes=[cast.programme])
    # The same person in a second group is still one person.
    MembershipFactory(person=two[0].person, group=committee)
    result = representation(programme=cast.programme)
    # cast.member (no municipality given) + 5 + 2; the advisor and the leader are staff.
    assert result.total.count == 8
    assert _rows(result.municipalities) == {"Gjøvik": 5, "Østre Toten": 2, "Not given": 1}
    # Without an office on the seat, the office is the one where the member lives.
    assert _rows(result.offices) == {"NAV Gjøvik": 5, "NAV Østre Toten": 2, "Not given": 1}


def test_age_and_missing_municipality_come_from_the_application(cast):
    posting = PostingFactory(programme=cast.programme, group=cast.resource_group)
    membership = Membership.objects.get(person=cast.member)
    ApplicationFactory(
        posting=posting,
        membership=membership,
        municipality="Østre Toten",
        age_band=Application.AgeBand.FROM_24_TO_29,
    )
    result = representation(programme=cast.programme)
    assert _rows(result.municipalities)["Østre Toten"] == 1
    assert _rows(result.age_bands)["24–29"] == 1


def test_members_who_left_and_other_programmes_are_not_counted(cast):
    Membership.objects.filter(person=cast.member).update(
        ends_on="2000-01-01", starts_on="1999-01-01"
    )
    _members(cast, 3, group=cast.other_group)
    assert representation(programme=cast.programme).total.count == 0


def test_page_shows_under_five_and_no_names(cast, login):
    _members(cast, 5, municipality="Gjøvik")
    _members(cast, 2, municipality="Østre Toten")
    page = login(cast.coordinator).get(reverse("resourcegroup:representation", args=["best"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "under 5" in html
    assert "Ung Person" not in html
    assert "Emma Medlem" not in html


def test_a_small_total_is_hidden_too(cast, login):
    page = login(cast.coordinator).get(reverse("resourcegroup:representation", args=["best"]))
    assert "Members today:</strong>\n    under 5" in page.content.decode()


def test_steering_group_member_sees_it_and_the_link(cast, login):
    client = login(cast.leader)
    assert client.get(reverse("resourcegroup:representation", args=["best"])).status_code == 200
    landing = client.get(reverse("programme_detail", args=["best"])).content.decode()
    assert reverse("resourcegroup:representation", args=["best"]) in landing


@pytest.mark.parametrize("who", ["member", "advisor", "outsider"])
def test_others_get_404(cast, login, who):
    page = login(getattr(cast, who)).get(reverse("resourcegroup:representation", args=["best"]))
    assert page.status_code == 404


def test_coordinator_of_another_programme_gets_404(cast, login):
    page = login(cast.coordinator).get(reverse("resourcegroup:representation", args=["other"]))
    assert page.status_code == 404


def test_a_single_small_count_cannot_be_worked_out_from_the_total(cast, login):
    Membership.objects.filter(person=cast.member).delete()
    _members(cast, 6, municipality="Gjøvik")
    _members(cast, 1, municipality="Østre Toten")
    rows = {row.label: row for row in representation(programme=cast.programme).municipalities}
    assert rows["Østre Toten"].is_hidden
    assert rows["Gjøvik"].is_withheld
    html = (
        login(cast.coordinator)
        .get(reverse("resourcegroup:representation", args=["best"]))
        .content.decode()
    )
    assert "withheld" in html
    assert ">6<" not in html
