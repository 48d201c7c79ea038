"""`manage.py create_coordinator EMAIL [--programme …]`: the first coordinator of a fresh
install gets a programme and a one-time link to choose a password."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from participation.models import Invitation, Membership, Programme, User
from tests.conftest import force_login_with_mfa
from tests.participation.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("create_coordinator", *args, stdout=out)
    return out.getvalue()


def _link(text: str) -> str:
    return re.search(r"https://testserver(/accounts/invitation/\S+/)", text).group(1)


def test_fresh_install_gets_a_new_programme_and_a_printed_and_emailed_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        out = _run("Kari.Koordinator@Example.org")

    person = User.objects.get(email="kari.koordinator@example.org")
    programme = Programme.objects.get()
    assert list(programme.coordinators.all()) == [person]
    assert not person.has_usable_password()
    assert EmailAddress.objects.get(user=person).verified
    assert "https://testserver/accounts/invitation/" in out
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kari.koordinator@example.org"]
    assert _link(mail.outbox[0].body).startswith("/accounts/invitation/")

    response = client.post(
        _link(out), {"new_password1": "lang-og-trygg-2026", "new_password2": "lang-og-trygg-2026"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("lang-og-trygg-2026")
    assert Invitation.objects.get(person=person).is_accepted
    assert not Membership.objects.filter(person=person).exists()
    # Logged in; a coordinator is first asked to set up an authenticator, then sees the page.
    assert client.session["_auth_user_id"] == str(person.pk)
    force_login_with_mfa(client, person)
    assert client.get(f"/p/{programme.slug}/").status_code == 200


def test_the_link_works_only_once(client):
    link = _link(_run("kari@example.org"))
    data = {"new_password1": "lang-og-trygg-2026", "new_password2": "lang-og-trygg-2026"}
    client.post(link, data)
    client.logout()

    assert client.get(link).status_code == 400


def test_a_named_new_programme_gets_that_name():
    _run("kari@example.org", "--programme", "Ungdom i Valdres")

    assert Programme.objects.get().name == "Ungdom i Valdres"
    assert Programme.objects.get().slug == "ungdom-i-valdres"


def test_an_existing_programme_by_slug_gains_a_coordinator_and_no_new_programme():
    programme = ProgrammeFactory(slug="best")

    _run("kari@example.org", "--programme", "best")

    assert Programme.objects.count() == 1
    assert programme.coordinators.filter(email="kari@example.org").exists()


def test_an_existing_account_with_a_password_is_reused_and_gets_no_password_link(
    django_capture_on_commit_callbacks,
):
    person = UserFactory(email="kari@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        out = _run("kari@example.org")

    assert User.objects.count() == 1
    assert Programme.objects.get().coordinators.get() == person
    assert "/accounts/invitation/" not in out
    assert mail.outbox == []


def test_a_bad_address_is_a_one_line_error_and_stores_nothing():
    with pytest.raises(CommandError) as error:
        _run("not-an-address")

    assert "\n" not in str(error.value)
    assert not User.objects.exists()
    assert not Programme.objects.exists()


def test_a_closed_account_is_refused():
    UserFactory(email="kari@example.org", is_active=False)

    with pytest.raises(CommandError, match="closed"):
        _run("kari@example.org")
    assert not Programme.objects.exists()
