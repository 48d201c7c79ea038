"""Demo data for the resource group (seed_demo): contracts, a year of timesheets in every
state, recruitment, stories with themes, and the follow-up of a member drifting away.

Made through the services like real use. Each part is seeded only when it is not there yet
(natural keys: the programme's contracts, timesheets, a posting's slug, the group's stories,
Julie's follow-up log), so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import (
    Attendance,
    Group,
    Input,
    Membership,
    Programme,
    User,
)
from participation.services.meetings import local_datetime

from .demo_budget import seed_budget
from .models import (
    Application,
    Contract,
    FollowUpContact,
    Onboarding,
    Posting,
    Story,
    StoryTheme,
    TimeEntry,
    Timesheet,
)
from .services import contracts as contract_services
from .services import followup as followup_services
from .services import onboarding as onboarding_services
from .services import recruitment as recruitment_services
from .services import stories as story_services
from .services import timesheets as timesheet_services

# A realistic participation budget line: two representatives, about 12 hours a month each,
# for the programme's two and a half years, at about 200 NOK an hour.
BUDGET_NOK = Decimal("150000.00")
BUDGET_HOURS = Decimal("750.00")

EMAIL = {
    "emma": "representative@example.org",
    "sander": "sander.myhre@example.org",
    "mari": "mari.lien@example.org",
    "aisha": "aisha.mohammed@example.org",
    "tobias": "tobias.kvam@example.org",
    "ida": "ida.solberg@example.org",
    "mathias": "mathias.berg@example.org",
    "julie": "julie.rud@example.org",
}

# One extra task a month, in turn: (activity, hours, comment)
MONTHLY_TASKS = [
    (TimeEntry.Activity.THEME_DAY, "5", "Fagdag for veiledere på Gjøvik: innlegg om første møte"),
    (TimeEntry.Activity.TRAINING, "2", "Opplæring: taushetsplikt og rollen som brukermedvirker"),
    (TimeEntry.Activity.WORKSHOP, "3", "Workshop om sjekklista med prosjektgruppa"),
    (TimeEntry.Activity.TRAVEL, "1.25", "Reise til NAV Nordre Land og tilbake"),
]


def seed_resourcegroup(*, programme: Programme) -> None:
    """The resource group's part of the Gjøvik-region demo. Idempotent."""
    if programme.budget_nok is None and programme.budget_hours is None:
        # The budget line is the programme's own (participation); set once, both fields only.
        Programme.objects.filter(pk=programme.pk).update(
            budget_nok=BUDGET_NOK, budget_hours=BUDGET_HOURS
        )
        programme.refresh_from_db(fields=["budget_nok", "budget_hours"])
    resource = programme.groups.filter(kind=Group.Kind.RESOURCE).order_by("pk").first()
    if resource is None:
        return
    people = {key: User.objects.filter(email=email).first() for key, email in EMAIL.items()}
    coordinator = (
        programme.coordinators.filter(email="coordinator@example.org").first()
        or programme.coordinators.order_by("pk").first()
    )
    if not Contract.objects.filter(programme=programme).exists():
        _seed_contracts(programme, resource, people, coordinator)
    if not Timesheet.objects.filter(programme=programme).exists():
        _seed_timesheets(programme, people, coordinator)
    _seed_recruitment(programme, resource, people, coordinator)
    if not Story.objects.filter(group=resource).exists():
        _seed_stories(programme, resource, people, coordinator)
    _seed_followup(resource, people, coordinator)
    _seed_onboarding(resource, coordinator)
    _seed_honoraria(programme, people, coordinator)
    seed_budget(programme=programme, coordinator=coordinator)


# --- Contracts ----------------------------------------------------------------------------


def _seat(person, group) -> Membership | None:
    return (
        Membership.objects.filter(
            person=person, group=group, role=Membership.Role.PAID_REPRESENTATIVE
        )
        .order_by("starts_on")
        .first()
    )


def _seed_contracts(programme, resource, people, coordinator):
    today = timezone.localdate()
    ends_on = programme.ends_on or today.replace(year=today.year + 1, month=12, day=31)
    role = (
        "Bindeledd og talsperson mellom ressursgruppa og prosjektet. Forbereder møtene sammen "
        "med koordinator, samler erfaringshistorier og deltar i prosjektgruppa og på fagdager."
    )
    for key, employee_number in [("mari", "10395"), ("emma", "10417"), ("sander", "10482")]:
        person = people.get(key)
        seat = _seat(person, resource) if person else None
        if seat is None:
            continue
        contract = contract_services.contract_create(
            programme=programme,
            person=person,
            hourly_pay=Decimal("185.00"),
            starts_on=max(seat.starts_on, programme.starts_on),
            ends_on=seat.ends_on or ends_on,
            expected_hours_per_month=Decimal("12"),
            role_description=role,
            employee_number=employee_number,
            created_by=coordinator,
        )
        if key == "emma":
            # The pay rose in the middle of a month: that month is paid at two rates.
            raise_day = _raise_day(today)
            contract_services.contract_renew(
                contract=contract,
                hourly_pay=Decimal("196.50"),
                starts_on=raise_day,
                ends_on=ends_on,
                expected_hours_per_month=Decimal("12"),
                created_by=coordinator,
            )


def _months_back(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    return datetime.date(month_index // 12, month_index % 12 + 1, 1)


def _raise_day(today: datetime.date) -> datetime.date:
    """Emma's pay rise: the 15th of a month long approved, whatever day today is."""
    return _months_back(today, 5).replace(day=15)


# --- Timesheets ---------------------------------------------------------------------------


def _seed_timesheets(programme, people, coordinator):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = _months_back(today, 1)
    contracts = list(Contract.objects.filter(programme=programme).select_related("person"))
    by_person = {}
    for contract in contracts:
        by_person.setdefault(contract.person, []).append(contract)
    attended = _attended_meetings(programme, list(by_person))
    raise_month = _raise_day(today).replace(day=1)
    for person, person_contracts in by_person.items():
        first = max(min(c.starts_on for c in person_contracts), _months_back(today, 12))
        last = min(max(c.ends_on for c in person_contracts), today)
        month = first.replace(day=1)
        index = 0
        while month <= last:
            _seed_month(programme, person, month, attended.get(person.pk, []), index, today)
            if month == raise_month and person == people.get("emma"):
                _seed_training_before_the_raise(programme, person, month)
            index += 1
            month = _months_back(month, -1)
        for timesheet in Timesheet.objects.filter(programme=programme, person=person):
            _settle(timesheet, person, coordinator, this_month, last_month, people)


def _attended_meetings(programme, persons) -> dict[int, list]:
    meetings = {}
    for attendance in (
        Attendance.objects.filter(
            membership__person__in=persons,
            membership__group__programmes=programme,
            status=Attendance.Status.PRESENT,
        )
        .select_related("meeting", "membership")
        .order_by("meeting__starts_at")
    ):
        meetings.setdefault(attendance.membership.person_id, []).append(attendance.meeting)
    return meetings


def _seed_month(programme, person, month, meetings, index, today):
    next_month = _months_back(month, -1)
    is_current = month == today.replace(day=1)

    def add(**values):
        try:
            timesheet_services.time_entry_add(programme=programme, person=person, **values)
        except ValidationError:  # a day without a contract is simply left out
            return

    for meeting in meetings:
        day = timezone.localdate(meeting.starts_at)
        if not (month <= day < next_month) or day > today:
            continue
        # In the current month the meetings are left as one-tap suggestions.
        if not is_current:
            try:
                timesheet_services.time_entry_add_from_meeting(
                    programme=programme, person=person, meeting=meeting
                )
            except ValidationError:
                pass
        prep_day = day - datetime.timedelta(days=1)
        if prep_day >= month:
            add(
                date=prep_day,
                hours="1.5",
                activity=TimeEntry.Activity.PREPARATION,
                comment=f"Forberedte {meeting.display_title.lower()}: saksliste og historier",
            )
    activity, hours, comment = MONTHLY_TASKS[index % len(MONTHLY_TASKS)]
    # This month's task is done by today, so that this month is a draft with hours in it even
    # on the 1st; earlier months have theirs on the 20th.
    task_day = month.replace(day=min(20, today.day)) if is_current else month.replace(day=20)
    add(date=task_day, hours=hours, activity=activity, comment=comment)


def _seed_training_before_the_raise(programme, person, month):
    """Hours before the 15th of the raise month, so that the month is paid at two rates even
    when no meeting fell before the raise (a summer month has none)."""
    try:
        timesheet_services.time_entry_add(
            programme=programme,
            person=person,
            date=month.replace(day=8),
            hours="2",
            activity=TimeEntry.Activity.TRAINING,
            comment="Opplæring: å lede en gruppesamtale",
        )
    except ValidationError:  # no contract that day (a shortened demo): the month has one rate
        return


def _settle(timesheet, person, coordinator, this_month, last_month, people):
    """Older months approved; last month sent (Emma) or returned (Sander); this month a draft."""
    if timesheet.month == this_month or not timesheet.entries.exists():
        return
    submitted_at = local_datetime(
        _months_back(timesheet.month, -1) + datetime.timedelta(days=1), datetime.time(9, 15)
    )
    if timesheet.month == last_month and person == people.get("sander"):
        TimeEntry.objects.filter(timesheet=timesheet, activity=TimeEntry.Activity.THEME_DAY).update(
            hours=Decimal("7")
        )
        timesheet_services.timesheet_submit(timesheet=timesheet, by=person, now=submitted_at)
        timesheet_services.timesheet_return(
            timesheet=timesheet,
            by=coordinator,
            comment=(
                "Fagdagen står med 7 timer, men programmet var fra 09 til 14. Rett det til 5 "
                "timer og send måneden på nytt."
            ),
            now=submitted_at + datetime.timedelta(hours=3),
        )
        return
    timesheet_services.timesheet_submit(timesheet=timesheet, by=person, now=submitted_at)
    if timesheet.month == last_month:
        return
    timesheet_services.timesheet_approve(
        timesheet=timesheet, by=coordinator, now=submitted_at + datetime.timedelta(days=2, hours=1)
    )


# --- Recruitment --------------------------------------------------------------------------

FIRST_POSTING_SLUG = "ressursgruppa-gjovikregionen"
SECOND_POSTING_SLUG = "ressursgruppa-ny-runde"

POSTING_TEXT = (
    "Er du mellom 18 og 29 år og har aktivitetsplikt? Vil du være med og gjøre NAV bedre for "
    "unge? Vi søker sju ungdommer til ressursgruppa i Gjøvikregionen. Vi møtes annenhver uke "
    "klokka 16 på Frivilligsentralen, og du får servert mat. To av plassene er deltidsjobber "
    "med timelønn som brukermedvirker."
)

# (key or name, email, municipality, age band, motivation, final status)
FIRST_ROUND = [
    (
        "emma",
        None,
        "Gjøvik",
        "18_23",
        (
            "Jeg har selv hatt mange møter med NAV og vil at andre skal slippe å føle seg så små "
            "som jeg gjorde."
        ),
        "accepted",
    ),
    (
        "mari",
        None,
        "Vestre Toten",
        "24_29",
        "Jeg studerer snart sosialt arbeid og vil lære hvordan NAV ser ut fra innsiden.",
        "accepted",
    ),
    (
        "aisha",
        None,
        "Gjøvik",
        "18_23",
        "Jeg kom til Norge for fem år siden og vet hvor vanskelig brevene fra NAV er.",
        "accepted",
    ),
    (
        "tobias",
        None,
        "Østre Toten",
        "18_23",
        "Jeg liker å si hva jeg mener, og jeg tror NAV trenger å høre det.",
        "accepted",
    ),
    (
        "ida",
        None,
        "Nordre Land",
        "24_29",
        "Det går nesten ingen buss der jeg bor. Jeg vil at NAV skal forstå hva det betyr.",
        "accepted",
    ),
    (
        "mathias",
        None,
        "Søndre Land",
        "18_23",
        "Jeg har vært i mange tiltak og vet hva som fungerer og hva som ikke gjør det.",
        "accepted",
    ),
    (
        "julie",
        None,
        "Gjøvik",
        "18_23",
        "Jeg vil gjerne være med å lage noe som kan hjelpe andre unge.",
        "accepted",
    ),
    (
        "Jonas Eriksen",
        "jonas.eriksen@example.org",
        "Gjøvik",
        "24_29",
        "Jeg vil bruke erfaringen min til noe nyttig.",
        "declined",
    ),
    (
        "Sofie Lund",
        "sofie.lund@example.org",
        "Vestre Toten",
        "18_23",
        "Jeg er nysgjerrig på hvordan NAV jobber.",
        "not_chosen",
    ),
    (
        "Henrik Strand",
        "henrik.strand@example.org",
        "Lillehammer",
        "24_29",
        "Jeg har lang erfaring med NAV.",
        "not_chosen",
    ),
    (
        "Thea Nilsen",
        "thea.nilsen@example.org",
        "Østre Toten",
        "under_18",
        "Jeg vil være med fordi broren min har aktivitetsplikt.",
        "not_chosen",
    ),
    (
        "Adrian Holm",
        "adrian.holm@example.org",
        "Gjøvik",
        "30_plus",
        "Jeg har mye å bidra med.",
        "not_chosen",
    ),
]
SECOND_ROUND = [
    (
        "Selma Haug",
        "selma.haug@example.org",
        "Nordre Land",
        "18_23",
        "Jeg vil være med å gjøre første møte med NAV bedre.",
        "offered",
    ),
    (
        "Emil Dahl",
        "emil.dahl@example.org",
        "Gjøvik",
        "24_29",
        "Jeg har hatt både gode og dårlige veiledere og vet forskjellen.",
        "interviewed",
    ),
    (
        "Maja Berg",
        "maja.berg@example.org",
        "Søndre Land",
        "18_23",
        "Jeg vil lære mer og hjelpe andre.",
        "interview_booked",
    ),
    (
        "Oskar Vik",
        "oskar.vik@example.org",
        "Vestre Toten",
        "18_23",
        "En venn anbefalte meg å søke.",
        "received",
    ),
]
PATHS = {
    "accepted": ["interview_booked", "interviewed", "offered", "accepted"],
    "declined": ["interview_booked", "interviewed", "offered", "declined"],
    "offered": ["interview_booked", "interviewed", "offered"],
    "interviewed": ["interview_booked", "interviewed"],
    "interview_booked": ["interview_booked"],
    "received": [],
}
NOTES = {
    "interview_booked": "Ringte og avtalte intervju.",
    "interviewed": "Godt intervju. Reflektert og tydelig på egne erfaringer.",
    "offered": "Tilbudt plass i ressursgruppa.",
    "accepted": "Takket ja. Oppstart på første møte.",
    "declined": "Takket nei: har fått jobb på dagtid.",
}


def _seed_recruitment(programme, resource, people, coordinator):
    if not Posting.objects.filter(slug=FIRST_POSTING_SLUG).exists():
        posting = recruitment_services.posting_save(
            programme=programme,
            group=resource,
            title="Vil du være med og gjøre NAV bedre for unge?",
            slug=FIRST_POSTING_SLUG,
            text=POSTING_TEXT,
            opens_on=programme.starts_on - datetime.timedelta(days=42),
            closes_on=programme.starts_on - datetime.timedelta(days=14),
            advertised_where=(
                "NAV-kontorene i de fem kommunene, kommunenes nettsider, Instagram og "
                "ungdomskontakten i Gjøvik."
            ),
            target_group="Unge 18–29 år med aktivitetsplikt i Gjøvikregionen",
            target_age_min=18,
            target_age_max=29,
            # Kept for the follow-up research of the first round; the usual is 90 days.
            delete_after_days=730,
        )
        _seed_applications(posting, FIRST_ROUND, people, resource, coordinator)
    if not Posting.objects.filter(slug=SECOND_POSTING_SLUG).exists():
        today = timezone.localdate()
        posting = recruitment_services.posting_save(
            programme=programme,
            group=resource,
            title="Ressursgruppa søker nye deltakere",
            slug=SECOND_POSTING_SLUG,
            text=POSTING_TEXT.replace("sju ungdommer", "to nye ungdommer"),
            opens_on=today - datetime.timedelta(days=21),
            closes_on=today + datetime.timedelta(days=14),
            advertised_where="NAV-kontorene, Instagram og skolene i regionen.",
            target_group="Unge 18–29 år med aktivitetsplikt i Gjøvikregionen",
            target_age_min=18,
            target_age_max=29,
            delete_after_days=90,
        )
        _seed_applications(posting, SECOND_ROUND, people, resource, coordinator)


def _seed_applications(posting, rows, people, resource, coordinator):
    for number, (key, email, municipality, age_band, motivation, status) in enumerate(rows):
        person = people.get(key)
        received = posting.opens_on + datetime.timedelta(days=1 + number % 10)
        application = recruitment_services.application_submit(
            posting=posting,
            name=person.display_name if person else key,
            email=person.email if person else email,
            municipality=municipality,
            age_band=age_band,
            motivation=motivation,
            has_consented=True,
            today=received,
            by=None,
        )
        at = local_datetime(received, datetime.time(20, 10 + number))
        Application.objects.filter(pk=application.pk).update(received_at=at, status_changed_at=at)
        application.events.update(at=at)
        steps = PATHS.get(status, ["not_chosen"])
        if status == "not_chosen":
            steps = (
                ["not_chosen"]
                if age_band in ("under_18", "30_plus")
                else [
                    "interview_booked",
                    "interviewed",
                    "not_chosen",
                ]
            )
        for step_number, step in enumerate(steps):
            at = local_datetime(
                posting.closes_on + datetime.timedelta(days=2 + 3 * step_number),
                datetime.time(10, 0),
            )
            application = recruitment_services.application_move(
                application=application,
                to_status=step,
                by=coordinator,
                note=NOTES.get(step, "Ikke valgt denne gangen. Takket for søknaden."),
                interview_at=at + datetime.timedelta(days=2)
                if step == "interview_booked"
                else None,
                now=min(at, timezone.now()),
            )
        if status == "accepted" and person is not None:
            membership = (
                Membership.objects.filter(person=person, group=resource)
                .order_by("starts_on")
                .first()
            )
            if membership is not None and not hasattr(membership, "application"):
                Application.objects.filter(pk=application.pk).update(membership=membership)


# --- Stories ------------------------------------------------------------------------------

THEMES = {
    "first": "Første møte med NAV",
    "letters": "Brev fra NAV",
    "seen": "Å bli sett og hørt",
    "company": "Ha med noen på møtet",
    "reach": "Å få tak i veilederen",
}
# Existing inputs (from participation's demo) that came from a theme.
THEME_INPUTS = {
    "first": "Veilederen må fortelle hvorfor vi møtes",
    "company": "Lov å ha med en venn på første møte",
}
# (author key, kind, weeks ago, text, themes, anonymised version)
STORIES = [
    (
        "emma",
        "could_be_better",
        46,
        (
            "Første gang jeg var på NAV visste jeg ikke hvorfor jeg var kalt inn. Veilederen "
            "begynte rett på aktiviteter og jeg turte ikke spørre. Jeg gikk derfra og følte meg "
            "dum."
        ),
        ["first"],
        (
            "En ung person ble kalt inn uten å vite hvorfor. Møtet gikk rett på aktiviteter, og "
            "personen turte ikke spørre."
        ),
    ),
    (
        "aisha",
        "could_be_better",
        44,
        (
            "Jeg fikk et brev med ord jeg ikke forsto. Jeg måtte spørre lillebroren min hva det "
            "betydde. Det sto at jeg kunne miste penger, men ikke hva jeg skulle gjøre."
        ),
        ["letters"],
        (
            "En ung person forsto ikke brevet fra NAV og måtte få hjelp av familien. Brevet sa "
            "hva som kunne skje, men ikke hva personen skulle gjøre."
        ),
    ),
    (
        "tobias",
        "went_well",
        40,
        (
            "Den nye veilederen min spurte hva jeg drømte om før vi snakket om tiltak. Det var "
            "første gang noen på NAV spurte om det."
        ),
        ["seen"],
        (
            "En veileder spurte hva den unge drømte om før tiltak ble tatt opp. Det var første "
            "gang noen hadde spurt."
        ),
    ),
    (
        "ida",
        "could_be_better",
        36,
        (
            "Jeg ringte kontaktsenteret fire ganger for å få snakke med veilederen min. Hver "
            "gang fikk jeg beskjed om at hun skulle ringe tilbake."
        ),
        ["reach"],
        "",
    ),
    (
        "julie",
        "went_well",
        33,
        "Jeg fikk ha med meg mamma på første møtet. Da turte jeg å si at jeg hadde det vanskelig.",
        ["company", "first"],
        (
            "En ung person fikk ha med seg en forelder på første møte, og turte da å si hvordan "
            "det egentlig sto til."
        ),
    ),
    (
        "mathias",
        "could_be_better",
        28,
        (
            "Veilederen min byttet tre ganger på et halvt år. Hver gang måtte jeg fortelle alt "
            "på nytt."
        ),
        ["seen"],
        "",
    ),
    (
        "sander",
        "went_well",
        20,
        (
            "Veilederen forklarte hva aktivitetsplikt betyr og hvorfor vi skulle møtes. Jeg fikk "
            "et ark med det vi ble enige om."
        ),
        ["first"],
        (
            "En veileder forklarte aktivitetsplikten og hensikten med møtet, og ga en skriftlig "
            "oppsummering."
        ),
    ),
    (
        "aisha",
        "went_well",
        12,
        (
            "Jeg fikk brevet forklart på telefon av veilederen. Hun brukte enkle ord og spurte "
            "om jeg forsto."
        ),
        ["letters"],
        "",
    ),
    (
        "emma",
        "could_be_better",
        6,
        "Jeg satt i venterommet og hørte at de ropte opp navnet mitt foran alle. Det var flaut.",
        [],
        "",
    ),
    (
        "tobias",
        "went_well",
        2,
        (
            "Jeg fikk tilbud om møte på ettermiddagen fordi jeg har praksis på dagtid. Det "
            "gjorde at jeg faktisk kom."
        ),
        [],
        "",
    ),
]


def _seed_stories(programme, resource, people, coordinator):
    themes = {}
    for key, name in THEMES.items():
        themes[key], _created = StoryTheme.objects.get_or_create(programme=programme, name=name)
    now = timezone.now()
    for author_key, kind, weeks, text, theme_keys, anonymised in STORIES:
        author = people.get(author_key)
        if author is None:
            continue
        # The writers of the stories the coordinator anonymised agreed to their use in inputs.
        story = story_services.story_create(
            group=resource, author=author, kind=kind, text=text, input_consent=bool(anonymised)
        )
        Story.objects.filter(pk=story.pk).update(
            written_on=timezone.localdate(now - datetime.timedelta(weeks=weeks))
        )
        story_services.story_curate(
            story=story,
            themes=[themes[k] for k in theme_keys],
            anonymised_text=anonymised,
            by=coordinator,
        )
    for key, title in THEME_INPUTS.items():
        item = Input.objects.filter(programme=programme, title=title).first()
        if item is not None and not hasattr(item, "story_theme"):
            StoryTheme.objects.filter(pk=themes[key].pk).update(input=item)


# --- Follow-up ----------------------------------------------------------------------------


def _seed_followup(resource, people, coordinator):
    julie = people.get("julie")
    membership = (
        Membership.objects.current().filter(person=julie, group=resource).first() if julie else None
    )
    if membership is None or FollowUpContact.objects.filter(membership=membership).exists():
        return
    today = timezone.localdate()
    for days, channel, outcome, note in [
        (
            16,
            FollowUpContact.Channel.TEXT,
            FollowUpContact.Outcome.NO_ANSWER,
            "Sendte SMS og spurte hvordan det går, og om hun kommer på neste møte.",
        ),
        (
            9,
            FollowUpContact.Channel.PHONE,
            FollowUpContact.Outcome.NEEDS_ADJUSTMENT,
            "Har fått praksisplass på dagtid og er sliten etter jobb. Vil gjerne fortsette. Vi "
            "prøver at hun kan være med på video annenhver gang.",
        ),
    ]:
        followup_services.follow_up_log(
            membership=membership,
            contacted_on=today - datetime.timedelta(days=days),
            channel=channel,
            outcome=outcome,
            note=note,
            by=coordinator,
        )


# --- Onboarding ---------------------------------------------------------------------------


def _seed_onboarding(resource, coordinator):
    """Everyone onboarded in the first weeks; the training on inputs is still missing for some."""
    today = timezone.localdate()
    memberships = Membership.objects.current().filter(group=resource).order_by("person__email")
    for number, membership in enumerate(memberships):
        if Onboarding.objects.filter(membership=membership).exists():
            continue
        start = membership.starts_on

        def day(days, start=start):
            return min(start + datetime.timedelta(days=days), today)

        onboarding_services.onboarding_save(
            membership=membership,
            by=coordinator,
            consent_on=day(0),
            confidentiality_on=day(0),
            training_nav_on=day(14),
            training_role_on=day(14),
            training_inputs_on=day(42) if number % 3 else None,
            first_talk_on=day(7),
        )


# --- Honoraria and travel -------------------------------------------------------------------


def _seed_honoraria(programme, people, coordinator):
    """A rate from the start, honoraria from attendance (the latest month still waiting) and a
    few travel claims in every state. Each step is a no-op the second time."""
    from .models import HonorariumRate, TravelClaim
    from .services import honoraria as honoraria_services

    if not HonorariumRate.objects.filter(programme=programme).exists():
        honoraria_services.honorarium_rate_set(
            programme=programme,
            valid_from=programme.starts_on,
            amount_per_meeting=Decimal("350.00"),
            km_rate=Decimal("4.50"),
        )
    today = timezone.localdate()
    months = [_months_back(today, n) for n in range(12, 0, -1)]
    for month in months:
        honoraria_services.honoraria_generate(programme=programme, month=month)
    for month in months[:-1]:
        try:
            honoraria_services.honoraria_approve(programme=programme, month=month, by=coordinator)
        except ValidationError:
            pass  # nothing waiting: approved on an earlier run
    if TravelClaim.objects.filter(programme=programme).exists():
        return
    trips = [
        ("aisha", "Dokka", {"kilometres": "96"}, "approve", ""),
        ("tobias", "Lena", {"ticket_amount": "74.00"}, "approve", ""),
        ("ida", "Raufoss", {"kilometres": "28"}, "return", "Var det tur-retur? Skriv begge veier."),
        ("aisha", "Dokka", {"ticket_amount": "118.00"}, "", ""),
    ]
    for index, (key, from_place, how, decision, comment) in enumerate(trips):
        person = people.get(key)
        if person is None:
            continue
        attendance = (
            Attendance.objects.filter(
                membership__person=person,
                membership__group__programmes=programme,
                status=Attendance.Status.PRESENT,
                meeting__starts_at__lt=timezone.now(),
            )
            .select_related("meeting")
            .order_by("-meeting__starts_at")[index : index + 1]
            .first()
        )
        if attendance is None:
            continue
        meeting = attendance.meeting
        try:
            claim = honoraria_services.travel_claim_submit(
                programme=programme,
                person=person,
                date=timezone.localdate(meeting.starts_at),
                meeting=meeting,
                from_place=from_place,
                to_place=meeting.place or "NAV Gjøvik",
                comment="Til og fra ressursgruppemøtet",
                **how,
            )
        except ValidationError:
            continue
        if decision == "approve":
            honoraria_services.travel_claim_approve(claim=claim, by=coordinator)
        elif decision == "return":
            honoraria_services.travel_claim_return(claim=claim, by=coordinator, comment=comment)
