"""Demo budget (seed_demo): the programme's budget lines and a few other costs, dated
relative to today so the budget page shows used and committed costs on any date."""

import datetime
from decimal import Decimal

from django.utils import timezone

from participation.models import Programme, User

from .models import BudgetLine, OtherCost
from .services import budget as budget_services

LINES = [
    (BudgetLine.Kind.HOURS, "Timer", "120000"),
    (BudgetLine.Kind.HONORARIA, "Honorar", "40000"),
    (BudgetLine.Kind.TRAVEL, "Reise", "15000"),
    (BudgetLine.Kind.OTHER, "Mat og lokaler", "20000"),
    (BudgetLine.Kind.OTHER, "Opplæring", "10000"),
]

# (days from today, line, text, amount): the last two lie ahead, so they are committed.
COSTS = [
    (-300, "Mat og lokaler", "Pizza og brus til ressursgruppemøtet", "1450.00"),
    (-240, "Opplæring", "Kurs i taushetsplikt og rollen som brukermedvirker", "4500.00"),
    (-180, "Mat og lokaler", "Fagdag på Gjøvik: lokaler og lunsj for 40", "8900.00"),
    (-90, "Mat og lokaler", "Leie av møterom på biblioteket i Raufoss", "1200.00"),
    (-30, "Mat og lokaler", "Middag etter ressursgruppemøtet før jul", "2350.00"),
    (21, "Opplæring", "Påfyll: samtaleteknikk for brukermedvirkere", "3000.00"),
    (45, "Mat og lokaler", "Fagdag om aktivitetsplikt: lokaler og lunsj", "6000.00"),
]


def seed_budget(*, programme: Programme, coordinator: User | None) -> None:
    """Lines and other costs, each only once (lines by name; costs when there are none)."""
    existing = set(BudgetLine.objects.filter(programme=programme).values_list("name", flat=True))
    for kind, name, amount in LINES:
        if name not in existing and not (
            kind != BudgetLine.Kind.OTHER
            and BudgetLine.objects.filter(programme=programme, kind=kind).exists()
        ):
            budget_services.budget_line_save(
                programme=programme, kind=kind, name=name, amount=Decimal(amount)
            )
    if coordinator is None or OtherCost.objects.filter(programme=programme).exists():
        return
    lines = {line.name: line for line in BudgetLine.objects.filter(programme=programme)}
    today = timezone.localdate()
    for days, line_name, text, amount in COSTS:
        date = _within(programme, today + datetime.timedelta(days=days))
        if line_name in lines:
            budget_services.other_cost_add(
                programme=programme,
                line=lines[line_name],
                date=date,
                text=text,
                amount=Decimal(amount),
                by=coordinator,
            )


def _within(programme: Programme, day: datetime.date) -> datetime.date:
    day = max(day, programme.starts_on)
    return min(day, programme.ends_on) if programme.ends_on else day
