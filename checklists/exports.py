"""The adoption figures as CSV: semicolons and a byte-order mark, so that the file opens as
columns in a Norwegian spreadsheet; machine-readable English column names."""

import csv
import io

from .selectors import Adoption


def _writer(buffer: io.StringIO):
    buffer.write("\ufeff")
    return csv.writer(buffer, delimiter=";", lineterminator="\r\n")


def uses_csv(adoption: Adoption) -> str:
    """One row per office and month: first meetings recorded."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    writer.writerow(["office_code", "office", "month", "first_meetings", "version_published"])
    for month, counts, _total, published in adoption.month_rows:
        for office, count in zip(adoption.offices, counts, strict=True):
            writer.writerow(
                [
                    office.office.code,
                    office.office.name,
                    month.strftime("%Y-%m"),
                    count,
                    ",".join(str(number) for number in published),
                ]
            )
    return buffer.getvalue()


def points_csv(adoption: Adoption) -> str:
    """One row per point and office: uses where it was ticked, out of uses that had it."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    writer.writerow(
        ["point", "category", "versions", "office_code", "office", "covered", "out_of", "share"]
    )
    for point in adoption.points_most_skipped_first:
        for office in adoption.offices:
            ticked, offered = point.per_office.get(office.office.pk, (0, 0))
            writer.writerow(
                [
                    point.text,
                    point.category,
                    ",".join(str(number) for number in point.version_numbers),
                    office.office.code,
                    office.office.name,
                    ticked,
                    offered,
                    f"{ticked / offered:.2f}".replace(".", ",") if offered else "",
                ]
            )
    return buffer.getvalue()
