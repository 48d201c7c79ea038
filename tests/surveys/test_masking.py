"""Free text is masked before anyone reads it."""

import pytest
from django.utils import translation

from surveys.masking import mask_personal_details


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "text",
    [
        "Ring meg på 912 34 567",
        "Ring meg på 91234567",
        "Ring meg på +47 912 34 567",
        "Ring meg på 0047 91 23 45 67",
        "Ring meg på 91-23-45-67",
    ],
)
def test_phone_numbers_are_masked(text):
    masked = mask_personal_details(text)

    assert masked.startswith("Ring meg på [phone number removed]")
    assert not any(char.isdigit() for char in masked)


@pytest.mark.parametrize("text", ["Mitt nr er 01020312345", "fnr 010203 12345", "010203-12345"])
def test_national_identity_numbers_are_masked(text):
    masked = mask_personal_details(text)

    assert "[ID number removed]" in masked
    assert not any(char.isdigit() for char in masked)


@pytest.mark.parametrize(
    "text", ["Skriv til ola.nordmann@example.no", "ola_n+nav@gmail.com", "ola (at) gmail.com"]
)
def test_email_addresses_are_masked(text):
    masked = mask_personal_details(text)

    assert "[e-mail removed]" in masked
    assert "@" not in masked


def test_ordinary_text_and_small_numbers_are_kept():
    text = "Jeg var 19 år og møtet varte i 45 minutter. Det var 2025."

    assert mask_personal_details(text) == text


def test_long_runs_of_digits_are_masked_too():
    masked = mask_personal_details("Saksnummer 1234567890123")

    assert not any(char.isdigit() for char in masked)
