"""The demo's first-meeting checklist: version 1, a revised version 2, and a year of uses.

Idempotent: the checklist is found by its title; versions and uses are only made the first
time, so a second run changes nothing. The differences between offices are on purpose:
NAV Gjøvik is far ahead, NAV Søndre Land has barely started, and the point about
consequences is the one most often skipped.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from participation.models import Group, Membership, Programme, User

from . import services
from .models import ChecklistItem, ChecklistTemplate, ChecklistUse

TITLE = "Sjekkliste for veiledere: første møte med unge"

INTRODUCTION_V1 = (
    "Ressursgruppa har skrevet denne lista ut fra egne første møter med NAV. Bruk den som en "
    "huskeliste, ikke som et skjema: det viktigste er at den unge går ut av møtet og vet hva "
    "som skjer videre."
)
INTRODUCTION_V2 = INTRODUCTION_V1 + (
    " Etter første møte krysser du av for punktene du fikk gått gjennom. Det tar noen sekunder, "
    "og ingenting om den unge lagres."
)

# key: (text, short help, category)
POINTS_V1 = {
    "purpose": (
        "Forklar hvorfor vi møtes og hva som skal skje",
        "Si hva møtet handler om, hvor lenge det varer og hva som skjer etterpå.",
        "Start på møtet",
    ),
    "rights": (
        "Forklar rettigheter og plikter, også aktivitetsplikten",
        "Hva har du krav på, og hva forventes av deg?",
        "Rettigheter og plikter",
    ),
    "plain_words": (
        "Bruk vanlige ord, og sjekk at brevene er forstått",
        "Spør «Er det noe i brevet du lurer på?», ikke bare «Skjønner du?».",
        "Språk",
    ),
    "who": (
        "Spør hvem personen er – styrker, interesser og drømmer, ikke bare problemer",
        "Hva liker du å gjøre? Hva er du god på? Hva ønsker du deg?",
        "Bli kjent",
    ),
    "safe": (
        "Gjør det trygt å si hva som er vanskelig",
        "Si at det er lov å si «jeg vet ikke», og at ærlighet ikke straffes.",
        "Bli kjent",
    ),
    "offers": (
        "Forklar hva NAV kan tilby, og gi ekte valg",
        "Vis flere aktiviteter og la personen velge.",
        "Aktivitet",
    ),
    "plan": (
        "Lag aktivitetsplanen sammen",
        "Skriv planen mens dere snakker, og les den høyt til slutt.",
        "Aktivitet",
    ),
    "consequences": (
        "Vær åpen om konsekvenser – aldri som en trussel",
        "Forklar rolig og konkret hva som skjer hvis aktivitetsplikten ikke følges.",
        "Rettigheter og plikter",
    ),
}

# Version 2: the point on rights is rewritten, and a point on keeping in touch is new.
POINTS_V2 = {
    **POINTS_V1,
    "rights": (
        "Snakk om rettigheter og plikter, også aktivitetsplikten – som en samtale, "
        "ikke en forelesning",
        "Spør hva personen allerede vet, og fyll ut det som mangler.",
        "Rettigheter og plikter",
    ),
    "contact": (
        "Avtal hvordan dere når hverandre, og når dere snakkes neste gang",
        "Gi gjerne mobilnummeret ditt, og skriv datoen for neste kontakt i planen.",
        "Avslutning",
    ),
}

CHANGE_LOG_V2 = (
    "Ressursgruppa og prosjektgruppa gikk gjennom lista etter et halvt år. Punktet om "
    "rettigheter og plikter er skrevet om, fordi flere unge opplevde det som en forelesning. "
    "Nytt punkt om å avtale kontakt og neste møte: mange visste ikke hvordan de skulle nå "
    "veilederen sin etter første møte."
)

# Office code → (first meetings a month, months before today the office started using it).
USE_PER_MONTH = {
    "gjovik": (15, 12),
    "nordre-land": (6, 11),
    "vestre-toten": (5, 10),
    "ostre-toten": (3, 7),
    "sondre-land": (1, 2),
}
# How often each point is covered; consequences is the one most often skipped.
COVERAGE = {
    "purpose": 0.95,
    "rights": 0.8,
    "plain_words": 0.75,
    "who": 0.7,
    "safe": 0.8,
    "offers": 0.85,
    "plan": 0.9,
    "consequences": 0.4,
    "contact": 0.85,
}


def _days_ago(today: datetime.date, days: int) -> datetime.datetime:
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time(9, 0))
    return moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _fill(version, points: dict, previous: dict[str, ChecklistItem] | None = None):
    """Write the points into a draft (a revision's copies are rewritten, new ones added)."""
    items = {}
    copies = {item.previous_id: item for item in version.items.all()}
    for order, (key, (text, help_text, category)) in enumerate(points.items(), start=1):
        copy = copies.get(previous[key].pk) if previous and key in previous else None
        if copy is not None:
            items[key] = services.item_update(
                item=copy, text=text, help_text=help_text, category=category, order=order
            )
        else:
            item = services.item_create(
                version=version, text=text, help_text=help_text, category=category
            )
            item.order = order
            item.save(update_fields=["order"])
            items[key] = item
    return items


def seed_checklists(*, programme: Programme) -> None:
    """The demo checklist, versions 1 and 2 and a year of uses from every office."""
    template = ChecklistTemplate.objects.filter(programme=programme, title=TITLE).first()
    co_authors = User.objects.filter(
        memberships__group__programmes=programme,
        memberships__group__kind=Group.Kind.RESOURCE,
    ).distinct()
    if template is not None:
        template.co_authors.set(co_authors)
        return
    today = timezone.localdate()
    v2_published = _days_ago(today, 150)
    template = services.template_create(
        programme=programme, title=TITLE, introduction=INTRODUCTION_V1, co_authors=co_authors
    )
    version_1 = template.versions.get(number=1)
    items_1 = _fill(version_1, POINTS_V1)
    services.version_publish(version=version_1, at=_days_ago(today, 375))

    version_2 = services.version_revise(template=template)
    services.version_update(
        version=version_2, introduction=INTRODUCTION_V2, change_log=CHANGE_LOG_V2
    )
    items_2 = _fill(version_2, POINTS_V2, previous=items_1)
    services.version_publish(version=version_2, at=v2_published)

    _seed_uses(
        programme=programme,
        today=today,
        switch=v2_published.date(),
        versions=((version_1, items_1), (version_2, items_2)),
    )


def _seed_uses(*, programme, today, switch, versions) -> None:
    rng = random.Random(2024)
    advisors = {
        m.office.code: (m.person, m.office)
        for m in Membership.objects.filter(
            group__programmes=programme,
            group__kind=Group.Kind.PROJECT,
            role=Membership.Role.ADVISOR,
            office__isnull=False,
        ).select_related("office", "person")
    }
    (version_1, items_1), (version_2, items_2) = versions
    start = max(programme.starts_on, today - datetime.timedelta(days=365))
    uses, ticked = [], []
    for code, (per_month, months) in USE_PER_MONTH.items():
        if code not in advisors:
            continue
        advisor, office = advisors[code]
        first_day = max(start, today - datetime.timedelta(days=30 * months))
        day = first_day
        while day <= today:
            # Weekdays only; uptake grows after version 2 at the offices already using it.
            rate = per_month / 21 * (1.2 if day >= switch and code == "gjovik" else 1)
            if day.weekday() < 5 and rng.random() < rate:
                version, items = (version_2, items_2) if day >= switch else (version_1, items_1)
                covered = [
                    item
                    for key, item in items.items()
                    if rng.random() < COVERAGE[key] + (0.05 if code == "gjovik" else 0)
                ]
                note = ""
                if not covered:
                    note = "Møtet ble kort fordi personen måtte gå tidlig."
                elif rng.random() < 0.06:
                    note = rng.choice(
                        [
                            "Vanskelig å snakke om konsekvenser uten at det ble en trussel.",
                            "Trengte tolk, så vi rakk ikke alt.",
                            "Personen var sliten; vi tok resten i neste møte.",
                        ]
                    )
                uses.append(
                    ChecklistUse(
                        version=version, office=office, advisor=advisor, met_on=day, note=note
                    )
                )
                ticked.append(covered)
            day += datetime.timedelta(days=1)
    ChecklistUse.objects.bulk_create(uses)
    for use in uses:
        use.created_at = datetime.datetime.combine(
            use.met_on, datetime.time(15, 0), tzinfo=ZoneInfo(settings.TIME_ZONE)
        )
    ChecklistUse.objects.bulk_update(uses, ["created_at"])
    through = ChecklistUse.items_covered.through
    through.objects.bulk_create(
        through(checklistuse_id=use.pk, checklistitem_id=item.pk)
        for use, covered in zip(uses, ticked, strict=True)
        for item in covered
    )


def demo_items(*, programme: Programme) -> dict[str, ChecklistItem]:
    """The points of the demo checklist's version in use, by key (e.g. "purpose"), so that
    other apps' demo data (the survey) can link to them."""
    template = ChecklistTemplate.objects.filter(programme=programme, title=TITLE).first()
    if template is None:
        return {}
    version = template.versions.filter(published_at__isnull=False, retired_at__isnull=True).first()
    if version is None:
        return {}
    by_text = {item.text: item for item in version.items.all()}
    return {key: by_text[text] for key, (text, _, _) in POINTS_V2.items() if text in by_text}
