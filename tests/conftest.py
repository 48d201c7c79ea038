"""The standing cast: a programme with a coordinator, a member and an advisor, and an outsider
who belongs to another programme. Most tests are about what each of them may see and do."""

import datetime
import os
import time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from allauth.mfa.models import Authenticator

from participation.models import Group, Membership
from tests.participation.factories import (
    PASSWORD,
    GroupFactory,
    MembershipFactory,
    OfficeFactory,
    ProgrammeFactory,
    UserFactory,
)

OSLO = ZoneInfo("Europe/Oslo")


def pinned_now() -> datetime.datetime | None:
    """The moment MEDVIRK_TEST_NOW pins the whole run to (Oslo wall clock), or None.

    `.ci/run` runs the tests marked `calendar` once for each date that has broken things: the
    first and last day of a month, New Year, 29 February, both daylight-saving switches...
    """
    value = os.environ.get("MEDVIRK_TEST_NOW")
    if not value:
        return None
    moment = datetime.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


_traveller = None


def pytest_configure(config):
    global _traveller
    moment = pinned_now()
    if moment is not None:
        # tick=True: time passes from the pinned moment, as it does on a real day.
        _traveller = time_machine.travel(moment, tick=True)
        _traveller.start()


def pytest_unconfigure(config):
    if _traveller is not None:
        _traveller.stop()


def pytest_report_header(config):
    moment = pinned_now()
    if moment is not None:
        return f"clock pinned by MEDVIRK_TEST_NOW to {moment.isoformat()} ({moment:%A})"
    return None


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def cast(db):
    gjovik = OfficeFactory(code="gjovik", name="NAV Gjøvik", municipality="Gjøvik")
    toten = OfficeFactory(code="ostre-toten", name="NAV Østre Toten", municipality="Østre Toten")
    coordinator = UserFactory(email="coordinator@example.org", display_name="Hanne Koordinator")
    programme = ProgrammeFactory(
        name="Best på aktivitetsplikt",
        slug="best",
        offices=[gjovik, toten],
        coordinators=[coordinator],
    )
    resource_group = GroupFactory(
        name="Ressursgruppa", kind=Group.Kind.RESOURCE, programmes=[programme]
    )
    project_group = GroupFactory(
        name="Prosjektgruppa", kind=Group.Kind.PROJECT, programmes=[programme]
    )
    steering_group = GroupFactory(
        name="Styringsgruppa", kind=Group.Kind.STEERING, programmes=[programme]
    )
    member = MembershipFactory(
        person__email="member@example.org", person__display_name="Emma Medlem", group=resource_group
    ).person
    advisor = MembershipFactory(
        person__email="advisor@example.org",
        person__display_name="Sara Veileder",
        group=project_group,
        role=Membership.Role.ADVISOR,
        office=gjovik,
    ).person
    leader = MembershipFactory(
        person__email="leader@example.org",
        person__display_name="Kari Leder",
        group=steering_group,
        role=Membership.Role.LEADER,
        office=gjovik,
    ).person

    other_programme = ProgrammeFactory(name="Et annet prosjekt", slug="other")
    other_group = GroupFactory(name="Annen gruppe", programmes=[other_programme])
    outsider = MembershipFactory(
        person__email="outsider@example.org", person__display_name="Ole Utenfor", group=other_group
    ).person
    return SimpleNamespace(
        programme=programme,
        other_programme=other_programme,
        offices=SimpleNamespace(gjovik=gjovik, toten=toten),
        resource_group=resource_group,
        project_group=project_group,
        steering_group=steering_group,
        other_group=other_group,
        coordinator=coordinator,
        member=member,
        advisor=advisor,
        leader=leader,
        outsider=outsider,
    )


def give_totp(user):
    """Mark the user as having an authenticator app, as if they had set it up."""
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )


def force_login_with_mfa(client, user):
    """Log the user in as allauth does after password and authenticator code in this session.

    Anyone who has an authenticator app, or whose role needs one, gets one; the session
    records the second factor the way allauth records it, so two-step login lets them in.
    """
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY

    from participation.access import requires_mfa

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None and requires_mfa(user):
        authenticator = give_totp(user)
    client.force_login(user)
    if authenticator is not None:
        session = client.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()
    return client


@pytest.fixture
def login(client):
    """Log a user in fully: coordinators and staff with their authenticator, as at login."""

    def _login(user):
        return force_login_with_mfa(client, user)

    return _login


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: flood and throttling counts must not leak
    between tests (the test client always posts from the same address)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_source_strings():
    """Tests read the English source strings: messages from services are in English here.

    The interface is Norwegian by default; tests of that default use `browser_default_client`.
    """
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """A test client whose browser asks for English, the language the tests are written in."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def browser_default_client():
    """A client that states no language, as a first visit from an unknown browser does."""
    from django.test import Client

    return Client()
