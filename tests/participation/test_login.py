import pytest

from participation.models import User

pytestmark = pytest.mark.django_db


def test_member_logs_in_with_email_and_lands_on_their_programme(client, cast, password):
    response = client.post(
        "/accounts/login/", {"login": "member@example.org", "password": password}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/p/best/"
    assert "Best på aktivitetsplikt" in response.content.decode()


def test_email_is_matched_without_regard_to_case(client, cast, password):
    response = client.post(
        "/accounts/login/", {"login": "Member@Example.ORG", "password": password}
    )

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(cast.member.pk)


def test_wrong_password_shows_an_error_and_keeps_the_email(client, cast):
    response = client.post("/accounts/login/", {"login": "member@example.org", "password": "wrong"})

    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="member@example.org"' in body
    assert "error-summary" in body
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client, cast):
    client.force_login(cast.member)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_there_is_no_public_sign_up(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "stranger@example.org", "password1": "x7!kLm9#pQ2", "password2": "x7!kLm9#pQ2"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert "No open sign-up" in response.content.decode()
    assert not User.objects.filter(email="stranger@example.org").exists()


def test_login_page_says_accounts_come_by_invitation(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")

    assert "invites you" in response.content.decode()
    assert "sign up" not in response.content.decode().lower()
