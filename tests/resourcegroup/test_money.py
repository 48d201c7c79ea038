import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from resourcegroup.money import is_quarter_hours, price_entries, to_ore


def _entry(day, hours, pk=None):
    return SimpleNamespace(date=datetime.date(2024, 3, day), hours=Decimal(hours), pk=pk)


def _contract(start, end, pay):
    return SimpleNamespace(
        starts_on=datetime.date(2024, 3, start),
        ends_on=datetime.date(2024, 3, end),
        hourly_pay=Decimal(pay),
    )


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("10.005", "10.01"), ("10.004", "10.00"), ("45.8325", "45.83"), ("0.125", "0.13")],
)
def test_amounts_round_half_up_to_the_ore(amount, expected):
    assert to_ore(Decimal(amount)) == Decimal(expected)


@pytest.mark.parametrize(
    ("hours", "ok"), [("1", True), ("0.25", True), ("7.75", True), ("0.3", False), ("1.1", False)]
)
def test_quarter_hours(hours, ok):
    assert is_quarter_hours(Decimal(hours)) is ok


def test_a_month_with_a_rate_change_prices_each_entry_with_the_rate_of_its_day():
    contracts = [_contract(1, 14, "180.00"), _contract(15, 31, "195.50")]
    entries = [_entry(3, "2"), _entry(14, "1.5"), _entry(15, "2.25"), _entry(28, "3")]

    priced = price_entries(entries, contracts)

    # 3.5 h × 180 = 630; 5.25 h × 195.50 = 1026.375 → 1656.375 → 1656.38
    assert priced.hours == Decimal("8.75")
    assert priced.amount == Decimal("1656.38")
    assert priced.rates == [Decimal("180.00"), Decimal("195.50")]
    assert priced.unpriced == []


def test_the_exact_sum_is_rounded_once_not_per_entry():
    contracts = [_contract(1, 31, "183.33")]
    entries = [_entry(day, "0.25", pk=day) for day in (1, 2, 3)]

    # 0.75 × 183.33 = 137.4975 → 137.50 (per entry: 45.83 × 3 = 137.49)
    assert price_entries(entries, contracts).amount == Decimal("137.50")


def test_an_entry_outside_every_contract_is_reported_not_priced():
    priced = price_entries([_entry(20, "2")], [_contract(1, 10, "200")])

    assert priced.amount == Decimal("0.00")
    assert len(priced.unpriced) == 1
