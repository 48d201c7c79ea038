import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from participation.models import Group, Membership, Office, Programme, User

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

MODELS = [User, Office, Programme, Group, Membership]
DEMO_EMAILS = [
    "coordinator@example.org",
    "advisor@example.org",
    "representative@example.org",
    "steering@example.org",
]


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_twice_gives_the_same_counts(demo_programme):
    first = _counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert _counts() == first
    assert first["Office"] == 5


def test_demo_has_the_programme_with_its_offices_and_three_groups(demo_programme):
    programme = demo_programme
    assert programme.offices.count() == 5
    assert set(programme.groups.values_list("kind", flat=True)) == {
        "steering",
        "project",
        "resource",
    }
    resource = programme.groups.get(kind="resource")
    current = Membership.objects.current().filter(group=resource)
    assert 7 <= current.count() <= 8
    assert current.filter(role=Membership.Role.PAID_REPRESENTATIVE).count() == 2
    project = programme.groups.get(kind="project")
    advisors = Membership.objects.current().filter(group=project, role=Membership.Role.ADVISOR)
    assert advisors.values("office").distinct().count() == 5


def test_the_four_demo_logins_work_with_the_given_password():
    call_command("seed_demo", "--password", "hemmelig", stdout=open("/dev/null", "w"))

    for email in DEMO_EMAILS:
        assert authenticate(username=email, password="hemmelig") is not None, email
    assert authenticate(username=DEMO_EMAILS[0], password="demo") is None


def test_demo_logins_have_the_roles_the_contract_promises(demo_programme):
    from participation.access import access_programme

    def access(email):
        return access_programme(User.objects.get(email=email), "best-pa-aktivitetsplikt")

    assert access("coordinator@example.org").is_coordinator
    assert access("representative@example.org").is_paid_representative
    advisor = access("advisor@example.org")
    assert advisor.is_advisor
    assert Office.objects.get(pk__in=advisor.office_ids).name == "NAV Gjøvik"
    assert access("steering@example.org").is_steering_member
