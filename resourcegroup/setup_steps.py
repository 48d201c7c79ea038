"""The budget's step in getting started (participation.selectors.setup)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from participation.models import Programme
from participation.selectors.setup import SetupStep

from .models import BudgetLine


def setup_steps(*, programme: Programme) -> list[SetupStep]:
    """Done once the programme has at least one budget line."""
    return [
        SetupStep(
            "budget",
            _("Set up the budget lines"),
            BudgetLine.objects.filter(programme=programme).exists(),
            reverse("resourcegroup:budget_lines", args=[programme.slug]),
        )
    ]
