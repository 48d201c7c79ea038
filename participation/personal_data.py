"""Everything Medvirk holds about one person, for the coordinator's per-person export (a ZIP
of JSON and CSV) and for erasure by anonymisation.

Each app that keeps personal data contributes a function, named by dotted path so that this
base app imports none of them: SOURCES give `(person) -> {table name: [row dicts]}`, ERASERS
remove or anonymise the app's own data about the person before the person is anonymised.
"""

import csv
import io
import json
import zipfile

from django.db import transaction
from django.utils.module_loading import import_string

from .models import Attendance, Membership, User
from .services.people import people_anonymise

SOURCES = [
    "participation.personal_data.participation_data",
    "participation.selectors.training.training_personal_data",
    "resourcegroup.services.personal_data.person_data",
]
ERASERS = ["resourcegroup.services.personal_data.person_erase_data"]


def participation_data(person: User) -> dict[str, list[dict]]:
    """The person, their places in groups and their attendance."""
    memberships = Membership.objects.filter(person=person).select_related("group", "office")
    attendance = Attendance.objects.filter(membership__person=person).select_related(
        "meeting__group"
    )
    return {
        "person": [
            {
                "name": person.display_name,
                "email": person.email,
                "phone": person.phone,
                "municipality": person.municipality,
                "language": person.language,
                "joined": person.date_joined.isoformat(),
            }
        ],
        "memberships": [
            {
                "group": m.group.name,
                "role": m.role,
                "office": m.office.name if m.office else "",
                "from": m.starts_on.isoformat() if m.starts_on else "",
                "to": m.ends_on.isoformat() if m.ends_on else "",
                "end_reason": m.end_reason,
                "handover_note": m.handover_note,
            }
            for m in memberships
        ],
        "attendance": [
            {
                "group": a.meeting.group.name,
                "meeting": a.meeting.starts_at.isoformat(),
                "status": a.status,
            }
            for a in attendance
        ],
    }


def person_data(*, person: User) -> dict[str, list[dict]]:
    """Every app's tables about the person."""
    tables: dict[str, list[dict]] = {}
    for source in SOURCES:
        tables.update(import_string(source)(person))
    return tables


def person_export_zip(*, person: User) -> bytes:
    """A ZIP with everything.json and one CSV per table."""
    tables = person_data(person=person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("everything.json", json.dumps(tables, ensure_ascii=False, indent=2))
        for name, rows in tables.items():
            text = io.StringIO()
            if rows:
                writer = csv.DictWriter(text, fieldnames=list(rows[0]), delimiter=";")
                writer.writeheader()
                writer.writerows(rows)
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


@transaction.atomic
def person_erase(*, person: User) -> None:
    """Erasure by anonymisation: each app removes its data about the person, then the person
    is anonymised (attendance stays as a former member's)."""
    for eraser in ERASERS:
        import_string(eraser)(person)
    people_anonymise(people=[person])
