"""The payroll file: one CSV row per person for a month, amounts in NOK to the øre.

Semicolons between columns and a decimal comma, with a byte-order mark, so that the file
opens as columns in a Norwegian spreadsheet and reads cleanly into a payroll system.
"""

import csv
import io
from decimal import Decimal

from django.utils import timezone

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


def nok(amount: Decimal) -> str:
    """1234.5 → "1234,50": two decimals, a decimal comma, no thousands separator."""
    return f"{amount:.2f}".replace(".", ",")


def hours_text(hours: Decimal) -> str:
    return f"{hours:.2f}".replace(".", ",")


def payroll_csv(rows: list[PayrollRow]) -> str:
    """The payroll rows as CSV text. A month with two rates lists both: "180,00 / 195,00"."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        approved_at = (
            timezone.localtime(row.approved_at).strftime("%Y-%m-%d %H:%M")
            if row.approved_at
            else ""
        )
        writer.writerow(
            [
                row.person.display_name,
                row.employee_number,
                row.month.strftime("%Y-%m"),
                hours_text(row.hours),
                " / ".join(nok(rate) for rate in row.rates),
                nok(row.amount),
                row.approved_by.display_name if row.approved_by else "",
                approved_at,
            ]
        )
    return buffer.getvalue()
