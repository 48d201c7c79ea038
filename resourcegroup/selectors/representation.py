"""Representation: how many of the programme's young members come from each municipality, age
band and office. Counts only; a count from 1 to 4 is shown as "under 5" so nobody is singled
out."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from participation.models import Group, Membership, Programme

from ..models import Application

SMALLEST_SHOWN = 5
# The young users' seats: staff (advisors, leaders) and observers are not counted.
YOUNG_ROLES = (
    Membership.Role.MEMBER,
    Membership.Role.CHAIR,
    Membership.Role.SECRETARY,
    Membership.Role.PAID_REPRESENTATIVE,
)
YOUNG_GROUP_KINDS = (Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE)


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    # Withheld although 5 or more: otherwise the one small count could be worked out from
    # the total.
    is_withheld: bool = False

    @property
    def is_hidden(self) -> bool:
        return 0 < self.count < SMALLEST_SHOWN


@dataclass(frozen=True)
class Representation:
    total: Count
    municipalities: list[Count]
    age_bands: list[Count]
    offices: list[Count]


def _counts(values: list[str], *, known: list[str]) -> list[Count]:
    """Every known label (even at 0, which names nobody) then any other, then "not given"."""
    tally: dict[str, int] = {}
    for value in values:
        tally[value] = tally.get(value, 0) + 1
    labels = list(known) + sorted(v for v in tally if v and v not in known)
    rows = [Count(label=label, count=tally.get(label, 0)) for label in labels]
    if tally.get(""):
        rows.append(Count(label=_("Not given"), count=tally[""]))
    return _protect(rows)


def _protect(rows: list[Count]) -> list[Count]:
    """When a single count is hidden, the total would give it away: withhold the next
    smallest count too."""
    if sum(1 for row in rows if row.is_hidden) != 1:
        return rows
    shown = [row for row in rows if row.count >= SMALLEST_SHOWN]
    if not shown:
        return rows
    smallest = min(shown, key=lambda row: row.count)
    return [
        Count(label=row.label, count=row.count, is_withheld=True) if row is smallest else row
        for row in rows
    ]


def representation(*, programme: Programme) -> Representation:
    """Current young members of the programme's resource groups and user committees, each
    person once. Municipality from the person (or their application), age band from their
    application, office from their seat or else from their municipality."""
    memberships = (
        Membership.objects.current()
        .filter(group__programmes=programme, group__kind__in=YOUNG_GROUP_KINDS)
        .filter(role__in=YOUNG_ROLES, person__is_active=True)
        .select_related("person", "office")
        .order_by("person_id", "starts_on", "pk")
    )
    first_seat: dict[int, Membership] = {}
    for membership in memberships:
        first_seat.setdefault(membership.person_id, membership)
    applications = {
        a.membership.person_id: a
        for a in Application.objects.filter(
            membership__person_id__in=first_seat.keys(), posting__programme=programme
        ).select_related("membership")
    }
    # A young member's office is their seat's, or else the office of where they live.
    active_offices = list(programme.offices.filter(is_active=True))
    office_of_municipality = {office.municipality: office for office in active_offices}
    municipalities, ages, offices = [], [], []
    for person_id, membership in first_seat.items():
        application = applications.get(person_id)
        municipalities.append(
            membership.person.municipality or (application.municipality if application else "")
        )
        ages.append(application.age_band if application else "")
        office = membership.office or office_of_municipality.get(municipalities[-1])
        offices.append(office.name if office else "")
    office_names = [office.name for office in active_offices]
    known_municipalities = sorted({office.municipality for office in active_offices})
    band_labels = dict(Application.AgeBand.choices)
    age_rows = _counts(ages, known=list(Application.AgeBand.values))
    return Representation(
        total=Count(label=_("Members"), count=len(first_seat)),
        municipalities=_counts(municipalities, known=known_municipalities),
        age_bands=[
            Count(
                label=str(band_labels.get(r.label, r.label)),
                count=r.count,
                is_withheld=r.is_withheld,
            )
            for r in age_rows
        ],
        offices=_counts(offices, known=office_names),
    )
