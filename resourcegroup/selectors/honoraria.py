"""Reads for honoraria and travel claims, scoped to one programme; the payroll extras."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404
from django.utils import timezone

from participation.access import ProgrammeAccess
from participation.models import Attendance, Meeting, Programme, User

from .. import access as rules
from ..models import Honorarium, HonorariumRate, TravelClaim
from ..money import to_ore


def honorarium_rates(*, programme: Programme) -> list[HonorariumRate]:
    return list(HonorariumRate.objects.filter(programme=programme).order_by("-valid_from"))


# --- Honoraria ------------------------------------------------------------------------------


@dataclass
class PersonHonoraria:
    person: User
    honoraria: list[Honorarium] = field(default_factory=list)

    @property
    def paid(self) -> list[Honorarium]:
        return [h for h in self.honoraria if h.status != Honorarium.Status.DECLINED]

    @property
    def meetings(self) -> int:
        return len(self.paid)

    @property
    def amount(self) -> Decimal:
        return to_ore(sum((h.amount for h in self.paid), Decimal("0")))

    @property
    def waiting(self) -> list[Honorarium]:
        return [h for h in self.honoraria if h.status == Honorarium.Status.PROPOSED]

    @property
    def waiting_amount(self) -> Decimal:
        return to_ore(sum((h.amount for h in self.waiting), Decimal("0")))


@dataclass
class HonorariaMonth:
    month: datetime.date
    people: list[PersonHonoraria]

    @property
    def amount(self) -> Decimal:
        return to_ore(sum((p.amount for p in self.people), Decimal("0")))

    @property
    def meetings(self) -> int:
        return sum(p.meetings for p in self.people)

    @property
    def waiting(self) -> int:
        return sum(
            1 for p in self.people for h in p.honoraria if h.status == Honorarium.Status.PROPOSED
        )

    @property
    def waiting_people(self) -> list[PersonHonoraria]:
        """Who gets what when the month is approved: the check step's rows."""
        return [p for p in self.people if p.waiting]

    @property
    def waiting_amount(self) -> Decimal:
        return to_ore(sum((p.waiting_amount for p in self.people), Decimal("0")))

    @property
    def waiting_ids(self) -> str:
        """The waiting honoraria the check step showed, posted back so only they are approved."""
        return ",".join(str(h.pk) for p in self.people for h in p.waiting)

    @property
    def declined(self) -> list[Honorarium]:
        return [
            h for p in self.people for h in p.honoraria if h.status == Honorarium.Status.DECLINED
        ]


def honoraria_month(*, programme: Programme, month: datetime.date) -> HonorariaMonth:
    """The month's honoraria grouped per person, names in order. One query."""
    by_person: dict[int, PersonHonoraria] = {}
    for honorarium in (
        Honorarium.objects.filter(programme=programme, month=month)
        .select_related("person", "meeting__group", "decided_by")
        .order_by("person__display_name", "person_id", "date", "pk")
    ):
        row = by_person.setdefault(honorarium.person_id, PersonHonoraria(honorarium.person))
        row.honoraria.append(honorarium)
    return HonorariaMonth(month=month, people=list(by_person.values()))


@dataclass
class MonthCount:
    month: datetime.date
    meetings: int
    waiting: int
    amount: Decimal


def honoraria_months(*, programme: Programme) -> list[MonthCount]:
    """Months with honoraria, newest first, with counts. One query."""
    months: dict[datetime.date, MonthCount] = {}
    for month, status, amount in Honorarium.objects.filter(programme=programme).values_list(
        "month", "status", "amount"
    ):
        count = months.setdefault(month, MonthCount(month, 0, 0, Decimal("0")))
        if status == Honorarium.Status.DECLINED:
            continue
        count.meetings += 1
        count.amount += amount
        if status == Honorarium.Status.PROPOSED:
            count.waiting += 1
    return sorted(months.values(), key=lambda m: m.month, reverse=True)


def honorarium_for(*, access: ProgrammeAccess, honorarium_id: int) -> Honorarium:
    if not rules.can_manage(access):
        raise Http404
    honorarium = Honorarium.objects.filter(programme=access.programme, pk=honorarium_id).first()
    if honorarium is None:
        raise Http404
    return honorarium


def own_honoraria(*, programme: Programme, person: User) -> list[Honorarium]:
    return list(
        Honorarium.objects.filter(programme=programme, person=person)
        .exclude(status=Honorarium.Status.DECLINED)
        .select_related("meeting__group")
        .order_by("-date")
    )


# --- Travel claims --------------------------------------------------------------------------


def travel_claims_visible_to(*, access: ProgrammeAccess, user: User):
    """Coordinators see every claim of the programme; a member only their own."""
    claims = TravelClaim.objects.filter(programme=access.programme).select_related(
        "person", "meeting__group", "decided_by"
    )
    if not rules.can_manage(access):
        claims = claims.filter(person=user)
    return claims


def travel_claim_list(*, access: ProgrammeAccess, user: User, status: str = "") -> list:
    """Claims waiting for approval first, then the newest."""
    claims = travel_claims_visible_to(access=access, user=user)
    if status:
        claims = claims.filter(status=status)
    claims = list(claims.order_by("-date", "-pk"))
    claims.sort(key=lambda c: c.status != TravelClaim.Status.SUBMITTED)
    return claims


def travel_claim_for(*, access: ProgrammeAccess, user: User, claim_id: int) -> TravelClaim:
    """A claim the user may see (their own, or any for a coordinator); 404 otherwise."""
    claim = travel_claims_visible_to(access=access, user=user).filter(pk=claim_id).first()
    if claim is None:
        raise Http404
    return claim


def attended_meetings(*, programme: Programme, person: User, today: datetime.date, days=120):
    """Meetings of the programme the person was present at recently: the claim form's choices."""
    since = timezone.now() - datetime.timedelta(days=days)
    return (
        Meeting.objects.filter(
            attendances__membership__person=person,
            attendances__membership__group__programmes=programme,
            attendances__status=Attendance.Status.PRESENT,
            starts_at__gte=since,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .distinct()
        .order_by("-starts_at")
    )


def waiting_counts(*, programme: Programme) -> dict[str, int]:
    return {
        "honoraria": Honorarium.objects.filter(
            programme=programme, status=Honorarium.Status.PROPOSED
        ).count(),
        "travel": TravelClaim.objects.filter(
            programme=programme, status=TravelClaim.Status.SUBMITTED
        ).count(),
    }


# --- Payroll ---------------------------------------------------------------------------------


@dataclass
class PayrollExtra:
    """A person's approved honoraria and travel in a month, for the payroll file."""

    person: User
    month: datetime.date
    meetings: int = 0
    honoraria: Decimal = Decimal("0")
    travel: Decimal = Decimal("0")
    approved_by: User | None = None
    approved_at: datetime.datetime | None = None

    @property
    def amount(self) -> Decimal:
        return to_ore(self.honoraria + self.travel)

    def add_decision(self, by, at) -> None:
        if at and (self.approved_at is None or at > self.approved_at):
            self.approved_by, self.approved_at = by, at


def payroll_extras(*, programme: Programme, month: datetime.date) -> dict[int, PayrollExtra]:
    """Approved honoraria and travel of the month per person id. Two queries."""
    return {
        person_id: extra
        for (_month, person_id), extra in _approved_extras(programme, month=month).items()
    }


def payroll_extras_until(
    *, programme: Programme, until: datetime.date | None = None
) -> list[PayrollExtra]:
    """Every month's payroll extras (as in each month's payroll file) up to ``until``'s
    month, or all of them. Two queries, however many months."""
    return list(_approved_extras(programme, until=until).values())


def _approved_extras(
    programme: Programme,
    *,
    month: datetime.date | None = None,
    until: datetime.date | None = None,
) -> dict[tuple[datetime.date, int], PayrollExtra]:
    """Approved honoraria and travel per (month, person id): the payroll file's extras."""
    extras: dict[tuple[datetime.date, int], PayrollExtra] = {}
    months = {}
    if month is not None:
        months["month"] = month
    if until is not None:
        months["month__lte"] = until

    def extra(item) -> PayrollExtra:
        return extras.setdefault(
            (item.month, item.person_id), PayrollExtra(person=item.person, month=item.month)
        )

    for honorarium in Honorarium.objects.filter(
        programme=programme, status=Honorarium.Status.APPROVED, **months
    ).select_related("person", "decided_by"):
        row = extra(honorarium)
        row.meetings += 1
        row.honoraria += honorarium.amount
        row.add_decision(honorarium.decided_by, honorarium.decided_at)
    for claim in TravelClaim.objects.filter(
        programme=programme, status=TravelClaim.Status.APPROVED, **months
    ).select_related("person", "decided_by"):
        row = extra(claim)
        row.travel += claim.amount
        row.add_decision(claim.decided_by, claim.decided_at)
    for row in extras.values():
        row.honoraria, row.travel = to_ore(row.honoraria), to_ore(row.travel)
    return extras


def payroll_extra_months(*, programme: Programme) -> list[datetime.date]:
    """Months with approved honoraria or travel, newest first."""
    months = set(
        Honorarium.objects.filter(programme=programme, status=Honorarium.Status.APPROVED)
        .values_list("month", flat=True)
        .distinct()
    ) | set(
        TravelClaim.objects.filter(programme=programme, status=TravelClaim.Status.APPROVED)
        .values_list("month", flat=True)
        .distinct()
    )
    return sorted(months, reverse=True)
