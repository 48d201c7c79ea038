"""The demo's structure of the seeds: each office's advisor time (10 % of a position, planned
and used month by month)."""

from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from ..models import AdvisorTimeEntry, AdvisorTimePlan, Programme, User

# 10 % of a full position (37.5 hours a week) is about 16.3 hours a month. Søndre Land set
# aside half of that after a reorganisation.
PLANNED_HOURS = {
    "gjovik": Decimal("16.3"),
    "nordre-land": Decimal("16.3"),
    "sondre-land": Decimal("8.0"),
    "vestre-toten": Decimal("16.3"),
    "ostre-toten": Decimal("16.3"),
}
# Hours used, last month first, with a note where the month fell short.
USED = {
    "gjovik": [("16.5", ""), ("15.0", ""), ("17.0", "Fagdag om første møte"), ("16.0", "")],
    "nordre-land": [("9.0", "Veilederen var syk i to uker"), ("12.5", ""), ("16.0", "")],
    "sondre-land": [("8.0", ""), ("6.5", "Ferieavvikling"), ("8.0", "")],
    "vestre-toten": [("16.0", ""), ("16.5", ""), ("14.0", "")],
    "ostre-toten": [("4.0", "Ny veileder under opplæring"), ("10.0", ""), ("16.0", "")],
}


def seed_structure(*, programme: Programme) -> None:
    """Idempotent: plans and the last months' use are set by natural key (office, month)."""
    this_month = timezone.localdate().replace(day=1)
    leader = User.objects.filter(email="steering@example.org").first()
    offices = {office.code: office for office in programme.offices.all()}
    for code, hours in PLANNED_HOURS.items():
        if code not in offices:
            continue
        AdvisorTimePlan.objects.update_or_create(
            programme=programme, office=offices[code], defaults={"hours_per_month": hours}
        )
        for months_back, (used, note) in enumerate(USED[code], start=1):
            month = this_month - relativedelta(months=months_back)
            if month < programme.starts_on.replace(day=1):
                break
            AdvisorTimeEntry.objects.update_or_create(
                programme=programme,
                office=offices[code],
                month=month,
                defaults={"hours": Decimal(used), "note": note, "recorded_by": leader},
            )
