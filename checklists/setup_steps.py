"""The checklist's step in getting started (participation.selectors.setup)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from participation.models import Programme
from participation.selectors.setup import SetupStep

from .models import ChecklistVersion


def setup_steps(*, programme: Programme) -> list[SetupStep]:
    """Done once the programme has a published first-meeting checklist."""
    published = ChecklistVersion.objects.filter(
        template__programme=programme, published_at__isnull=False
    ).exists()
    return [
        SetupStep(
            "checklist",
            _("Publish the checklist for first meetings"),
            published,
            reverse("checklists:home", args=[programme.slug]),
        )
    ]
