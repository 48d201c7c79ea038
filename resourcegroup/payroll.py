"""The payroll file: one CSV row per person for a month, amounts in NOK to the øre.

Semicolons between columns and a decimal comma, with a byte-order mark, so that the file
opens as columns in a Norwegian spreadsheet and reads cleanly into a payroll system.

With the month's honoraria and travel (``extras``) the file gains four columns after the
hours columns: meetings paid, honoraria, travel and the person's total. A volunteer with no
hours gets a row of their own, with zero hours.
"""

import csv
import io
from decimal import Decimal

from django.utils import timezone

from .selectors.honoraria import PayrollExtra
from .selectors.hours import PayrollRow

HEADER = [
    "name",
    "employee_number",
    "month",
    "hours",
    "hourly_pay",
    "amount",
    "approved_by",
    "approved_at",
]
EXTRA_HEADER = ["meetings", "honoraria", "travel", "total"]


def nok(amount: Decimal) -> str:
    """1234.5 → "1234,50": two decimals, a decimal comma, no thousands separator."""
    return f"{amount:.2f}".replace(".", ",")


def hours_text(hours: Decimal) -> str:
    return f"{hours:.2f}".replace(".", ",")


def _approved_at(at) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else ""


def payroll_csv(rows: list[PayrollRow], extras: dict[int, PayrollExtra] | None = None) -> str:
    """The payroll rows as CSV text. A month with two rates lists both: "180,00 / 195,00".

    Given ``extras`` (approved honoraria and travel per person id), each row also has the
    extra columns, and people with only honoraria or travel get a row too.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER if extras is None else HEADER + EXTRA_HEADER)
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
    writer.writerows(lines)
    return buffer.getvalue()


def _extra_columns(extra: PayrollExtra | None, hours_amount: Decimal) -> list[str]:
    if extra is None:
        return ["0", nok(Decimal("0")), nok(Decimal("0")), nok(hours_amount)]
    return [
        str(extra.meetings),
        nok(extra.honoraria),
        nok(extra.travel),
        nok(hours_amount + extra.amount),
    ]
