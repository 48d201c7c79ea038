"""The survey's step in getting started (participation.selectors.setup)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from participation.models import Programme
from participation.selectors.setup import SetupStep

from .models import Survey


def setup_steps(*, programme: Programme) -> list[SetupStep]:
    """Done once the programme has published a survey (open or closed since)."""
    published = Survey.objects.filter(
        programme=programme, status__in=[Survey.Status.PUBLISHED, Survey.Status.CLOSED]
    ).exists()
    return [
        SetupStep(
            "survey",
            _("Publish the survey"),
            published,
            reverse("surveys:survey_list", args=[programme.slug]),
        )
    ]
