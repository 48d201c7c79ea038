"""The shared spreadsheet writer neutralises formulas; the flood limit counts by address and
by target without storing the sender."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from participation.flood import FloodLimit, flood_exceeded
from participation.spreadsheets import csv_response, csv_text, neutralise


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_formula_like_text_is_made_inert(text):
    assert neutralise(text) == "'" + text


def test_numbers_and_plain_text_are_kept_as_they_are():
    assert neutralise(Decimal("-12.50")) == "-12.50"
    assert neutralise(3) == "3"
    assert neutralise("Nordre Land") == "Nordre Land"
    assert neutralise(None) == ""


def test_csv_text_has_a_byte_order_mark_semicolons_and_neutralised_cells():
    text = csv_text(["navn", "svar"], [["Ola", "=1+1"]])

    assert text.startswith("\ufeff")
    assert text.splitlines()[1] == "Ola;'=1+1"


def test_csv_response_is_a_named_download():
    response = csv_response(filename="x.csv", header=["a"], rows=[["b"]])

    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == ["a", "b"]


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _post(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_one_address_is_stopped_after_its_limit(fresh_cache):
    limit = FloodLimit(scope="test", per_address=2, per_target=100, window_seconds=60)

    results = [flood_exceeded(_post("10.0.0.1"), limit=limit, target="a") for _ in range(3)]

    assert results == [False, False, True]
    assert flood_exceeded(_post("10.0.0.2"), limit=limit, target="a") is False


def test_one_target_is_protected_from_many_addresses(fresh_cache):
    limit = FloodLimit(scope="test", per_address=100, per_target=2, window_seconds=60)

    results = [flood_exceeded(_post(f"10.0.0.{n}"), limit=limit, target="a") for n in range(3)]

    assert results == [False, False, True]
    assert flood_exceeded(_post("10.0.0.9"), limit=limit, target="b") is False


def test_the_cache_keys_do_not_hold_the_address(fresh_cache):
    limit = FloodLimit(scope="test", per_address=5, per_target=5, window_seconds=60)
    flood_exceeded(_post("192.0.2.77"), limit=limit, target="survey-x")

    keys = list(cache._cache.keys())  # locmem in tests
    assert keys and not any("192.0.2.77" in key or "survey-x" in key for key in keys)
