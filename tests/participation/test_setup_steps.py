"""Getting started: each step of setting up is done or not according to the data, and a new
coordinator's first login leads there."""

from decimal import Decimal

import pytest

from participation.models import Group
from participation.selectors import setup_steps
from resourcegroup.models import BudgetLine
from tests.checklists.factories import published_checklist
from tests.participation.factories import (
    MembershipFactory,
    OfficeFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.participation.factories_meetings import MeetingFactory
from tests.surveys.factories import published_survey

pytestmark = pytest.mark.django_db


def _done(programme) -> dict[str, bool]:
    return {step.key: step.is_done for step in setup_steps(programme=programme)}


@pytest.fixture
def fresh():
    coordinator = UserFactory(email="ny@example.org")
    return ProgrammeFactory(slug="ny", coordinators=[coordinator]), coordinator


def test_a_fresh_programme_has_every_step_left(fresh):
    programme, _coordinator = fresh

    assert _done(programme) == {
        "programme": False,
        "offices": False,
        "groups": False,
        "people": False,
        "meetings": False,
        "checklist": False,
        "survey": False,
        "budget": False,
    }


def test_steps_are_done_as_the_data_appears(fresh):
    programme, _coordinator = fresh
    programme.mandate, programme.goals = "Mandat", "Mål"
    programme.save()
    programme.offices.add(OfficeFactory(code="gran"))
    group = Group.objects.create(name="Ressursgruppa", kind=Group.Kind.RESOURCE)
    group.programmes.add(programme)
    assert _done(programme)["meetings"] is False

    MembershipFactory(group=group)
    MeetingFactory(group=group)
    published_checklist(programme)
    published_survey(programme, slug="forste")
    BudgetLine.objects.create(
        programme=programme, kind=BudgetLine.Kind.HOURS, name="Timer", amount=Decimal("1000")
    )

    assert set(_done(programme).values()) == {True}


def test_an_office_out_of_use_does_not_count(fresh):
    programme, _coordinator = fresh
    programme.offices.add(OfficeFactory(code="gran", is_active=False))

    assert _done(programme)["offices"] is False


def test_the_start_page_shows_each_step_with_its_link(login, client, fresh):
    programme, coordinator = fresh
    programme.offices.add(OfficeFactory(code="gran"))
    login(coordinator)

    page = client.get("/p/ny/setup/").content.decode()

    assert "Add the NAV offices" in page
    assert "/p/ny/setup/offices/" in page
    assert page.count("Done") == 1
    assert "Publish the survey" in page


def test_a_new_coordinators_first_login_leads_to_getting_started(login, client, fresh):
    _programme, coordinator = fresh
    login(coordinator)

    response = client.get("/")

    assert response.status_code == 302
    assert response.url == "/p/ny/setup/"


def test_a_set_up_programme_opens_as_usual(login, client, cast):
    login(cast.coordinator)

    response = client.get("/")

    assert response.url == "/p/best/"
