"""Accounts as an attacker tries them: two-step login on every way in, throttled login forms,
addresses that log in only once proved, sessions that end."""

import time

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.utils import timezone

from tests.conftest import force_login_with_mfa, give_totp

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXP"  # the one give_totp stores
STAFF_PAGES = ["/", "/p/best/", "/p/best/invite/", "/admin/", "/admin/participation/user/"]


def current_code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.fixture
def staff_coordinator(cast):
    cast.coordinator.is_staff = True
    cast.coordinator.is_superuser = True
    cast.coordinator.save(update_fields=["is_staff", "is_superuser"])
    give_totp(cast.coordinator)
    return cast.coordinator


# --- Two-step login on every way in ------------------------------------------------------------


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_a_password_only_session_of_a_coordinator_with_an_authenticator_reaches_no_page(
    client, staff_coordinator, page
):
    client.force_login(staff_coordinator)  # a session that never saw the second factor

    response = client.get(page)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_a_member_who_set_up_an_authenticator_must_use_it_too(client, cast):
    give_totp(cast.member)
    client.force_login(cast.member)

    assert client.get("/p/best/")["Location"].startswith("/accounts/login/")


def test_the_admin_has_no_login_form_of_its_own(client, staff_coordinator, password):
    shown = client.get("/admin/login/?next=/admin/")
    posted = client.post(
        "/admin/login/?next=/admin/",
        {"username": staff_coordinator.email, "password": password},
    )

    assert shown.status_code == 302 and shown["Location"].startswith("/accounts/login/")
    assert posted.status_code == 302 and posted["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_staff_reach_the_admin_after_password_and_code(client, staff_coordinator, password):
    first = client.post(
        "/accounts/login/?next=/admin/",
        {"login": staff_coordinator.email, "password": password, "next": "/admin/"},
    )
    assert first["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302

    # The code is made and checked in the same instant: on a loaded machine the thirty-second
    # window could otherwise turn between the two and refuse a right code.
    with time_machine.travel(timezone.now(), tick=False):
        second = client.post("/accounts/2fa/authenticate/", {"code": current_code()})

    assert second.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/p/best/").status_code == 200


def test_a_wrong_code_keeps_the_coordinator_out(client, staff_coordinator, password):
    client.post("/accounts/login/", {"login": staff_coordinator.email, "password": password})

    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_login_fixture_session_counts_as_two_step(client, staff_coordinator):
    force_login_with_mfa(client, staff_coordinator)

    assert client.get("/admin/").status_code == 200


def test_setting_up_an_authenticator_counts_for_the_session_that_did_it(
    transactional_db, client, cast, password
):
    # Transactional: allauth announces the new authenticator once the activation commits.
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    client.post("/accounts/login/", {"login": cast.coordinator.email, "password": password})
    sent_on = client.get("/p/best/", follow=True)
    client.post(sent_on.redirect_chain[-1][0], {"password": password})  # allauth asks again
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))

    client.post("/accounts/2fa/totp/activate/", {"code": code})

    assert Authenticator.objects.filter(user=cast.coordinator, type="totp").exists()
    assert client.get("/p/best/").status_code == 200


# --- Throttling ---------------------------------------------------------------------------------


def test_thirty_wrong_passwords_are_throttled_with_a_calm_page(client, cast, password):
    responses = [
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "nope"})
        for n in range(31)
    ]
    after = client.post("/accounts/login/", {"login": cast.member.email, "password": password})

    assert responses[0].status_code == 200
    assert responses[-1].status_code == 429
    assert after.status_code == 429
    assert "Please wait a little" in after.content.decode()
    assert "_auth_user_id" not in client.session


def test_behind_a_proxy_each_visitor_has_their_own_login_limit(client, cast, password, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.66", "REMOTE_ADDR": "10.0.0.1"}
    visitor = {"HTTP_X_FORWARDED_FOR": "198.51.100.7", "REMOTE_ADDR": "10.0.0.1"}
    for n in range(31):
        client.post("/accounts/login/", {"login": f"g{n}@example.org", "password": "x"}, **attacker)

    refused = client.post(
        "/accounts/login/", {"login": "g@example.org", "password": "x"}, **attacker
    )
    let_in = client.post(
        "/accounts/login/", {"login": cast.member.email, "password": password}, **visitor
    )

    assert refused.status_code == 429
    assert let_in.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.member.pk)


def test_wrong_passwords_for_one_login_lock_that_login_for_a_while(client, cast, password):
    for _ in range(5):
        client.post("/accounts/login/", {"login": cast.member.email, "password": "nope"})

    response = client.post("/accounts/login/", {"login": cast.member.email, "password": password})

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_requests_are_throttled_per_address(client, cast):
    for _ in range(8):
        client.post("/accounts/password/reset/", {"email": cast.member.email})

    assert len(mail.outbox) == 5


# --- Email addresses ----------------------------------------------------------------------------


def test_an_added_address_does_not_log_in_until_its_owner_proves_it(client, login, cast, password):
    from allauth.account.models import EmailAddress

    login(cast.member)
    client.post("/accounts/email/", {"email": "new.address@example.org", "action_add": ""})
    client.logout()
    mail.outbox.clear()

    response = client.post(
        "/accounts/login/", {"login": "new.address@example.org", "password": password}
    )

    assert EmailAddress.objects.filter(email="new.address@example.org", verified=False).exists()
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")
    cast.member.refresh_from_db()
    assert cast.member.email == "member@example.org"


def test_an_unproved_address_cannot_be_made_primary(client, login, cast):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=cast.member, email="unproved@example.org", verified=False)
    login(cast.member)

    client.post("/accounts/email/", {"email": "unproved@example.org", "action_primary": ""})

    cast.member.refresh_from_db()
    assert cast.member.email == "member@example.org"
    assert EmailAddress.objects.get(email="member@example.org").primary


def test_a_person_logs_in_with_their_proved_address(client, cast, password):
    response = client.post("/accounts/login/", {"login": cast.member.email, "password": password})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.member.pk)


def test_an_account_without_a_proved_address_must_prove_it_before_logging_in(client, password):
    from tests.participation.factories import UserFactory

    person = UserFactory(email="unproved@example.org", verified_email=False)

    client.post("/accounts/login/", {"login": person.email, "password": password})

    assert "_auth_user_id" not in client.session
    assert any("unproved@example.org" in message.to for message in mail.outbox)


# --- Invitations to an address that already has an account ------------------------------------


def _invite_outsider(client, cast, **extra):
    data = {
        "display_name": "Someone Else",
        "email": "OUTSIDER@example.org",
        "group": cast.resource_group.pk,
        "role": "member",
        **extra,
    }
    return client.post("/p/best/invite/", data)


def test_inviting_an_existing_account_first_shows_whom_and_stores_nothing(login, client, cast):
    from participation.models import Invitation, Membership

    login(cast.coordinator)

    response = _invite_outsider(client, cast)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Ole Utenfor" in body
    assert 'name="confirm_existing" value="on"' in body
    assert 'value="Someone Else"' in body  # every typed value rides along
    # Nothing about the account's other programmes or groups.
    assert "Annen gruppe" not in body and "Et annet prosjekt" not in body
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(person=cast.outsider, group=cast.resource_group).exists()


def test_changing_the_details_goes_back_to_the_form_with_every_value_kept(login, client, cast):
    from participation.models import Invitation

    login(cast.coordinator)

    response = _invite_outsider(client, cast, confirm_existing="on", edit="1")

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Someone Else"' in body and 'value="OUTSIDER@example.org"' in body
    assert "Send invitation" in body
    assert 'name="confirm_existing" value="True"' not in body  # the check comes again
    assert not Invitation.objects.exists()


def test_a_confirmed_invitation_offers_the_seat_but_does_not_give_it(
    login, client, cast, django_capture_on_commit_callbacks
):
    from participation.models import Invitation, Membership

    login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite_outsider(client, cast, confirm_existing="on")

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert invitation.person == cast.outsider and invitation.membership is None
    assert not Membership.objects.filter(person=cast.outsider, group=cast.resource_group).exists()
    assert f"/invitations/{invitation.pk}/" in mail.outbox[0].body
    cast.outsider.refresh_from_db()
    assert cast.outsider.display_name == "Ole Utenfor"  # the typed name renames nobody


@pytest.fixture
def offer(cast):
    from participation import services

    return services.person_invite(
        programme=cast.programme,
        invited_by=cast.coordinator,
        email="outsider@example.org",
        display_name="x",
        group=cast.resource_group,
        role="member",
        confirm_existing=True,
    )


def test_the_invited_person_accepts_the_seat_while_logged_in(client, login, cast, offer):
    from participation.models import Membership

    anonymous = client.get(f"/invitations/{offer.pk}/")
    login(cast.outsider)
    shown = client.get(f"/invitations/{offer.pk}/")
    accepted = client.post(f"/invitations/{offer.pk}/", {"accept": ""})
    again = client.post(f"/invitations/{offer.pk}/", {"accept": ""})

    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    assert shown.status_code == 200 and "Ressursgruppa" in shown.content.decode()
    assert accepted["Location"] == "/p/best/"
    assert again.status_code == 404
    assert (
        Membership.objects.current().filter(person=cast.outsider, group=cast.resource_group).count()
        == 1
    )
    assert client.get("/p/best/").status_code == 200


def test_a_declined_seat_gives_nothing(client, login, cast, offer):
    from participation.models import Membership

    login(cast.outsider)
    client.post(f"/invitations/{offer.pk}/", {"decline": ""})

    assert not Membership.objects.filter(person=cast.outsider, group=cast.resource_group).exists()
    assert client.get("/p/best/").status_code == 404


@pytest.mark.parametrize("who", ["member", "coordinator"])
def test_nobody_else_can_take_an_offered_seat(client, login, cast, offer, who):
    from participation.models import Membership

    login(getattr(cast, who))

    assert client.get(f"/invitations/{offer.pk}/").status_code == 404
    assert client.post(f"/invitations/{offer.pk}/", {"accept": ""}).status_code == 404
    assert not Membership.objects.filter(person=cast.outsider, group=cast.resource_group).exists()


# --- Sessions ------------------------------------------------------------------------------------


def test_a_session_expires_after_inactivity_and_each_request_renews_it(client, login, cast):
    from django.conf import settings
    from django.contrib.sessions.models import Session

    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    login(cast.member)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())

    response = client.get("/p/best/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def _feed(user):
    from participation.models import CalendarFeed

    return CalendarFeed.objects.create(user=user)


def test_deactivating_a_person_ends_their_sessions_and_feeds_at_once(client, login, cast):
    from django.contrib.sessions.models import Session
    from django.test import Client

    from participation import services

    login(cast.member)
    other_device = Client(HTTP_ACCEPT_LANGUAGE="en")
    force_login_with_mfa(other_device, cast.member)
    feed = _feed(cast.member)
    feed_path = f"/calendar/{feed.token}.ics"
    coordinators_session = Client()
    force_login_with_mfa(coordinators_session, cast.coordinator)

    services.person_deactivate(person=cast.member)

    assert not Session.objects.filter(session_key=client.session.session_key).exists()
    assert client.get("/p/best/").status_code == 302
    assert other_device.get("/p/best/").status_code == 302
    assert client.get(feed_path).status_code == 404
    assert coordinators_session.get("/p/best/").status_code == 200  # nobody else is touched


def test_deactivating_in_the_admin_ends_sessions_and_feeds(client, cast, staff_coordinator):
    from django.contrib.sessions.models import Session
    from django.test import Client

    from participation.models import CalendarFeed

    members_browser = Client()
    force_login_with_mfa(members_browser, cast.member)
    members_key = members_browser.session.session_key
    _feed(cast.member)
    force_login_with_mfa(client, staff_coordinator)
    url = f"/admin/participation/user/{cast.member.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name not in ("password", "groups", "user_permissions", "last_login", "date_joined")
        and value is not None
    }
    data.update(
        {
            "date_joined_0": cast.member.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": cast.member.date_joined.strftime("%H:%M:%S"),
        }
    )
    data.pop("is_active", None)  # the box unticked

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    cast.member.refresh_from_db()
    assert not cast.member.is_active
    assert not Session.objects.filter(session_key=members_key).exists()
    assert not CalendarFeed.objects.filter(user=cast.member).exists()


def test_the_change_address_page_shows_the_pending_address_without_inline_style(
    client, login, cast
):
    login(cast.member)
    client.post("/accounts/email/", {"email": "new.address@example.org", "action_add": ""})

    body = client.get("/accounts/email/").content.decode()

    assert "new.address@example.org" in body
    assert "style=" not in body
