"""The programme's budget lines (hours, honoraria, travel and other costs) and the other
costs a coordinator records against them. What is used and committed is read in
selectors/budget.py from the same approved timesheets, honoraria and claims as the payroll."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import Programme


class BudgetLine(models.Model):
    """An amount for the programme's period for one kind of cost. Hours, honoraria and
    travel have one line each (their spend is counted from the payroll); other costs (food,
    rooms, training...) may have as many lines as the coordinator needs."""

    class Kind(models.TextChoices):
        HOURS = "hours", _("Paid hours")
        HONORARIA = "honoraria", _("Honoraria")
        TRAVEL = "travel", _("Travel")
        OTHER = "other", _("Other costs")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    amount = models.DecimalField(_("amount for the period (NOK)"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind"],
                condition=~Q(kind="other"),
                name="one_budget_line_per_payroll_kind",
            ),
            models.UniqueConstraint(fields=["programme", "name"], name="budget_line_name_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_from_payroll(self) -> bool:
        return self.kind != self.Kind.OTHER


class OtherCost(models.Model):
    """A cost the coordinator records against a line: food for a meeting, a room, a course.
    Dated on or before today it is used; dated later it is committed."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="other_costs", verbose_name=_("programme")
    )
    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="costs", verbose_name=_("budget line")
    )
    date = models.DateField(_("date"))
    text = models.CharField(_("what it is for"), max_length=200)
    amount = models.DecimalField(_("amount (NOK)"), max_digits=10, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("other cost")
        verbose_name_plural = _("other costs")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="other_cost_positive"),
        ]

    def __str__(self):
        return f"{self.date} {self.text}"
