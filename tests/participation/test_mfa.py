import pytest

from tests.conftest import force_login_with_mfa, give_totp

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"


def test_coordinator_without_an_authenticator_is_sent_to_set_one_up(client, cast):
    client.force_login(cast.coordinator)

    response = client.get("/p/best/")

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_coordinator_logging_in_confirms_the_password_and_gets_the_set_up_page(
    client, cast, password
):
    client.post("/accounts/login/", {"login": "coordinator@example.org", "password": password})

    sent_on = client.get("/", follow=True)
    # allauth asks for the password once more before an authenticator may be added.
    confirmed = client.post(sent_on.redirect_chain[-1][0], {"password": password}, follow=True)

    assert sent_on.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    assert confirmed.redirect_chain[-1][0] == ACTIVATE
    body = confirmed.content.decode()
    assert "data:image/svg" in body or "<svg" in body


def test_coordinator_with_an_authenticator_reaches_the_programme(client, cast):
    give_totp(cast.coordinator)
    force_login_with_mfa(client, cast.coordinator)

    assert client.get("/p/best/").status_code == 200


def test_staff_user_without_an_authenticator_is_sent_to_set_one_up(client, cast):
    cast.advisor.is_staff = True
    cast.advisor.save()
    client.force_login(cast.advisor)

    assert client.get("/p/best/")["Location"] == ACTIVATE


@pytest.mark.parametrize("who", ["member", "advisor", "leader"])
def test_members_are_not_asked_for_a_second_factor(client, cast, who):
    client.force_login(getattr(cast, who))

    assert client.get("/p/best/").status_code == 200


def test_requirement_can_be_turned_off_for_the_demo(client, cast, settings):
    settings.MEDVIRK_REQUIRE_MFA = False
    client.force_login(cast.coordinator)

    assert client.get("/p/best/").status_code == 200


def test_coordinator_with_totp_must_give_a_code_at_login(client, cast, password):
    give_totp(cast.coordinator)

    response = client.post(
        "/accounts/login/", {"login": "coordinator@example.org", "password": password}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
