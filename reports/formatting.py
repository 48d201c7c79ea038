"""Norwegian formatting for reports: 23. november 2026, 1 234,50 kr, 82 %.

Numbers always use the Norwegian form (a no-break space between thousands, a decimal comma),
whatever the language of the page, so a figure never breaks across two lines. Month names
follow the active language (bokmål by default).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone

NBSP = "\u00a0"


def format_date(value: datetime.date | datetime.datetime | None) -> str:
    """23. november 2026 (a datetime is shown as its day in Oslo)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return formats.date_format(value, "DATE_FORMAT")


def format_number(value, decimals: int = 0) -> str:
    """1 234 or 1 234,5 with the given decimals; minus sign for negatives."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups) or "0"
    if decimals:
        text += "," + fraction.ljust(decimals, "0")[:decimals]
    return sign + text


def format_nok(value, decimals: int = 2) -> str:
    """1 234,50 kr."""
    if value is None:
        return ""
    return f"{format_number(value, decimals)}{NBSP}kr"


def format_percent(value) -> str:
    """82 % (rounded to whole percent); empty for None."""
    if value is None:
        return ""
    return f"{format_number(value, 0)}{NBSP}%"


def format_days(value) -> str:
    """A median of days, with one decimal only when it has one: 12 or 12,5."""
    if value is None:
        return ""
    decimals = 0 if Decimal(str(value)) == Decimal(str(value)).to_integral_value() else 1
    return format_number(value, decimals)
