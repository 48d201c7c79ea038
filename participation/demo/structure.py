"""The demo's structure of the seeds: each office's advisor time (10 % of a position, planned
and used month by month) and the annual plan's yearly tasks, done or not."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from ..models import (
    AdvisorTimeEntry,
    AdvisorTimePlan,
    AnnualTask,
    AnnualTaskDone,
    Programme,
    User,
)

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


# (title, month, day, owner's email, what it involves)
ANNUAL_TASKS = [
    (
        "Årsrapport til fylkeskommunen",
        2,
        15,
        "coordinator@example.org",
        "Rapport om aktivitet, innspill og økonomi for fjoråret, med tall fra brukerundersøkelsen.",
    ),
    (
        "Revidere mandatet for ressursgruppa",
        3,
        None,
        "coordinator@example.org",
        "Gå gjennom mandatet sammen med ressursgruppa og ta endringer opp i styringsgruppa.",
    ),
    (
        "Vårrunde i brukerundersøkelsen etter første møte",
        4,
        None,
        "advisor@example.org",
        "Publiser undersøkelsen på alle fem kontorene og heng opp QR-plakatene.",
    ),
    (
        "Opplæring av nye medlemmer i ressursgruppa",
        9,
        None,
        "representative@example.org",
        "Taushetsplikt, samtykke og hvordan vi skriver erfaringshistorier.",
    ),
    (
        "Budsjett for neste år til styringsgruppa",
        10,
        15,
        "mona.kristiansen@example.org",
        "Timer, honorarer, reiser og andre kostnader som mat, lokaler og opplæring.",
    ),
    (
        "Gjennomgang av sjekklista med kontorlederne",
        11,
        20,
        "steering@example.org",
        "Hvor mye brukes sjekklista på hvert kontor, og trengs en ny versjon?",
    ),
]
# A task always a week ahead, so that the start page shows one due on any date.
SOON_TASK = "Planlegge fagdag for veiledere og ressursgruppa"
SOON_DAYS = 7
# The report to the county is left undone when it is late, so that the plan shows one.
LEFT_UNDONE = "Årsrapport til fylkeskommunen"


def seed_annual_tasks(*, programme: Programme, today: datetime.date) -> None:
    """Idempotent by title: last year's tasks are all done, this year's those already due
    except the report to the county."""
    people = {u.email: u for u in User.objects.filter(email__contains="@example.org")}
    soon = today + datetime.timedelta(days=SOON_DAYS)
    rows = [*ANNUAL_TASKS, (SOON_TASK, soon.month, soon.day, "coordinator@example.org", "")]
    for title, month, day, email, description in rows:
        task, _ = AnnualTask.objects.update_or_create(
            programme=programme,
            title=title,
            defaults={
                "month": month,
                "day": day,
                "owner": people.get(email),
                "description": description,
                "is_active": True,
            },
        )
        done_years = [today.year - 1]
        if task.due_on(today.year) < today and title != LEFT_UNDONE:
            done_years.append(today.year)
        for year in done_years:
            AnnualTaskDone.objects.get_or_create(
                task=task, year=year, defaults={"done_by": people.get(email)}
            )


def seed_structure(*, programme: Programme) -> None:
    """Idempotent: plans and the last months' use are set by natural key (office, month)."""
    seed_annual_tasks(programme=programme, today=timezone.localdate())
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
