"""The demo's register of activity offers in the five municipalities of the Gjøvik region.

Idempotent: nothing is added once the programme has offers. Made relative to today, so it
shows the same on any date: some offers are open across borders, three entries are stale,
the job house is judged well by many, the café training poorly, and one offer has too few
judgements to show.
"""

import datetime
import random

from django.utils import timezone

from participation.models import Office, Programme, User

from . import services
from .models import Judgement, Offer, OfferInput

K = Offer.Kind
OPEN = Offer.Openness

# (title, kind, provider, municipality, keeper office code, days, hours, openness,
#  open to office codes, ages, days since last check, description, transport, terms)
OFFERS = [
    (
        "Jobbhuset Gjøvikregionen",
        K.JOB_HOUSE,
        "Gjøvik kommune og NAV i regionen",
        "Gjøvik",
        "gjovik",
        "mon,tue,wed,thu",
        "09.00–14.30",
        OPEN.WHOLE_REGION,
        [],
        (18, 29),
        20,
        "Arbeidstrening i verksted, lager og kantine, med egen jobbveileder og hjelp til CV.",
        "Buss 1 fra Gjøvik skysstasjon, 5 minutter. Busskort betales av NAV-kontoret.",
        "Felles regionalt tilbud: alle fem kontorene kan henvise. Avtalt fordeling av plasser.",
    ),
    (
        "Kafé Trappa – arbeidstrening",
        K.WORK_TRAINING,
        "Frivillighetssentralen i Gjøvik",
        "Gjøvik",
        "gjovik",
        "tue,thu",
        "10.00–14.00",
        OPEN.AGREED_OFFICES,
        ["vestre-toten", "ostre-toten"],
        (18, 30),
        60,
        "Servering, kasse og matlaging i en liten kafé i sentrum. Tett oppfølging første uka.",
        "Gangavstand fra skysstasjonen.",
        "Inntil to plasser for Vestre og Østre Toten; kontoret betaler 1 500 kr per måned.",
    ),
    (
        "Fritid for alle – ungdomsklubb",
        K.SOCIAL,
        "Gjøvik kommune, kultur",
        "Gjøvik",
        "gjovik",
        "wed",
        "18.00–21.00",
        OPEN.OWN_MUNICIPALITY,
        [],
        (16, 25),
        30,
        "Åpent hus med aktiviteter, mat og voksne å snakke med.",
        "",
        "",
    ),
    (
        "Dokka Arbeidssenter",
        K.WORK_TRAINING,
        "Nordre Land kommune",
        "Nordre Land",
        "nordre-land",
        "mon,tue,wed,thu,fri",
        "08.30–14.00",
        OPEN.AGREED_OFFICES,
        ["sondre-land"],
        (18, None),
        200,
        "Arbeidstrening i snekkerverksted og vedproduksjon.",
        "Buss fra Hov til Dokka morgen og ettermiddag.",
        "Åpent for Søndre Land etter avtale mellom kontorlederne.",
    ),
    (
        "Turgruppa på Dokka",
        K.HEALTH,
        "Frisklivssentralen Nordre Land",
        "Nordre Land",
        "nordre-land",
        "fri",
        "11.00–13.00",
        OPEN.OWN_MUNICIPALITY,
        [],
        (None, None),
        45,
        "Rolige turer i nærområdet, i eget tempo. Passer for dem som vil komme i gang.",
        "",
        "",
    ),
    (
        "Hov Læringssenter – norsk og grunnskole",
        K.EDUCATION,
        "Søndre Land kommune",
        "Søndre Land",
        "sondre-land",
        "mon,wed",
        "09.00–12.00",
        OPEN.WHOLE_REGION,
        [],
        (18, None),
        15,
        "Fag fra grunnskolen og norskopplæring, i små grupper.",
        "Buss fra Gjøvik til Hov, 35 minutter.",
        "Tar imot deltakere fra hele regionen når det er plass.",
    ),
    (
        "Søndre Land frivilligsentral – aktivitetsvenn",
        K.VOLUNTEERING,
        "Søndre Land frivilligsentral",
        "Søndre Land",
        "sondre-land",
        "thu",
        "Etter avtale",
        OPEN.OWN_MUNICIPALITY,
        [],
        (18, 30),
        260,
        "Frivillig innsats med en fast kontaktperson, for eksempel på bruktbutikken.",
        "",
        "",
    ),
    (
        "Raufoss Industripark – praksisplasser",
        K.WORK_TRAINING,
        "Bedriftene i industriparken og NAV Vestre Toten",
        "Vestre Toten",
        "vestre-toten",
        "mon,tue,wed,thu,fri",
        "07.30–15.00",
        OPEN.AGREED_OFFICES,
        ["gjovik", "ostre-toten"],
        (18, None),
        25,
        "Praksis i produksjon og logistikk, med mulighet for lærlingplass.",
        "Buss 1 fra Gjøvik, 20 minutter. Tog til Raufoss stasjon.",
        "Gjøvik og Østre Toten kan henvise; bedriften krever verneutstyr, som kontoret dekker.",
    ),
    (
        "Jobbklubben på Raufoss",
        K.JOB_SEEKING,
        "NAV Vestre Toten",
        "Vestre Toten",
        "vestre-toten",
        "tue",
        "09.00–11.30",
        OPEN.OWN_MUNICIPALITY,
        [],
        (18, 30),
        90,
        "Søknader, CV og intervjutrening i gruppe, med kaffe.",
        "",
        "",
    ),
    (
        "Lena Aktivitetshus",
        K.SOCIAL,
        "Østre Toten kommune",
        "Østre Toten",
        "ostre-toten",
        "mon,wed,fri",
        "10.00–15.00",
        OPEN.WHOLE_REGION,
        [],
        (18, 30),
        10,
        "Møteplass med kurs, trening og felles lunsj. Kom innom uten avtale første gang.",
        "Buss fra Gjøvik og Raufoss til Lena, 30 minutter.",
        "Åpent for unge fra hele regionen; ingen kostnad for kontoret.",
    ),
    (
        "Gårdsarbeid på Kapp",
        K.WORK_TRAINING,
        "Inn på tunet-gården på Kapp",
        "Østre Toten",
        "ostre-toten",
        "tue,wed,thu",
        "09.00–14.00",
        OPEN.OWN_MUNICIPALITY,
        [],
        (18, None),
        300,
        "Stell av dyr og arbeid på gården, i et rolig miljø.",
        "Skyss fra Lena avtales med gården.",
        "",
    ),
]

# title: (usefulness, welcome, recommend) per judgement
JUDGEMENTS = {
    "Jobbhuset Gjøvikregionen": [
        (5, 5, "yes"),
        (4, 5, "yes"),
        (4, 4, "yes"),
        (5, 4, "yes"),
        (3, 4, "unsure"),
        (4, 5, "yes"),
        (5, 5, "yes"),
        (4, 4, "yes"),
        (2, 3, "unsure"),
    ],
    "Kafé Trappa – arbeidstrening": [
        (2, 2, "no"),
        (1, 2, "no"),
        (3, 2, "unsure"),
        (2, 3, "no"),
        (2, 1, "no"),
        (3, 3, "unsure"),
    ],
    "Lena Aktivitetshus": [(4, 5, "yes"), (5, 5, "yes"), (3, 4, "yes")],
}
COMMENTS = {
    "Jobbhuset Gjøvikregionen": "Fint å ha en fast person å spørre. Bussen er dyr uten kort.",
    "Kafé Trappa – arbeidstrening": (
        "Føltes som gratis arbeid. Ingen forklarte hva jeg skulle lære."
    ),
}

# (offer title, office code, months ago, young people)
USES = [
    ("Jobbhuset Gjøvikregionen", "vestre-toten", 1, 4),
    ("Jobbhuset Gjøvikregionen", "ostre-toten", 1, 3),
    ("Jobbhuset Gjøvikregionen", "nordre-land", 2, 2),
    ("Raufoss Industripark – praksisplasser", "gjovik", 1, 6),
    ("Dokka Arbeidssenter", "sondre-land", 2, 2),
    ("Lena Aktivitetshus", "gjovik", 1, 5),
]


def _months_ago(today: datetime.date, months: int) -> datetime.date:
    year, month = today.year, today.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1)


def seed_offers(*, programme: Programme) -> None:
    """The register, judgements, cross-border use and two inputs (once)."""
    if Offer.objects.filter(programme=programme).exists():
        return
    today = timezone.localdate()
    offices = {office.code: office for office in Office.objects.filter(programmes=programme)}
    advisor = User.objects.filter(email="advisor@example.org").first()
    coordinator = programme.coordinators.order_by("pk").first()
    offers = {}
    for (
        title, kind, provider, municipality, keeper, days, hours, openness, open_codes,
        (age_min, age_max), checked_days_ago, description, transport, terms,
    ) in OFFERS:  # fmt: skip
        offers[title] = services.offer_create(
            programme=programme,
            office=offices[keeper],
            by=advisor if keeper == "gjovik" else coordinator,
            open_to_offices=[offices[code] for code in open_codes],
            checked_on=today - datetime.timedelta(days=checked_days_ago),
            title=title,
            kind=kind,
            provider=provider,
            description=description,
            municipality=municipality,
            weekdays=days,
            hours=hours,
            openness=openness,
            age_min=age_min,
            age_max=age_max,
            public_transport=transport,
            cross_border_terms=terms,
            address=f"{municipality} sentrum",
            contact="Kontaktperson via NAV-kontoret",
            how_to_start="Veilederen avtaler et første besøk sammen med den unge.",
        )
    _seed_judgements(offers, today)
    for title, code, months_ago, count in USES:
        services.cross_border_use_record(
            offer=offers[title],
            office=offices[code],
            month=_months_ago(today, months_ago),
            young_people=count,
            by=coordinator,
        )
    services.offer_input_raise(
        programme=programme,
        offer=offers["Kafé Trappa – arbeidstrening"],
        reason=OfferInput.Reason.POOR_JUDGEMENT,
        title="Kafé Trappa: de unge vet ikke hva de skal lære",
        description="Seks unge har vurdert tilbudet, og de fleste mener det er lite nyttig.",
        by=coordinator,
    )
    services.offer_input_raise(
        programme=programme,
        reason=OfferInput.Reason.MISSING,
        kind=Offer.Kind.EDUCATION,
        municipality="Nordre Land",
        title="Ingen skoletilbud for unge voksne i Nordre Land",
        description="Ressursgruppa forteller at reisen til Hov er for lang for mange.",
        by=coordinator,
    )


def _seed_judgements(offers: dict[str, Offer], today: datetime.date) -> None:
    rng = random.Random(18)
    judgements = []
    for title, answers in JUDGEMENTS.items():
        for index, (usefulness, welcome, recommend) in enumerate(answers):
            judgements.append(
                Judgement(
                    offer=offers[title],
                    given_on=today - datetime.timedelta(days=rng.randint(3, 150)),
                    usefulness=usefulness,
                    welcome=welcome,
                    recommend=recommend,
                    comment=COMMENTS.get(title, "") if index == 0 else "",
                )
            )
    Judgement.objects.bulk_create(judgements)
