"""The payroll file: one CSV row per person for a month, amounts in NOK to the øre.

Written by the one spreadsheet writer (participation.spreadsheets): semicolons, a decimal
comma and a byte-order mark, so that the file opens as columns in a Norwegian spreadsheet;
column names in the language of the person who downloads it; names neutralised.

With the month's honoraria and travel (``extras``) the file gains four columns after the
hours columns: meetings paid, honoraria, travel and the person's total. A volunteer with no
hours gets a row of their own, with zero hours.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy

from participation.formatting import csv_hours, csv_number
from participation.spreadsheets import csv_text

from .selectors.honoraria import PayrollExtra
from .selectors.hours import PayrollRow

HEADER = [
    gettext_lazy("Name"),
    gettext_lazy("Employee number"),
    gettext_lazy("Month"),
    gettext_lazy("Hours"),
    gettext_lazy("Hourly pay (NOK)"),
    gettext_lazy("Amount (NOK)"),
    gettext_lazy("Approved by"),
    gettext_lazy("Approved at"),
]
EXTRA_HEADER = [
    gettext_lazy("Meetings"),
    gettext_lazy("Honoraria (NOK)"),
    gettext_lazy("Travel (NOK)"),
    gettext_lazy("Total (NOK)"),
]


# Positions of the columns that hold numbers (right-aligned on the page).
PAYROLL_NUMBER_COLUMNS = {3, 4, 5, 8, 9, 10, 11}


def payroll_totals(rows: list[PayrollRow], extras: dict[int, PayrollExtra]) -> list[str]:
    """The sums of the file's columns, placed under them: hours, hours amount, meetings,
    honoraria, travel and the grand total."""
    hours = sum((row.hours for row in rows), Decimal("0"))
    amount = sum((row.amount for row in rows), Decimal("0"))
    honoraria = sum((extra.honoraria for extra in extras.values()), Decimal("0"))
    travel = sum((extra.travel for extra in extras.values()), Decimal("0"))
    meetings = sum(extra.meetings for extra in extras.values())
    return [
        str(gettext_lazy("In all")),
        "",
        "",
        hours_text(hours),
        "",
        nok(amount),
        "",
        "",
        str(meetings),
        nok(honoraria),
        nok(travel),
        nok(amount + honoraria + travel),
    ]


def nok(amount: Decimal) -> str:
    """1234.5 → "1234,50": two decimals, a decimal comma, no thousands separator."""
    return csv_number(amount, 2)


def hours_text(hours: Decimal) -> str:
    """12.5 → "12,50" (participation.formatting, the same rounding as the pages)."""
    return csv_hours(hours)


def _approved_at(at) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else ""


def payroll_csv(rows: list[PayrollRow], extras: dict[int, PayrollExtra] | None = None) -> str:
    """The payroll rows as CSV text (see payroll_table)."""
    return csv_text(*payroll_table(rows, extras))


def payroll_table(
    rows: list[PayrollRow], extras: dict[int, PayrollExtra] | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header and lines of the payroll file. Two rates in a month read "180,00 / 195,00".

    Given ``extras`` (approved honoraria and travel per person id), each row also has the
    extra columns, and people with only honoraria or travel get a row too.
    """
    header = [str(h) for h in (HEADER if extras is None else HEADER + EXTRA_HEADER)]
    lines = []
    for row in rows:
        line = [
            row.person.display_name,
            row.employee_number,
            row.month.strftime("%Y-%m"),
            hours_text(row.hours),
            " / ".join(nok(rate) for rate in row.rates),
            nok(row.amount),
            row.approved_by.display_name if row.approved_by else "",
            _approved_at(row.approved_at),
        ]
        if extras is not None:
            extra = extras.get(row.person.pk)
            line += _extra_columns(extra, row.amount)
        lines.append(line)
    if extras is not None:
        with_hours = {row.person.pk for row in rows}
        for person_id, extra in extras.items():
            if person_id in with_hours:
                continue
            lines.append(
                [
                    extra.person.display_name,
                    "",
                    extra.month.strftime("%Y-%m"),
                    hours_text(Decimal("0")),
                    "",
                    nok(Decimal("0")),
                    extra.approved_by.display_name if extra.approved_by else "",
                    _approved_at(extra.approved_at),
                    *_extra_columns(extra, Decimal("0")),
                ]
            )
        lines.sort(key=lambda line: line[0])
    return header, lines


def _extra_columns(extra: PayrollExtra | None, hours_amount: Decimal) -> list[str]:
    if extra is None:
        return ["0", nok(Decimal("0")), nok(Decimal("0")), nok(hours_amount)]
    return [
        str(extra.meetings),
        nok(extra.honoraria),
        nok(extra.travel),
        nok(hours_amount + extra.amount),
    ]
