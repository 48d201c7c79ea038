"""The glossary explains the words that cannot be avoided, and every page links to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_glossary_explains_the_words_of_the_field_in_norwegian(login, client, cast):
    login(cast.member)

    body = client.get("/ordliste/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()

    for word in ["aktivitetsplikt", "innspill", "referat", "brukermedvirker", "ressursgruppe"]:
        assert f'id="{word}"' in body
    assert "Ordliste" in body and "totrinnsinnlogging" in body


def test_every_page_links_to_the_glossary(login, client, cast):
    login(cast.coordinator)

    assert 'href="/ordliste/"' in client.get("/p/best/").content.decode()


def test_the_glossary_is_for_people_who_are_logged_in(client):
    response = client.get("/ordliste/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
