"""Norwegian figures in reports: 23. november 2026, 1 234,50 kr, 82 %."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from participation.formatting import (
    csv_hours,
    csv_number,
    format_date,
    format_days,
    format_hours,
    format_nok,
    format_number,
    format_percent,
)
from participation.services.meetings import local_datetime

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


def test_a_date_is_day_month_name_and_year():
    assert format_date(datetime.date(2026, 11, 23)) == "23. november 2026"
    assert format_date(datetime.date(2026, 3, 1)) == "1. mars 2026"


def test_a_datetime_is_shown_as_its_day_in_oslo():
    # 23:30 in Oslo is 22:30 UTC; the day shown is the Oslo day.
    moment = local_datetime(datetime.date(2026, 12, 31), datetime.time(23, 30))
    assert format_date(moment) == "31. desember 2026"


def test_kroner_have_a_space_between_thousands_and_a_decimal_comma():
    assert format_nok(Decimal("1234.5")) == f"1{NBSP}234,50{NBSP}kr"
    assert format_nok(1234567) == f"1{NBSP}234{NBSP}567,00{NBSP}kr"
    assert format_nok(Decimal("0.005")) == f"0,01{NBSP}kr"
    assert format_nok(-250) == f"−250,00{NBSP}kr"
    assert format_nok(None) == ""


def test_numbers_round_half_up_and_group_thousands():
    assert format_number(999) == "999"
    assert format_number(1000) == f"1{NBSP}000"
    assert format_number(2.5) == "3"
    assert format_number(12.25, 1) == "12,3"
    assert format_number(0) == "0"


def test_percent_is_whole_with_a_space_before_the_sign():
    assert format_percent(61.5) == f"62{NBSP}%"
    assert format_percent(100) == f"100{NBSP}%"
    assert format_percent(None) == ""


def test_days_show_a_decimal_only_when_there_is_one():
    assert format_days(20) == "20"
    assert format_days(12.5) == "12,5"
    assert format_days(15.0) == "15"


def test_hours_show_at_most_two_decimals_and_no_trailing_zeros():
    assert format_hours(Decimal("2.00")) == "2"
    assert format_hours(Decimal("2.50")) == "2,5"
    assert format_hours(Decimal("1.75")) == "1,75"
    assert format_hours(Decimal("1234.25")) == f"1{NBSP}234,25"
    # 0.125 rounds half up to 0.13, as money does.
    assert format_hours(Decimal("0.125")) == "0,13"


def test_a_csv_cell_has_the_same_rounding_without_thousands_separator():
    assert csv_number(Decimal("1234.5")) == "1234,50"
    assert csv_number(Decimal("1396.3125")) == "1396,31"
    assert csv_hours(Decimal("12.5")) == "12,50"
    assert csv_number(Decimal("-3")) == "-3,00"


def test_the_page_and_the_csv_show_the_same_amount():
    amount = Decimal("98765.435")
    assert format_nok(amount).replace(NBSP, "").removesuffix("kr") == csv_number(amount)


def test_an_english_page_gets_a_decimal_point_and_a_csv_stays_norwegian():
    with translation.override("en"):
        assert format_hours(Decimal("2.50")) == "2.5"
        assert format_nok(Decimal("1234.5")) == f"1,234.50{NBSP}kr"
        assert csv_hours(Decimal("12.5")) == "12,50"
    with translation.override("nn"):
        assert format_hours(Decimal("2.50")) == "2,5"
