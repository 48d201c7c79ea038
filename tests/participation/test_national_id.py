"""The note refuses what looks like a national identity number: 11 digits, perhaps 6 + 5."""

import pytest

from participation.privacy import looks_like_national_id


@pytest.mark.parametrize(
    "text",
    [
        "01020312345",
        "010203 12345",
        "010203\u00a012345",  # a non-breaking space, as pasted from a document
        "Fnr 01020312345 ble nevnt",
        "fnr:01020312345.",
        "(010203 12345)",
        "abc01020312345",
        "010203-12345",
        "Første linje\n31129912345\nsiste linje",
        "99999999999",  # not a valid number, but shaped like one: refused all the same
    ],
)
def test_it_finds_a_number_shaped_like_a_national_id(text):
    assert looks_like_national_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Møtet gikk fint.",
        "0102031234",  # ten digits
        "010203123456",  # twelve digits: part of a longer number
        "915 40 112",  # a phone number
        "+47 915 40 112",
        "01.02.03 12345",  # a date and a number
        "0102 0312345",  # split in the wrong place
        "010203  12345",  # two spaces: not the written form of a national ID
        "Vi snakket i 45 minutter den 12.03.2025.",
        "Kontonummer 1234.56.78901",
    ],
)
def test_it_lets_ordinary_text_and_other_numbers_through(text):
    assert not looks_like_national_id(text)


def test_none_is_treated_as_empty():
    assert not looks_like_national_id(None)
