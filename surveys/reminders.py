"""The surveys' reminder kinds, found by participation's sweep (REMINDERS below)."""

from django.utils import timezone

from participation.access import coordinators_view_of
from participation.models import NotificationKind as Kind
from participation.reminders import SweepResult, absolute_url, active_programmes, per_coordinator

from .selectors import surveys_visible_to

SURVEY_CLOSING_DAYS = 3


def survey_reminders(*, now, result: SweepResult) -> None:
    """Published surveys that close within three days, to the coordinators (once per closing
    date)."""
    today = timezone.localdate(now)
    rows = []
    for programme in active_programmes(now):
        # Read as the programme's coordinators do: every survey of the programme.
        surveys = surveys_visible_to(coordinators_view_of(programme))
        for survey in surveys.filter(closes_on__gte=today).order_by("closes_on"):
            if not survey.is_open(today=today):
                continue
            if (survey.closes_on - today).days > SURVEY_CLOSING_DAYS:
                continue
            survey.url = absolute_url(
                "surveys:survey_detail", slug=programme.slug, survey_id=survey.pk
            )
            rows.append((programme, f"survey:{survey.pk}:closes:{survey.closes_on}", survey))
    per_coordinator(Kind.SURVEY_CLOSING, rows, now=now, result=result)


REMINDERS = [survey_reminders]
