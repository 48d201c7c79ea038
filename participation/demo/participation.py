import datetime
from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from participation.models import Group, Membership, Office, Programme, User

PROGRAMME_SLUG = "best-pa-aktivitetsplikt"

DEMO_LOGINS = [
    ("coordinator@example.org", "prosjektkoordinator (daglig prosjektledelse)"),
    ("advisor@example.org", "veileder ved NAV Gjøvik, i prosjektgruppa"),
    ("representative@example.org", "ansatt brukermedvirker i ressursgruppa"),
    ("steering@example.org", "leder ved NAV Gjøvik, i styringsgruppa"),
]

OFFICES = [
    ("gjovik", "NAV Gjøvik", "Gjøvik"),
    ("nordre-land", "NAV Nordre Land", "Nordre Land"),
    ("sondre-land", "NAV Søndre Land", "Søndre Land"),
    ("vestre-toten", "NAV Vestre Toten", "Vestre Toten"),
    ("ostre-toten", "NAV Østre Toten", "Østre Toten"),
]

# (email, name, phone)
PEOPLE = {
    "coordinator": ("coordinator@example.org", "Hanne Lie Bakken", "900 11 223"),
    "project_employee": ("mona.kristiansen@example.org", "Mona Kristiansen", "900 22 334"),
    "head_of_inclusion": ("bjorn.aas@example.org", "Bjørn Aas", ""),
    "leader_gjovik": ("steering@example.org", "Kari Nordahl", ""),
    "leader_nordre_land": ("trond.haugen@example.org", "Trond Haugen", ""),
    "leader_sondre_land": ("anne-lise.brenden@example.org", "Anne-Lise Brenden", ""),
    "leader_vestre_toten": ("per.arne.sveen@example.org", "Per Arne Sveen", ""),
    "leader_ostre_toten": ("ingrid.moen@example.org", "Ingrid Moen", ""),
    "advisor_gjovik": ("advisor@example.org", "Sara Holm", "915 40 112"),
    "advisor_nordre_land": ("jonas.lunde@example.org", "Jonas Lunde", ""),
    "advisor_sondre_land": ("marte.skoglund@example.org", "Marte Skoglund", ""),
    "advisor_vestre_toten": ("eirik.bakke@example.org", "Eirik Bakke", ""),
    "advisor_ostre_toten": ("nina.fossum@example.org", "Nina Fossum", ""),
    "rep_emma": ("representative@example.org", "Emma Johansen", "470 12 345"),
    "rep_sander": ("sander.myhre@example.org", "Sander Myhre", "470 23 456"),
    "member_aisha": ("aisha.mohammed@example.org", "Aisha Mohammed", ""),
    "member_tobias": ("tobias.kvam@example.org", "Tobias Kvam", ""),
    "member_ida": ("ida.solberg@example.org", "Ida Solberg", ""),
    "member_mathias": ("mathias.berg@example.org", "Mathias Berg", ""),
    "member_julie": ("julie.rud@example.org", "Julie Rud", ""),
    "member_leon": ("leon.hagen@example.org", "Leon Hagen", ""),
    "former_rep_mari": ("mari.lien@example.org", "Mari Lien", ""),
}


def programme_period(today: date) -> tuple[date, date]:
    """A programme that started some fifteen months ago and runs another year and a half."""
    start_year, start_month = (
        (today.year - 1, today.month - 3)
        if today.month > 3
        else (
            today.year - 2,
            today.month + 9,
        )
    )
    return date(start_year, start_month, 1), date(today.year + 1, 12, 31)


class _DemoPassword:
    """One hash for every demo login: hashing is slow on purpose, and twenty people would
    take seconds each run. Each distinct stored hash is checked once."""

    def __init__(self, password: str):
        self.password = password
        self._hash = None
        self._checked: dict[str, bool] = {}

    def matches(self, stored: str) -> bool:
        if stored not in self._checked:
            self._checked[stored] = check_password(self.password, stored)
        return self._checked[stored]

    @property
    def hash(self) -> str:
        if self._hash is None:
            self._hash = make_password(self.password)
            self._checked[self._hash] = True
        return self._hash


# Where the young members live (optional, set on "My details"): the representation page counts
# them per municipality, and shows 1 to 4 as "under 5".
HOME_MUNICIPALITIES = {
    "rep_emma": "Gjøvik",
    "rep_sander": "Vestre Toten",
    "member_aisha": "Gjøvik",
    "member_tobias": "Østre Toten",
    "member_ida": "Gjøvik",
    "member_mathias": "Nordre Land",
    "member_leon": "Søndre Land",
}


def _person(key: str, password: _DemoPassword) -> User:
    email, name, phone = PEOPLE[key]
    person, _ = User.objects.get_or_create(
        email=email, defaults={"display_name": name, "phone": phone}
    )
    changed = []
    if person.display_name != name:
        person.display_name = name
        changed.append("display_name")
    municipality = HOME_MUNICIPALITIES.get(key, "")
    if person.municipality != municipality:
        person.municipality = municipality
        changed.append("municipality")
    if not password.matches(person.password):
        person.password = password.hash
        changed.append("password")
    if changed:
        person.save(update_fields=changed)
    return person


def _verify_addresses(people) -> None:
    """The demo logins count as proved addresses: a login needs a verified address."""
    people = list(people)
    have = set(
        EmailAddress.objects.filter(user__in=people, verified=True).values_list(
            "user_id", flat=True
        )
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=person, email=person.email, verified=True, primary=True)
            for person in people
            if person.pk not in have
        ],
        ignore_conflicts=True,
    )


def _member(
    person,
    group,
    role,
    *,
    starts_on,
    office=None,
    ends_on=None,
    end_reason="",
    handover_note="",
    predecessor=None,
):
    membership, _ = Membership.objects.update_or_create(
        person=person,
        group=group,
        defaults={
            "role": role,
            "office": office,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "end_reason": end_reason,
            "handover_note": handover_note,
            "predecessor": predecessor,
        },
    )
    return membership


def seed_participation(*, password: str) -> Programme:
    """Offices, the programme, its three groups with members, and the demo logins."""
    today = timezone.localdate()
    starts_on, ends_on = programme_period(today)
    offices = {}
    for code, name, municipality in OFFICES:
        offices[code], _ = Office.objects.update_or_create(
            code=code, defaults={"name": name, "municipality": municipality}
        )

    programme, _ = Programme.objects.update_or_create(
        slug=PROGRAMME_SLUG,
        defaults={
            "name": "Best på aktivitetsplikt i Gjøvikregionen",
            "description": (
                "Unge som mottar økonomisk sosialhjelp med aktivitetsplikt, og NAV-kontorene i "
                "Gjøvikregionen, utvikler sammen bedre tjenester. Ressursgruppa gir innspill, "
                "og NAV svarer på hva som skjer med dem."
            ),
            "starts_on": starts_on,
            "ends_on": ends_on,
        },
    )
    programme.offices.set(offices.values())

    demo_password = _DemoPassword(password)
    people = {key: _person(key, demo_password) for key in PEOPLE}
    _verify_addresses(people.values())
    programme.coordinators.set([people["coordinator"], people["project_employee"]])

    steering = _group(
        programme,
        "Styringsgruppa for Gjøvikregionen",
        Group.Kind.STEERING,
        "Styringsgruppa eier prosjektet, tar beslutninger om retning og ressurser, og sørger for "
        "forankring i NAV-kontorene.",
    )
    project = _group(
        programme,
        "Prosjektgruppa",
        Group.Kind.PROJECT,
        "Én veileder fra hvert kontor med 10 % av stillingen satt av. Møtes hver tredje uke og "
        "tar ressursgruppas innspill inn i kontorene.",
    )
    resource = _group(
        programme,
        "Ressursgruppa",
        Group.Kind.RESOURCE,
        "Unge med aktivitetsplikt som deler erfaringer med NAV og gir innspill til bedre "
        "tjenester. Møtes annenhver uke på ettermiddagen.",
    )

    role = Membership.Role
    _member(people["head_of_inclusion"], steering, role.CHAIR, starts_on=starts_on)
    for code, key in [
        ("gjovik", "leader_gjovik"),
        ("nordre-land", "leader_nordre_land"),
        ("sondre-land", "leader_sondre_land"),
        ("vestre-toten", "leader_vestre_toten"),
        ("ostre-toten", "leader_ostre_toten"),
    ]:
        _member(people[key], steering, role.LEADER, office=offices[code], starts_on=starts_on)
    _member(people["project_employee"], steering, role.SECRETARY, starts_on=starts_on)
    _member(people["rep_emma"], steering, role.MEMBER, starts_on=starts_on)

    _member(people["project_employee"], project, role.CHAIR, starts_on=starts_on)
    for code, key in [
        ("gjovik", "advisor_gjovik"),
        ("nordre-land", "advisor_nordre_land"),
        ("sondre-land", "advisor_sondre_land"),
        ("vestre-toten", "advisor_vestre_toten"),
        ("ostre-toten", "advisor_ostre_toten"),
    ]:
        _member(people[key], project, role.ADVISOR, office=offices[code], starts_on=starts_on)
    _member(
        people["rep_sander"],
        project,
        role.MEMBER,
        starts_on=starts_on + datetime.timedelta(days=151),
    )

    # Mari was a paid representative until she started studying; Sander took over her seat.
    handover_day = starts_on + datetime.timedelta(days=150)
    mari = _member(
        people["former_rep_mari"],
        resource,
        role.PAID_REPRESENTATIVE,
        starts_on=starts_on,
        ends_on=handover_day,
        end_reason=Membership.EndReason.EDUCATION,
        handover_note=(
            "Jeg har hatt ansvar for å samle erfaringshistoriene før hvert møte og ta dem med "
            "til prosjektgruppa. Innspillet om innkallingsbrevet er ikke ferdig: NAV Gjøvik har "
            "lovet svar. Mona vet hvor utkastene ligger. Lykke til!"
        ),
    )
    _member(people["rep_emma"], resource, role.PAID_REPRESENTATIVE, starts_on=starts_on)
    _member(
        people["rep_sander"],
        resource,
        role.PAID_REPRESENTATIVE,
        starts_on=handover_day + datetime.timedelta(days=1),
        predecessor=mari,
    )
    for key in ["member_aisha", "member_tobias", "member_ida", "member_mathias", "member_julie"]:
        _member(people[key], resource, role.MEMBER, starts_on=starts_on)
    # Leon got a job half-way: those who leave stay in the history, with the reason.
    _member(
        people["member_leon"],
        resource,
        role.MEMBER,
        starts_on=starts_on,
        ends_on=date(today.year, today.month, 1) if today.month > 4 else starts_on,
        end_reason=Membership.EndReason.GOT_JOB,
    )
    return programme


def _group(programme, name, kind, mandate) -> Group:
    group = Group.objects.filter(name=name, kind=kind, programmes=programme).first()
    if group is None:
        group = Group.objects.create(name=name, kind=kind, mandate=mandate)
        group.programmes.add(programme)
    elif group.mandate != mandate:
        group.mandate = mandate
        group.save(update_fields=["mandate"])
    return group
