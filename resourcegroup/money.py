"""Hours times hourly pay, in NOK to the øre: Decimal only, rounded half up, never floats.

Each entry is priced with the hourly pay of the contract valid on the entry's date, so a
month where the pay changed is priced part at the old and part at the new rate. The exact
sum is rounded once, at the end, so that no øre is lost or made up between entries.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from participation.formatting import format_hours, format_number

ORE = Decimal("0.01")
QUARTER = Decimal("0.25")


def to_ore(amount: Decimal) -> Decimal:
    """Round an amount in NOK to the øre, halves up (0.005 becomes 0.01)."""
    return Decimal(amount).quantize(ORE, rounding=ROUND_HALF_UP)


def is_quarter_hours(hours: Decimal) -> bool:
    return (Decimal(hours) / QUARTER) % 1 == 0


def contract_on(contracts: Iterable, day: datetime.date):
    """The contract valid on the day, from a person's contracts; None if there is none."""
    for contract in contracts:
        if contract.starts_on <= day <= contract.ends_on:
            return contract
    return None


@dataclass
class Priced:
    """Hours and their exact price for a set of entries, and any entry without a contract."""

    hours: Decimal = Decimal("0")
    exact: Decimal = Decimal("0")
    rates: list[Decimal] = field(default_factory=list)
    hours_by_rate: dict[Decimal, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    unpriced: list = field(default_factory=list)

    @property
    def amount(self) -> Decimal:
        return to_ore(self.exact)

    def add(self, entry, contract) -> None:
        self.hours += entry.hours
        if contract is None:
            self.unpriced.append(entry)
            return
        self.exact += entry.hours * contract.hourly_pay
        self.hours_by_rate[contract.hourly_pay] += entry.hours
        if contract.hourly_pay not in self.rates:
            self.rates.append(contract.hourly_pay)


def price_entries(entries: Iterable, contracts: Iterable) -> Priced:
    """Price one person's entries with their contracts (both already fetched)."""
    contracts = list(contracts)
    priced = Priced()
    for entry in sorted(entries, key=lambda e: (e.date, e.pk or 0)):
        priced.add(entry, contract_on(contracts, entry.date))
    return priced


def hours_text(hours) -> str:
    """Hours for people: 2, 2,5 or 1,75 (no trailing zeros; participation.formatting)."""
    return format_hours(hours)


def nok_text(amount) -> str:
    """An amount for people, to the øre: 1 396,31 (participation.formatting)."""
    return format_number(to_ore(Decimal(amount)), 2)
