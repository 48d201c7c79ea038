"""The adoption figures as tables for the one spreadsheet writer (participation.spreadsheets):
column names in the reader's language, every cell neutralised there."""

from decimal import Decimal

from django.utils.translation import gettext as _

from participation.formatting import csv_number

from .selectors import Adoption

Table = tuple[list[str], list[list]]


def uses_table(adoption: Adoption) -> Table:
    """One row per office and month: first meetings recorded."""
    header = [
        _("Office code"),
        _("Office"),
        _("Month"),
        _("First meetings"),
        _("Version published"),
    ]
    rows = []
    for month, counts, _total, published in adoption.month_rows:
        for office, count in zip(adoption.offices, counts, strict=True):
            rows.append(
                [
                    office.office.code,
                    office.office.name,
                    month.strftime("%Y-%m"),
                    count,
                    ",".join(str(number) for number in published),
                ]
            )
    return header, rows


def points_table(adoption: Adoption) -> Table:
    """One row per point and office: uses where it was ticked, out of uses that had it."""
    header = [
        _("Point"),
        _("Category"),
        _("Versions"),
        _("Office code"),
        _("Office"),
        _("Covered"),
        _("Out of"),
        _("Share"),
    ]
    rows = []
    for point in adoption.points_most_skipped_first:
        for office in adoption.offices:
            ticked, offered = point.per_office.get(office.office.pk, (0, 0))
            rows.append(
                [
                    point.text,
                    point.category,
                    ",".join(str(number) for number in point.version_numbers),
                    office.office.code,
                    office.office.name,
                    ticked,
                    offered,
                    csv_number(Decimal(ticked) / offered, 2) if offered else "",
                ]
            )
    return header, rows
