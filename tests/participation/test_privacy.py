import pytest

from participation.privacy import find_personal_numbers, personal_number_warning


@pytest.mark.parametrize(
    "text",
    ["Fødselsnummeret mitt er 01019012345.", "fnr 010190 12345 ble lest opp", "010190-12345"],
)
def test_eleven_digits_look_like_a_national_id_number(text):
    assert [f.kind for f in find_personal_numbers(text)] == ["national_id"]


@pytest.mark.parametrize(
    "text",
    [
        "Ring meg på 47012345",
        "ring 470 12 345 etter kl 16",
        "nummeret er 47 01 23 45",
        "tlf 4701 2345",
        "+47 470 12 345",
        "0047 47012345",
        "Kontoret: 61 14 22 00",
    ],
)
def test_norwegian_phone_numbers_are_found_also_when_spaced(text):
    assert [f.kind for f in find_personal_numbers(text)] == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Møtet var 12.03.2024 klokka 16.",
        "Jeg har vært i 3 tiltak på 12 måneder.",
        "Vi var 1234567 mennesker",  # seven digits
        "Saksnummer 123456789",  # nine digits
        "Postnummer 2815 Gjøvik",
        "",
    ],
)
def test_ordinary_numbers_are_not_flagged(text):
    assert find_personal_numbers(text) == []


def test_a_phone_number_inside_a_national_id_number_is_not_counted_twice():
    findings = find_personal_numbers("01019012345")

    assert len(findings) == 1


def test_the_warning_names_what_was_found():
    assert "11" in personal_number_warning("01019012345")
    assert "8" in personal_number_warning("ring 47012345")
    assert personal_number_warning("01019012345 og 47012345")
    assert personal_number_warning("Alt gikk fint.") == ""
