"""The one formatting of figures in Medvirk: 23. november 2026, 1 234,50 kr, 82 %, 12,75 hours.

App pages (the template filters in participation/templatetags/figures.py), PDFs and CSV files
all format hours, money and percentages here, each rounded once and the same way (half up), so
that a figure reads the same on the budget page, in the steering report and in the payroll file.

Numbers take the form of the page's language: in Norwegian a no-break space between thousands
and a decimal comma (1 234,5), in English a comma and a decimal point (1,234.5), so that "2.5
hours" is never read as 25 by either. Month names follow the active language too. CSV cells
are always Norwegian (the payroll systems read a decimal comma) and have no thousands
separator, so that a spreadsheet reads them as numbers.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone, translation

NBSP = "\u00a0"
# Hours are kept to the quarter hour; shown to two decimals at most (1,75).
HOUR_DECIMALS = 2


def format_date(value: datetime.date | datetime.datetime | None) -> str:
    """23. november 2026 (a datetime is shown as its day in Oslo)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return formats.date_format(value, "DATE_FORMAT")


def format_number(value, decimals: int = 0, *, language: str | None = None) -> str:
    """1 234 or 1 234,5 with the given decimals (1,234.5 in English); minus sign for negatives."""
    if value is None:
        return ""
    thousands, point = _separators(language or translation.get_language() or "nb")
    number = _rounded(value, decimals)
    sign = "−" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = thousands.join(groups) or "0"
    if decimals:
        text += point + fraction.ljust(decimals, "0")[:decimals]
    return sign + text


def _separators(language: str) -> tuple[str, str]:
    """(thousands, decimal point): English's, else the Norwegian ones bokmål and nynorsk share."""
    return (",", ".") if language.startswith("en") else (NBSP, ",")


def _rounded(value, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_hours(value) -> str:
    """Hours to the quarter hour and beyond, without trailing zeros: 2, 2,5 or 1,75."""
    if value is None:
        return ""
    number = _rounded(value, HOUR_DECIMALS)
    return format_number(number, _decimals_needed(number))


def _decimals_needed(number: Decimal) -> int:
    """How many decimals the rounded number really has (1,50 → 1, 2,00 → 0)."""
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


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


def csv_number(value, decimals: int = 2) -> str:
    """A number for a CSV cell: the same rounding, a decimal comma, no thousands separator
    (1234,50), so that a Norwegian spreadsheet reads it as a number."""
    if value is None:
        return ""
    return format_number(value, decimals, language="nb").replace(NBSP, "").replace("−", "-")


def csv_hours(value) -> str:
    """Hours for a CSV cell, always with two decimals: 12,75."""
    return csv_number(value, HOUR_DECIMALS)
