"""Demo training: five modules of the Gjøvik-region programme and who has done them, dated from
the day of seeding so that one refresher is always overdue and one due soon."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from ..models import Programme, TrainingCompletion, TrainingModule, User
from ..models.training import TrainingAudience as A

EVERYONE = [
    A.PROJECT_GROUP,
    A.PAID_REPRESENTATIVES,
    A.RESOURCE_GROUP,
    A.STEERING_GROUP,
    A.COORDINATORS,
]
PRIVACY = "Taushetsplikt og personvern"

# (title, what it covers, material, audiences, minutes, refresher months, self-study)
MODULES = [
    (
        "Innføring i brukermedvirkning",
        "Hva brukermedvirkning er, hvorfor NAV gjør det, og hvordan prosjektet jobber: "
        "personlige historier, innspill og tilbakemelding.",
        "Les prosjektplanen og mandatet for ressursgruppa før første møte.\n\n"
        "Veileder om brukermedvirkning fra Helsedirektoratet:\n"
        "https://www.helsedirektoratet.no/veiledere/brukermedvirkning",
        EVERYONE,
        90,
        None,
        True,
    ),
    (
        PRIVACY,
        "Hva som er taushetsbelagt, hvordan vi anonymiserer historier, og hva du gjør hvis "
        "noen forteller noe som ikke skal videre.",
        "E-læringskurs om taushetsplikt (ca. 45 minutter), deretter en samtale i gruppa.\n\n"
        "Datatilsynet om personvern:\nhttps://www.datatilsynet.no/",
        EVERYONE,
        60,
        12,
        True,
    ),
    (
        "Førstesamtalen med sjekklista",
        "Hvordan veilederen bruker sjekklista i den første samtalen med en ung bruker, og "
        "hvordan bruken registreres uten opplysninger om brukeren.",
        "Sjekklista (siste versjon) finner du under Sjekklister i Medvirk. "
        "Øvelse i par: én er veileder, én er ung bruker.",
        [A.PROJECT_GROUP],
        120,
        24,
        False,
    ),
    (
        "Møteledelse for brukerrepresentanter",
        "Å lede et møte: dagsorden, ordet rundt, tidsstyring og å få med de stille stemmene.",
        "Kurskveld med rollespill. Ta med en sak du vil øve på å legge fram.",
        [A.PAID_REPRESENTATIVES, A.RESOURCE_GROUP],
        180,
        None,
        False,
    ),
    (
        "Styringsgruppas rolle og mandat",
        "Hva styringsgruppa bestemmer, hvordan innspillene fra de unge følges opp, og hva "
        "rapporten før hvert møte viser.",
        "Gjennomgang av mandatet på første møte i året.",
        [A.STEERING_GROUP, A.COORDINATORS],
        45,
        12,
        False,
    ),
]


def _completions(today: datetime.date) -> list[tuple[str, str, datetime.date]]:
    """(module title, email, day): the privacy refresher is 20 days overdue for the advisor
    at NAV Gjøvik and due in 10 days for the representative, on whatever day it is seeded."""
    year_ago = today - relativedelta(months=12)
    recently = today - relativedelta(months=3)
    intro = today - relativedelta(months=13)
    rows = [
        (PRIVACY, "advisor@example.org", year_ago - datetime.timedelta(days=20)),
        (PRIVACY, "representative@example.org", year_ago + datetime.timedelta(days=10)),
        (PRIVACY, "sander.myhre@example.org", recently),
        (PRIVACY, "coordinator@example.org", recently),
        (PRIVACY, "jonas.lunde@example.org", recently),
        ("Førstesamtalen med sjekklista", "advisor@example.org", recently),
        ("Førstesamtalen med sjekklista", "jonas.lunde@example.org", recently),
        ("Førstesamtalen med sjekklista", "marte.skoglund@example.org", recently),
        ("Møteledelse for brukerrepresentanter", "representative@example.org", intro),
        ("Møteledelse for brukerrepresentanter", "sander.myhre@example.org", intro),
        ("Styringsgruppas rolle og mandat", "steering@example.org", recently),
    ]
    for email in (
        "coordinator@example.org",
        "advisor@example.org",
        "representative@example.org",
        "sander.myhre@example.org",
        "aisha.mohammed@example.org",
        "steering@example.org",
    ):
        rows.append(("Innføring i brukermedvirkning", email, intro))
    return rows


def seed_training(*, programme: Programme) -> None:
    """Idempotent by title and (module, person, day); completions from an earlier day's seeding
    of these modules are replaced, so the overdue and due-soon refreshers stay as promised."""
    today = timezone.localdate()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    modules = {}
    for title, description, material, audiences, minutes, months, self_study in MODULES:
        modules[title], _ = TrainingModule.objects.update_or_create(
            programme=programme,
            title=title,
            defaults={
                "description": description,
                "material": material,
                "audiences": [str(code) for code in audiences],
                "duration_minutes": minutes,
                "refresher_months": months,
                "is_self_study": self_study,
                "archived_at": None,
            },
        )
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    kept = []
    for title, email, day in _completions(today):
        module = modules[title]
        completion, _ = TrainingCompletion.objects.get_or_create(
            module=module,
            person=people[email],
            completed_on=day,
            defaults={"recorded_by": people[email] if module.is_self_study else coordinator},
        )
        kept.append(completion.pk)
    TrainingCompletion.objects.filter(module__in=modules.values()).exclude(pk__in=kept).delete()
