"""Writes for the budget: the programme's budget lines and the other costs recorded on them."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participation.models import Programme, User

from ..models import BudgetLine, OtherCost


@transaction.atomic
def budget_line_save(
    *,
    programme: Programme,
    kind: str,
    name: str,
    amount: Decimal,
    line: BudgetLine | None = None,
) -> BudgetLine:
    """Create a line, or change one of the programme's. Hours, honoraria and travel have one
    line each; a line that has other costs recorded keeps its kind."""
    if line is None:
        line = BudgetLine(programme=programme)
    elif line.programme_id != programme.pk:
        raise ValidationError(_("This budget line belongs to another programme."))
    if line.pk and line.kind != kind and line.costs.exists():
        raise ValidationError(
            {"kind": _("Costs are recorded on this line, so its kind cannot change.")}
        )
    line.kind, line.name, line.amount = kind, name.strip(), amount
    taken = BudgetLine.objects.filter(programme=programme).exclude(pk=line.pk)
    errors = {}
    if kind != BudgetLine.Kind.OTHER and taken.filter(kind=kind).exists():
        errors["kind"] = _("The programme already has a line for %(kind)s.") % {
            "kind": BudgetLine.Kind(kind).label.lower()
        }
    if taken.filter(name__iexact=line.name).exists():
        errors["name"] = _("Another line already has this name.")
    if errors:
        raise ValidationError(errors)
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def other_cost_add(
    *,
    programme: Programme,
    line: BudgetLine,
    date: datetime.date,
    text: str,
    amount: Decimal,
    by: User,
) -> OtherCost:
    """Record a cost on one of the programme's lines, within the programme's period."""
    if line.programme_id != programme.pk:
        raise ValidationError({"line": _("Choose one of the programme's budget lines.")})
    errors = {}
    if date < programme.starts_on or (programme.ends_on and date > programme.ends_on):
        errors["date"] = _("The date must be within the programme's period.")
    if amount is not None and amount <= 0:
        errors["amount"] = _("The amount must be more than zero.")
    if errors:
        raise ValidationError(errors)
    cost = OtherCost(
        programme=programme, line=line, date=date, text=text.strip(), amount=amount, created_by=by
    )
    cost.full_clean()
    cost.save()
    return cost


@transaction.atomic
def other_cost_delete(*, programme: Programme, cost: OtherCost) -> None:
    """Remove a cost recorded by mistake (the model history keeps who removed it)."""
    if cost.programme_id != programme.pk:
        raise ValidationError(_("This cost belongs to another programme."))
    cost.delete()
