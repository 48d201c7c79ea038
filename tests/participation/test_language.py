import pytest

pytestmark = pytest.mark.django_db


def test_norwegian_bokmal_is_the_default(browser_default_client):
    body = browser_default_client.get("/accounts/login/").content.decode()

    assert '<html lang="nb">' in body
    assert "Logg inn" in body


def test_accept_language_chooses_english(client):
    body = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en">' in body
    assert "Log in" in body


def test_accept_language_chooses_nynorsk(client):
    body = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="nn").content.decode()

    assert '<html lang="nn">' in body


def test_users_choice_beats_accept_language_and_is_remembered(client, cast):
    client.force_login(cast.member)

    client.post("/i18n/setlang/", {"language": "en", "next": "/p/best/"})
    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()

    assert '<html lang="en">' in body
    cast.member.refresh_from_db()
    assert cast.member.language == "en"


def test_unknown_language_is_ignored(client, cast):
    client.force_login(cast.member)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/p/best/"})

    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.language == "nb"


def test_language_switch_does_not_redirect_off_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})

    assert "evil.example" not in response.get("Location", "")


@pytest.mark.parametrize(
    "language, words",
    [
        ("nb", ["Totrinnsinnlogging", "Du logger inn med autentiseringsapp.", "Reservekoder"]),
        ("nn", ["Totrinnsinnlogging", "Du loggar inn med autentiseringsapp.", "Reservekodar"]),
    ],
)
def test_allauths_two_step_login_page_speaks_our_norwegian(login, client, cast, language, words):
    login(cast.coordinator)

    body = client.get("/accounts/2fa/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    for word in words:
        assert word in body
    assert "Two-Factor" not in body and "tofaktor" not in body.lower()


@pytest.mark.parametrize(
    "language, words",
    [
        ("nb", ["E-post", "Passord", "Husk meg", "Glemt passordet?"]),
        ("nn", ["E-post", "Passord", "Hugs meg", "Gløymt passordet?"]),
    ],
)
def test_login_page_fields_are_in_norwegian(client, language, words):
    body = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    for word in words:
        assert word in body
    assert "Remember Me" not in body and "Forgot your password" not in body


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_an_empty_required_field_is_explained_in_plain_norwegian(client, language):
    body = client.post("/accounts/login/", {}, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert "Du må fylle ut dette feltet." in body
    assert "påkrevet" not in body and "påkravd" not in body
