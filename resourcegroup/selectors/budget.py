"""The budget: what the programme has paid and owes, and each budget line's used, committed
and left. The one place the budget page, the payroll page and the steering report take their
totals from, so the three always agree."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from participation.models import Programme

from ..models import BudgetLine, Honorarium, OtherCost, TravelClaim
from ..money import to_ore
from .honoraria import payroll_extras_until
from .hours import BudgetOverview, budget_overview

ZERO = Decimal("0")
# How far the share used may run ahead of the share of the period gone before it is flagged.
PACE_MARGIN = Decimal("10")


@dataclass(frozen=True)
class SpendTotals:
    """Approved pay as in the payroll files (hours, honoraria, travel) and what waits for
    approval. ``until`` limits the approved part to months up to and including its month."""

    hours: Decimal
    hours_amount: Decimal
    honoraria: Decimal
    travel: Decimal
    waiting_hours: Decimal
    waiting_hours_amount: Decimal
    waiting_honoraria: Decimal
    waiting_travel: Decimal

    @property
    def amount(self) -> Decimal:
        return self.hours_amount + self.honoraria + self.travel

    @property
    def waiting_amount(self) -> Decimal:
        return self.waiting_hours_amount + self.waiting_honoraria + self.waiting_travel


def spend_totals(*, programme: Programme, until: datetime.date | None = None) -> SpendTotals:
    """The sums of the approved payroll (the same selectors the payroll file is made from,
    month by month) up to ``until``'s month, and everything still waiting for approval."""
    return _spend_totals(programme, budget_overview(programme=programme), until)


def _spend_totals(
    programme: Programme, overview: BudgetOverview, until: datetime.date | None
) -> SpendTotals:
    months = [m for m in overview.months if until is None or m.month <= until]
    extras = payroll_extras_until(programme=programme, until=until)
    honoraria = sum((extra.honoraria for extra in extras), ZERO)
    travel = sum((extra.travel for extra in extras), ZERO)
    waiting_honoraria = Honorarium.objects.filter(
        programme=programme, status=Honorarium.Status.PROPOSED
    ).aggregate(total=Sum("amount"))["total"]
    waiting_travel = TravelClaim.objects.filter(
        programme=programme, status=TravelClaim.Status.SUBMITTED
    ).aggregate(total=Sum("amount"))["total"]
    return SpendTotals(
        hours=months[-1].cumulative_hours if months else ZERO,
        hours_amount=to_ore(sum((m.amount for m in months), ZERO)),
        honoraria=to_ore(honoraria),
        travel=to_ore(travel),
        waiting_hours=overview.waiting_hours,
        waiting_hours_amount=overview.waiting_amount,
        waiting_honoraria=to_ore(waiting_honoraria or ZERO),
        waiting_travel=to_ore(waiting_travel or ZERO),
    )


def period_share_gone(*, programme: Programme, today: datetime.date) -> Decimal | None:
    """The share (0–100) of the programme's period that has gone by today; None without an end."""
    if programme.ends_on is None:
        return None
    days = (programme.ends_on - programme.starts_on).days + 1
    gone = min(max((today - programme.starts_on).days + 1, 0), days)
    return (Decimal(gone) * 100 / days).quantize(Decimal("1"))


@dataclass
class LineStatus:
    line: BudgetLine
    used: Decimal
    committed: Decimal
    period_share: Decimal | None

    @property
    def left(self) -> Decimal:
        return self.line.amount - self.used - self.committed

    @property
    def percent_used(self) -> Decimal | None:
        if not self.line.amount:
            return None
        return (self.used * 100 / self.line.amount).quantize(Decimal("1"))

    @property
    def pace(self) -> str:
        """ "over" past the amount, "ahead" when the share used runs more than ten points
        ahead of the share of the period gone, "on_track" otherwise; "" when unknown."""
        if self.left < 0:
            return "over"
        if self.percent_used is None or self.period_share is None:
            return ""
        if self.percent_used > self.period_share + PACE_MARGIN:
            return "ahead"
        return "on_track"


@dataclass
class BudgetStatus:
    lines: list[LineStatus]
    totals: SpendTotals
    overview: BudgetOverview
    period_share: Decimal | None
    other_costs: list[OtherCost] = field(default_factory=list)

    @property
    def amount(self) -> Decimal:
        return sum((s.line.amount for s in self.lines), ZERO)

    @property
    def used(self) -> Decimal:
        return sum((s.used for s in self.lines), ZERO)

    @property
    def committed(self) -> Decimal:
        return sum((s.committed for s in self.lines), ZERO)

    @property
    def left(self) -> Decimal:
        return self.amount - self.used - self.committed


def budget_lines(*, programme: Programme) -> list[BudgetLine]:
    return list(BudgetLine.objects.filter(programme=programme).order_by("pk"))


def budget_status(
    *, programme: Programme, today: datetime.date, until: datetime.date | None = None
) -> BudgetStatus:
    """Each line with what is used (approved pay; other costs dated up to today) and
    committed (pay waiting for approval; other costs dated later), against the period gone.
    ``until`` limits approved pay to months up to its month, as spend_totals does."""
    overview = budget_overview(programme=programme)
    totals = _spend_totals(programme, overview, until)
    share = period_share_gone(programme=programme, today=today)
    from_payroll = {
        BudgetLine.Kind.HOURS: (totals.hours_amount, totals.waiting_hours_amount),
        BudgetLine.Kind.HONORARIA: (totals.honoraria, totals.waiting_honoraria),
        BudgetLine.Kind.TRAVEL: (totals.travel, totals.waiting_travel),
    }
    costs = list(
        OtherCost.objects.filter(programme=programme)
        .select_related("line", "created_by")
        .order_by("-date", "-pk")
    )
    statuses = []
    for line in budget_lines(programme=programme):
        used, committed = from_payroll.get(line.kind, (ZERO, ZERO))
        for cost in costs:
            if cost.line_id == line.pk:
                if cost.date <= today:
                    used += cost.amount
                else:
                    committed += cost.amount
        statuses.append(LineStatus(line, used, committed, share))
    return BudgetStatus(
        lines=statuses, totals=totals, overview=overview, period_share=share, other_costs=costs
    )
