"""The young people's anonymous page per offer: no login, no cookie, no address; numbers
taken out of the free text; robots, stale pages and floods refused calmly."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from offers.models import Judgement
from offers.views import judging
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_waiting(settings):
    settings.OFFERS_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def offer(cast):
    return OfferFactory(programme=cast.programme, office=cast.offices.gjovik, title="Kafé Trappa")


def _url(offer):
    return reverse("offers:judge", kwargs={"code": offer.public_code})


def _token(client, offer):
    page = client.get(_url(offer)).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def _answer(client, offer, **changes):
    data = {
        "token": _token(client, offer),
        "usefulness": "2",
        "welcome": "3",
        "recommend": "no",
        "comment": "",
    }
    data.update(changes)
    return client.post(_url(offer), data, REMOTE_ADDR="192.0.2.10")


def test_the_page_needs_no_login_and_sets_no_cookie(client, offer):
    response = client.get(_url(offer))

    assert response.status_code == 200
    assert "Kafé Trappa" in response.content.decode()
    assert not response.cookies
    assert response["Cache-Control"] == "no-store"


def test_an_answer_is_stored_with_the_day_only_and_numbers_removed(client, offer):
    response = _answer(client, offer, comment="Ring meg på 470 12 345, fnr 01020312345. Kjedelig.")

    judgement = Judgement.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("offers:judge_thanks", kwargs={"code": offer.public_code})
    assert (judgement.usefulness, judgement.welcome, judgement.recommend) == (2, 3, "no")
    assert "470" not in judgement.comment and "01020312345" not in judgement.comment
    assert "Kjedelig." in judgement.comment
    assert not response.cookies


def test_a_missing_answer_comes_back_with_the_others_kept(client, offer):
    response = _answer(client, offer, usefulness="", comment="Bra folk")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose a number from 1 to 5." in content
    assert "Bra folk" in content
    assert re.search(r'value="3" checked', content)
    assert not Judgement.objects.exists()


def test_an_answer_outside_the_scale_is_refused(client, offer):
    response = _answer(client, offer, usefulness="9")

    assert response.status_code == 200
    assert not Judgement.objects.exists()


def test_a_robot_filling_the_hidden_field_stores_nothing(client, offer):
    response = _answer(client, offer, website="http://spam.example")

    assert response.status_code == 200
    assert not Judgement.objects.exists()


def test_a_tampered_or_other_offers_token_stores_nothing(client, cast, offer):
    other = OfferFactory(programme=cast.programme, office=cast.offices.gjovik)
    response = _answer(client, offer, token=_token(client, other))

    assert "too old" in response.content.decode()
    assert not Judgement.objects.exists()


def test_an_answer_sent_at_once_is_shown_again_to_check(client, offer, settings):
    settings.OFFERS_MIN_SECONDS = 3600

    response = _answer(client, offer)

    assert "That was quick!" in response.content.decode()
    assert not Judgement.objects.exists()


def test_many_answers_from_one_address_are_refused_calmly(client, offer, monkeypatch):
    limit = judging.FloodLimit(scope="t", per_address=2, per_target=100, window_seconds=60)
    monkeypatch.setattr(judging, "FLOOD", limit)

    statuses = [_answer(client, offer).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert Judgement.objects.count() == 2


def test_a_closed_offer_takes_no_answers(client, offer):
    token = _token(client, offer)
    offer.is_active = False
    offer.save()

    response = client.post(
        _url(offer), {"token": token, "usefulness": "4", "welcome": "4", "recommend": "yes"}
    )

    assert "This offer is closed" in response.content.decode()
    assert not Judgement.objects.exists()


def test_an_unknown_code_is_a_calm_404(client):
    response = client.get(reverse("offers:judge", kwargs={"code": "nothing"}))

    assert response.status_code == 404
    assert "We cannot find this offer" in response.content.decode()
