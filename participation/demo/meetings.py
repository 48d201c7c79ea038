"""A year of meetings and inputs for the demo, made through the services like real use.

Seeded only when a group has no meetings yet, so a second run changes nothing. A seeded
random generator keeps attendance the same on every machine.
"""

import datetime
import random

from django.utils import timezone

from participation import services
from participation.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Group,
    Input,
    Meeting,
    Membership,
    Programme,
    User,
)

# Themes the resource group works through, one per meeting, in the order of the year.
RESOURCE_THEMES = [
    (
        "Velkommen og hvordan vi jobber sammen",
        "Taushetsplikt, roller og hva ressursgruppa skal bidra med.",
    ),
    ("Erfaringshistorier: et godt møte med NAV", "Hver og en forteller om et møte som gikk bra."),
    (
        "Erfaringshistorier: et møte som kunne gått bedre",
        "Hva skjedde, og hva kunne veilederen gjort?",
    ),
    ("Første møte med NAV", "Hva må en veileder huske i det første møtet?"),
    ("Brev fra NAV", "Vi leser innkallingsbrevet sammen og foreslår ny tekst."),
    ("Sjekkliste for veiledere, utkast 1", "Gjennomgang av punktene før prosjektgruppa ser dem."),
    (
        "Aktivitetsplikt: hva betyr den for oss?",
        "Hvordan blir aktivitetsplikten forklart, og hvordan oppleves den?",
    ),
    ("Spørreundersøkelse for unge", "Hvilke spørsmål skal vi stille etter første møte?"),
    (
        "Besøk fra NAV Vestre Toten",
        "Veilederne forteller hva de har endret etter innspillene våre.",
    ),
    ("Kart over aktivitetstilbud", "Hvilke tilbud finnes i de fem kommunene, og hvilke mangler?"),
    ("Fagdag for veiledere", "Planlegging av vår del av fagdagen."),
    ("Sjekkliste for veiledere, versjon 2", "Hva lærte vi av det første halvåret med sjekklista?"),
]
PROJECT_THEMES = [
    ("Status fra kontorene", "Hvert kontor forteller kort hva som skjer."),
    ("Innspill fra ressursgruppa", "Gjennomgang av nye innspill og hvem som følger dem opp."),
    ("Sjekklista i praksis", "Hvordan blir sjekklista tatt imot på kontorene?"),
    ("Fagdag", "Program og ansvar."),
]
STEERING_THEMES = [
    ("Rapport fra prosjektet", "Nøkkeltall siden forrige møte."),
    ("Forankring i kontorene", "Hvordan sikrer vi at veilederne får tid til prosjektet?"),
    ("Budsjett og timer", "Forbruk mot budsjett for brukermedvirkerne."),
]
MINUTES = [
    "Gruppa snakket om temaet og kom med mange gode eksempler. Flere sa at det hjelper når "
    "veilederen forklarer hvorfor vi møtes før det blir snakket om aktiviteter.",
    "Det var enighet om at brev fra NAV bruker for mange vanskelige ord. Ressursgruppa lager "
    "forslag til enklere tekst til neste møte.",
    "Prosjektgruppa tar innspillene med tilbake til kontorene og gir svar innen seks uker.",
    "Vi gikk gjennom forslaget punkt for punkt. Punktet om å gi mobilnummer skapte diskusjon, "
    "men de fleste mente det er viktig for å få kontakt.",
]

ACTION_TITLES = [
    "Lage forslag til ny tekst i innkallingsbrevet",
    "Sende sjekklista til alle veilederne",
    "Bestille rom til fagdagen",
    "Samle erfaringshistorier til neste møte",
    "Spørre kommunene om aktivitetstilbud",
    "Skrive tilbakemelding på innspillet om ventetid",
    "Lage plakat med QR-kode til spørreundersøkelsen",
    "Invitere NAV Søndre Land til å fortelle hvordan det går",
]

# (title, description, status, weeks ago raised, feedback, decline reason, group kind, source)
INPUTS = [
    (
        "Brev fra NAV er vanskelige å forstå",
        "Innkallingsbrevet er fullt av ord vi ikke forstår, og det står ikke hvorfor vi skal møte.",
        Input.Status.DONE,
        40,
        "Vi har skrevet om innkallingsbrevet sammen med dere. Det nye brevet sier hvorfor vi møtes "
        "og hva som skjer, og det brukes på alle fem kontorene.",
        "",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
    (
        "Veilederen må fortelle hvorfor vi møtes",
        "Mange av oss visste ikke hva det første møtet skulle handle om.",
        Input.Status.DONE,
        34,
        "Dette er blitt første punkt i sjekklista for veiledere, og alle kontorene bruker den nå.",
        "",
        Group.Kind.RESOURCE,
        Input.Source.STORY,
    ),
    (
        "Vanskelig å få tak i veilederen",
        "Vi ringer kontaktsenteret og får ikke snakke med den som kjenner saken vår.",
        Input.Status.IN_PROGRESS,
        20,
        "Tre av kontorene prøver nå ut at veilederen gir mobilnummeret sitt i første møte. Vi "
        "forteller dere hvordan det går før sommeren.",
        "",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
    (
        "Aktivitetene passer ikke for alle",
        "Det er ofte bare ett tilbud, og det passer ikke for den som har angst.",
        Input.Status.CONSIDERING,
        10,
        "",
        "",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
    (
        "Egen transport til aktiviteter i Nordre Land",
        "Det går nesten ingen buss, og da kommer vi oss ikke til aktiviteten.",
        Input.Status.DECLINED,
        26,
        "Vi kan ikke sette opp egen transport nå. Veilederne skal i stedet se på reisevei når "
        "aktiviteten velges, og dekke reise der det er mulig.",
        "Kommunen har ikke penger til egen transport i år. Saken tas opp igjen ved neste budsjett.",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
    (
        "Mer informasjon om rettigheter når man er syk",
        "Vi vet ikke hva som skjer med aktivitetsplikten hvis vi blir syke.",
        Input.Status.RECEIVED,
        9,
        "",
        "",
        Group.Kind.RESOURCE,
        Input.Source.DIRECT,
    ),
    (
        "Møter på ettermiddagen passer bedre",
        "Mange av oss har aktiviteter eller skole på dagtid.",
        Input.Status.DONE,
        48,
        "Ressursgruppa møtes nå klokka 16, og kontorene tilbyr ettermiddagstimer én dag i uka.",
        "",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
    (
        "Lov å ha med en venn på første møte",
        "Det er lettere å møte opp når man kan ha med seg noen.",
        Input.Status.IN_PROGRESS,
        14,
        "",
        "",
        Group.Kind.RESOURCE,
        Input.Source.STORY,
    ),
    (
        "Mange vet ikke hvordan de kontakter veilederen",
        "Svarene fra spørreundersøkelsen viser at mange ikke vet hvordan de når veilederen sin.",
        Input.Status.CONSIDERING,
        5,
        "",
        "",
        Group.Kind.PROJECT,
        Input.Source.SURVEY,
    ),
    (
        "Lang ventetid i skranken",
        "Det er ubehagelig å stå lenge i kø der alle kan høre.",
        Input.Status.RECEIVED,
        1,
        "",
        "",
        Group.Kind.RESOURCE,
        Input.Source.MEETING,
    ),
]


# One input first given to the wrong office, then handed over with a reason (issue 15):
# title → (the first office's code, why it moved). It ends where it would have been.
INPUT_HANDOVERS = {
    "Vanskelig å få tak i veilederen": (
        "gjovik",
        "Det er kontoret der de unge bor som må følge opp dette, ikke NAV Gjøvik. Flyttet etter "
        "møtet i prosjektgruppa.",
    ),
}

# Open inputs given to those who own them (issue 15): the Gjøvik office's leader owes two (the
# older one late on any date: 9 weeks old, due after the programme's 6), the Gjøvik advisor
# one from the project group. Others stay with the coordinator and an office.
# title → (office code, owner's email or None for the office's leader)
INPUT_OWNERS = {
    "Mer informasjon om rettigheter når man er syk": ("gjovik", None),
    "Lang ventetid i skranken": ("gjovik", None),
    "Mange vet ikke hvordan de kontakter veilederen": ("gjovik", "advisor@example.org"),
}


def seed_meetings(*, programme: Programme) -> None:
    """Past year and the coming months for the three groups, plus the programme's inputs."""
    today = timezone.localdate()
    rng = random.Random(2026)
    groups = {g.kind: g for g in programme.groups.all()}
    coordinator = programme.coordinators.order_by("pk").first()
    first = today - datetime.timedelta(days=364)
    last = today + datetime.timedelta(days=120)
    plans = [
        (
            Group.Kind.RESOURCE,
            14,
            datetime.time(16, 0),
            120,
            "Frivilligsentralen, Gjøvik",
            RESOURCE_THEMES,
        ),
        (
            Group.Kind.PROJECT,
            21,
            datetime.time(12, 0),
            90,
            "NAV Gjøvik, møterom Mjøsa",
            PROJECT_THEMES,
        ),
        (Group.Kind.STEERING, 42, datetime.time(9, 0), 120, "Gjøvik rådhus", STEERING_THEMES),
    ]
    for kind, interval, start, minutes, place, themes in plans:
        group = groups[kind]
        if group.meetings.exists():
            continue
        group.meeting_interval_days, group.meeting_time = interval, start
        group.meeting_duration_minutes, group.default_place = minutes, place
        if kind == Group.Kind.RESOURCE:
            group.absence_threshold = 3
        group.save()
        # Start on the first weekday of that kind after a year ago: Tuesdays for the users.
        offset = (1 - first.weekday()) % 7
        services.meeting_series_create(
            group=group,
            first_date=first + datetime.timedelta(days=offset),
            last_date=last,
            interval_days=interval,
            start_time=start,
            duration_minutes=minutes,
            place=place,
        )
        _fill_meetings(group, themes, coordinator, rng)
    if not Input.objects.filter(programme=programme).exists():
        _seed_inputs(programme, groups, coordinator)


def _fill_meetings(group, themes, coordinator, rng):
    now = timezone.now()
    meetings = list(group.meetings.order_by("starts_at"))
    past = [m for m in meetings if m.ends_at < now]
    upcoming = [m for m in meetings if m.ends_at >= now]
    # One summer meeting was cancelled; the series went on.
    summer = next((m for m in meetings if m.starts_at.month == 7), None)
    for index, meeting in enumerate(meetings):
        title, description = themes[index % len(themes)]
        services.agenda_item_add(
            meeting=meeting, title=title, kind=AgendaItem.Kind.THEME, description=description
        )
        services.agenda_item_add(
            meeting=meeting,
            title="Tilbakemeldinger på innspill",
            kind=AgendaItem.Kind.INFORMATION,
            presenter="Prosjektkoordinator",
        )
    for index, meeting in enumerate(past):
        if meeting == summer:
            Meeting.objects.filter(pk=meeting.pk).update(
                status=Meeting.Status.CANCELLED, cancel_reason="Sommerferie"
            )
            continue
        Meeting.objects.filter(pk=meeting.pk).update(
            agenda_sent_at=meeting.starts_at - datetime.timedelta(days=6)
        )
        services.attendance_record(
            meeting=meeting, statuses=_attendance(group, meeting, index, len(past), rng)
        )
        is_latest = index >= len(past) - 2
        items = {item.pk: rng.choice(MINUTES) for item in meeting.agenda_items.all()}
        meeting = services.minutes_save(
            meeting=meeting,
            version=meeting.minutes_version,
            summary="Godt oppmøte og god stemning. Neste møte som planlagt.",
            item_minutes=items,
        )
        if not is_latest:
            services.minutes_approve(
                meeting=meeting, by=coordinator, version=meeting.minutes_version
            )
        if index % 3 == 0:
            services.decision_add(
                meeting=meeting,
                text="Gruppa sender innspillene fra møtet videre til prosjektgruppa.",
            )
        if index % 4 == 1:
            owner = Membership.objects.current().filter(group=group).order_by("pk").first()
            action = services.action_item_create(
                meeting=meeting,
                title=ACTION_TITLES[(index // 4) % len(ACTION_TITLES)],
                owner=owner.person if owner else coordinator,
                due_on=timezone.localdate(meeting.starts_at) + datetime.timedelta(days=14),
            )
            # The older ones are done; the latest stay open, and one of them is overdue.
            if index < len(past) - 6:
                services.action_item_set_status(action_item=action, status=ActionItem.Status.DONE)
    # The next meeting's agenda has gone out (set directly: the demo sends no email).
    for meeting in upcoming[:1]:
        Meeting.objects.filter(pk=meeting.pk).update(agenda_sent_at=now)


def _attendance(group, meeting, index, count, rng) -> dict[int, str]:
    """Realistic attendance: most come; one member drifts away; one office stops coming."""
    day = timezone.localdate(meeting.starts_at)
    statuses = {}
    for membership in (
        Membership.objects.current(on=day).filter(group=group).select_related("person", "office")
    ):
        recent = index >= count - 4
        if membership.person.email == "julie.rud@example.org" and recent:
            status = Attendance.Status.ABSENT
        elif (
            group.kind == Group.Kind.PROJECT
            and membership.office
            and membership.office.code == "sondre-land"
            and recent
        ):
            status = Attendance.Status.NOTICE if index % 2 else Attendance.Status.ABSENT
        else:
            roll = rng.random()
            status = (
                Attendance.Status.PRESENT
                if roll < 0.82
                else Attendance.Status.NOTICE
                if roll < 0.95
                else Attendance.Status.ABSENT
            )
        statuses[membership.pk] = status
    return statuses


def _seed_inputs(programme, groups, coordinator):
    now = timezone.now()
    order = [Input.Status.CONSIDERING, Input.Status.IN_PROGRESS]
    offices = list(programme.offices.order_by("name"))
    for n, (title, description, status, weeks, feedback, reason, kind, source) in enumerate(INPUTS):
        raised = now - datetime.timedelta(weeks=weeks)
        group = groups[kind]
        meeting = (
            group.meetings.filter(starts_at__lte=raised)
            .exclude(status=Meeting.Status.CANCELLED)
            .last()
            if source == Input.Source.MEETING
            else None
        )
        office, owner = offices[n % len(offices)], coordinator
        if title in INPUT_OWNERS:
            code, email = INPUT_OWNERS[title]
            office = programme.offices.get(code=code)
            owner = User.objects.get(email=email) if email else None
        handover = INPUT_HANDOVERS.get(title)
        final_office = office
        if handover:
            office = programme.offices.get(code=handover[0])
        item = services.input_create(
            programme=programme,
            title=title,
            description=description,
            source=source,
            group=group,
            meeting=meeting,
            raised_on=timezone.localdate(raised),
            raised_by=coordinator,
            assigned_office=office,
            assigned_to=owner,
        )
        if handover:
            services.input_assign(
                input=item,
                office=final_office,
                person=owner,
                by=coordinator,
                reason=handover[1],
                now=raised + datetime.timedelta(days=4),
            )
        step = raised
        for next_status in order:
            if Input.STATUS_ORDER[next_status] > Input.STATUS_ORDER[status]:
                break
            step += datetime.timedelta(days=9)
            services.input_change_status(
                input=item, to_status=next_status, by=coordinator, now=step
            )
        if status == Input.Status.IN_PROGRESS and feedback:
            services.input_give_feedback(
                input=item, feedback=feedback, by=coordinator, now=step + datetime.timedelta(days=3)
            )
        if status in (Input.Status.DONE, Input.Status.DECLINED):
            services.input_change_status(
                input=item,
                to_status=status,
                by=coordinator,
                feedback=feedback,
                decline_reason=reason,
                now=step + datetime.timedelta(days=12),
            )
