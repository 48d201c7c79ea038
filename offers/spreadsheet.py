"""The register as a spreadsheet: the export, and the import that loads a municipality's own
list after a preview (all rows or none).

Headings and the values of type, openness, days and "running now" are read in any of the
interface's languages, or as the codes the export writes in brackets, so that a file
exported in English loads in a Norwegian browser and the other way round.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.models import Office, Programme, User

from . import services
from .models import WEEKDAYS, Offer

MAX_ROWS = 1000

# (key, heading): the offer's fields first, then who keeps it, then the check (export only).
COLUMNS = [
    ("title", gettext_lazy("Name of the offer")),
    ("kind", gettext_lazy("Type")),
    ("provider", gettext_lazy("Who runs it")),
    ("description", gettext_lazy("What it is")),
    ("age_min", gettext_lazy("Youngest age")),
    ("age_max", gettext_lazy("Oldest age")),
    ("needs", gettext_lazy("For whom")),
    ("municipality", gettext_lazy("Municipality")),
    ("address", gettext_lazy("Address")),
    ("public_transport", gettext_lazy("By bus or train")),
    ("weekdays", gettext_lazy("Days")),
    ("hours", gettext_lazy("When")),
    ("how_to_start", gettext_lazy("How to start")),
    ("contact", gettext_lazy("Contact")),
    ("capacity", gettext_lazy("Places")),
    ("cost_to_office", gettext_lazy("Cost to the office")),
    ("openness", gettext_lazy("Open to other municipalities")),
    ("open_to_offices", gettext_lazy("Also open to offices")),
    ("cross_border_terms", gettext_lazy("Terms for other municipalities")),
    ("office", gettext_lazy("Kept by office")),
    ("is_active", gettext_lazy("Running now")),
    ("last_checked_on", gettext_lazy("Last checked")),
]
EXPORT_ONLY = {"last_checked_on"}
REQUIRED = ("title", "kind", "provider", "description", "municipality", "office")


def _in_every_language(label) -> set[str]:
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(str(label).strip().lower())
    return names


def _lookup(choices) -> dict[str, str]:
    """Every way a value may be written (code, or its label in any language) → its code."""
    found = {}
    for value, label in choices:
        found[str(value).lower()] = value
        for name in _in_every_language(label):
            found[name] = value
    return found


def _yes_no() -> dict[str, bool]:
    found = {"1": True, "0": False, "true": True, "false": False}
    for name in _in_every_language(gettext_lazy("Yes")):
        found[name] = True
    for name in _in_every_language(gettext_lazy("No")):
        found[name] = False
    return found


def export_rows(offers) -> tuple[list[str], list[list]]:
    """The heading and one row per offer, values in the reader's language with codes kept."""
    header = [str(heading) for _key, heading in COLUMNS]
    rows = []
    for offer in offers:
        rows.append(
            [
                offer.title,
                f"{offer.get_kind_display()} [{offer.kind}]",
                offer.provider,
                offer.description,
                offer.age_min,
                offer.age_max,
                offer.needs,
                offer.municipality,
                offer.address,
                offer.public_transport,
                ", ".join(offer.weekday_labels),
                offer.hours,
                offer.how_to_start,
                offer.contact,
                offer.capacity,
                offer.cost_to_office,
                f"{offer.get_openness_display()} [{offer.openness}]",
                ", ".join(office.code for office in offer.open_to_offices.all()),
                offer.cross_border_terms,
                offer.office.code,
                _("Yes") if offer.is_active else _("No"),
                offer.last_checked_on.isoformat(),
            ]
        )
    return header, rows


@dataclass
class RowResult:
    number: int  # the line in the file, heading = 1
    title: str
    municipality: str
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list[RowResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the whole file
    created: int = 0

    @property
    def is_ok(self) -> bool:
        return not self.problems and not any(row.errors for row in self.rows)

    @property
    def rows_with_errors(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]


def _read_table(text: str) -> tuple[list[str], list[list[str]]]:
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    lines = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        return [], []
    return [cell.strip() for cell in lines[0]], lines[1:]


def _cell_value(key: str, raw: str, lookups: dict):
    """The field's value from one cell, or raise ValueError with a plain message."""
    raw = raw.strip()
    if raw.startswith("'") and raw[1:2] in ("=", "+", "-", "@"):
        raw = raw[1:]  # the export's guard against spreadsheet formulas
    if key in ("kind", "openness"):
        if not raw:
            return Offer.Openness.OWN_MUNICIPALITY if key == "openness" else ""
        code = raw.rsplit("[", 1)[-1].rstrip("]").strip() if raw.endswith("]") else raw
        value = lookups[key].get(code.lower())
        if value is None:
            raise ValueError(_("“%(value)s” is not one of the choices.") % {"value": raw})
        return value
    if key == "weekdays":
        codes = []
        for part in filter(None, (p.strip().lower() for p in raw.replace(";", ",").split(","))):
            code = lookups["weekdays"].get(part)
            if code is None:
                raise ValueError(_("“%(value)s” is not a day of the week.") % {"value": part})
            codes.append(code)
        return ",".join(code for code, _label in WEEKDAYS if code in codes)
    if key in ("age_min", "age_max", "capacity"):
        if not raw:
            return None
        if not raw.isdigit():
            raise ValueError(_("Write a whole number, for example 18."))
        return int(raw)
    if key == "is_active":
        if not raw:
            return True
        value = lookups["yes_no"].get(raw.lower())
        if value is None:
            raise ValueError(_("Write yes or no."))
        return value
    return raw


@transaction.atomic
def register_import(
    *, programme: Programme, by: User, text: str, offices, save: bool
) -> ImportResult:
    """Check every row of the file and, when asked and every row is right, add them all.
    `offices` are those the importer keeps; a row for another office is refused."""
    result = ImportResult()
    header, lines = _read_table(text)
    columns = {}
    headings = {key: _in_every_language(heading) | {key} for key, heading in COLUMNS}
    for index, name in enumerate(header):
        key = next((k for k, names in headings.items() if name.lower() in names), None)
        if key is not None and key not in EXPORT_ONLY:
            columns[key] = index
    missing = [str(h) for k, h in COLUMNS if k in REQUIRED and k not in columns]
    if missing:
        result.problems.append(
            _("The file lacks these columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
        return result
    if not lines:
        result.problems.append(_("The file has no offers under the heading."))
        return result
    if len(lines) > MAX_ROWS:
        result.problems.append(
            _("The file has more than %(max)s offers. Split it in parts.") % {"max": MAX_ROWS}
        )
        return result
    by_code = {office.code.lower(): office for office in offices}
    all_codes = {o.code.lower(): o for o in Office.objects.filter(programmes=programme)}
    lookups = {
        "kind": _lookup(Offer.Kind.choices),
        "openness": _lookup(Offer.Openness.choices),
        "weekdays": _lookup(WEEKDAYS),
        "yes_no": _yes_no(),
    }
    for number, line in enumerate(lines, start=2):
        cells = {key: (line[i] if i < len(line) else "") for key, i in columns.items()}
        row = RowResult(number, cells.get("title", "").strip(), cells["municipality"].strip())
        result.rows.append(row)
        values = {}
        for key, raw in cells.items():
            if key in ("office", "open_to_offices"):
                continue
            try:
                values[key] = _cell_value(key, raw, lookups)
            except ValueError as error:
                row.errors.append(f"{_heading(key)}: {error}")
        office = by_code.get(cells["office"].strip().lower())
        if office is None:
            row.errors.append(
                f"{_heading('office')}: "
                + _("Write the code of an office you keep offers for, for example %(code)s.")
                % {"code": next(iter(by_code), "gjovik")}
            )
        open_to = []
        for code in filter(
            None, (c.strip().lower() for c in cells.get("open_to_offices", "").split(","))
        ):
            if code not in all_codes:
                row.errors.append(
                    f"{_heading('open_to_offices')}: "
                    + _("“%(code)s” is not an office in the programme.") % {"code": code}
                )
            else:
                open_to.append(all_codes[code])
        if row.errors:
            continue
        try:
            services.offer_create(
                programme=programme, office=office, by=by, open_to_offices=open_to, **values
            )
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                label = _heading(key) if key in dict(COLUMNS) else ""
                row.errors.extend(f"{label}: {m}" if label else m for m in messages)
    if result.is_ok and save:
        result.created = len(result.rows)
    else:
        transaction.set_rollback(True)
    return result


def _heading(key: str) -> str:
    return str(dict(COLUMNS)[key])
