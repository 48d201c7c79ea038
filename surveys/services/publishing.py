"""Publishing a survey, closing it, and starting a new round of answers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Round, Survey
from .builder import _check_all_conditions


@transaction.atomic
def survey_publish(*, survey: Survey, today: datetime.date | None = None) -> Survey:
    """Open the survey at its public link; the first publishing starts the baseline round."""
    today = today or timezone.localdate()
    if survey.status not in (Survey.Status.DRAFT, Survey.Status.REVIEW):
        raise ValidationError(_("The survey is already published."))
    if not survey.questions.exists():
        raise ValidationError(_("Add at least one question before publishing."))
    if not survey.offices.exists():
        raise ValidationError(_("Choose at least one office before publishing."))
    _check_all_conditions(survey)
    survey.status = Survey.Status.PUBLISHED
    survey.published_on = today
    survey.save(update_fields=["status", "published_on"])
    if not survey.rounds.exists():
        # Stored text is in the programme's language, whatever the coordinator's screen shows.
        with translation.override("nb"):
            name = _("Baseline")
        Round.objects.create(survey=survey, name=name, starts_on=survey.opens_on or today)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey) -> Survey:
    """Stop taking answers; the link then shows a kind "closed" page."""
    if survey.status != Survey.Status.PUBLISHED:
        raise ValidationError(_("Only a published survey can be closed."))
    survey.status = Survey.Status.CLOSED
    survey.save(update_fields=["status"])
    return survey


@transaction.atomic
def survey_reopen(*, survey: Survey) -> Survey:
    """Take answers again at the same link (check the open dates too)."""
    if survey.status != Survey.Status.CLOSED:
        raise ValidationError(_("Only a closed survey can be opened again."))
    survey.status = Survey.Status.PUBLISHED
    survey.save(update_fields=["status"])
    return survey


@transaction.atomic
def round_start(*, survey: Survey, name: str, starts_on: datetime.date) -> Round:
    """A new round from the given day; the round before it ends the day before."""
    if not survey.is_published:
        raise ValidationError(_("Publish the survey before starting a new round."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the round a name, for example “Autumn 2025”.")})
    previous = survey.rounds.select_for_update().order_by("-starts_on").first()
    if previous is not None and starts_on <= previous.starts_on:
        raise ValidationError(
            {
                "starts_on": _("The new round must start after %(date)s.")
                % {"date": date_format(previous.starts_on, "DATE_FORMAT")}
            }
        )
    if previous is not None:
        previous.ends_on = starts_on - datetime.timedelta(days=1)
        previous.save(update_fields=["ends_on"])
    new_round = Round(survey=survey, name=name[:100], starts_on=starts_on)
    new_round.full_clean()
    new_round.save()
    return new_round
