"""The one spreadsheet writer: every CSV Medvirk offers (payroll, surveys, checklists...).

Semicolons and a byte-order mark, so that a file opens as columns in a Norwegian spreadsheet.
A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
carriage return) is neutralised with a leading apostrophe, so that text typed by anyone, a
survey respondent included, can never run in the reader's spreadsheet (CSV injection).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The text a cell should hold: numbers as they are, formula-like text made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """The header and rows as CSV text with a byte-order mark; every cell neutralised.

    Numbers (int, float, Decimal) are written as they are; text that is meant to be a
    negative amount should be formatted by the caller and will be neutralised like any text.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheets read UTF-8 only with the byte-order mark
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def csv_response(*, filename: str, header: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """A download of the rows as CSV, named `filename`."""
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
