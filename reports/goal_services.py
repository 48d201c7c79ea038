"""Writes for programme goals: create, change, archive and restore, each validated in full."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Programme
from surveys.models import Question

from .goals import OFFICE_KINDS
from .models import Goal

FIELDS = (
    "title",
    "why",
    "indicator",
    "question",
    "office",
    "baseline_from",
    "baseline_to",
    "intervention_on",
    "target",
    "higher_is_better",
)


def _check(goal: Goal) -> None:
    """The model's own rules, then what ties the goal to its programme."""
    errors: dict[str, list[str]] = {}
    try:
        goal.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    if goal.indicator == Goal.Indicator.SURVEY_AGREE:
        question = goal.question
        if question is None:
            errors.setdefault("question", []).append(
                _("Choose the statement in the survey that the goal is measured by.")
            )
        elif question.survey.programme_id != goal.programme_id or not question.is_scale:
            errors.setdefault("question", []).append(
                _("Choose an agreement statement from one of the programme's surveys.")
            )
    if goal.office_id:
        if goal.indicator not in OFFICE_KINDS:
            errors.setdefault("office", []).append(
                _("This indicator is for the whole programme. Leave the office empty.")
            )
        elif not goal.programme.offices.filter(pk=goal.office_id).exists():
            errors.setdefault("office", []).append(_("Choose one of the programme's offices."))
    if errors:
        raise ValidationError(errors)


def _apply(goal: Goal, values: dict) -> None:
    for name in FIELDS:
        setattr(goal, name, values.get(name))
    goal.why = goal.why or ""
    # The survey follows the statement chosen; other indicators keep neither.
    question: Question | None = values.get("question")
    if goal.indicator != Goal.Indicator.SURVEY_AGREE:
        question = None
    goal.question = question
    goal.survey = question.survey if question else None


def goal_preview(*, programme: Programme, goal: Goal | None = None, **values) -> Goal:
    """The goal as it would be saved, unsaved: for the baseline rule's warning before saving."""
    preview = Goal(programme=programme) if goal is None else Goal.objects.get(pk=goal.pk)
    _apply(preview, values)
    return preview


@transaction.atomic
def goal_create(*, programme: Programme, **values) -> Goal:
    """A new goal for the programme; nothing is stored when a rule is broken."""
    goal = Goal(programme=programme)
    _apply(goal, values)
    _check(goal)
    goal.save()
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, **values) -> Goal:
    """Change a goal; nothing is stored when a rule is broken."""
    _apply(goal, values)
    _check(goal)
    goal.save()
    return goal


def goal_archive(*, goal: Goal) -> None:
    """Take the goal off the goals page and the report; it can be restored."""
    Goal.objects.filter(pk=goal.pk, archived_at__isnull=True).update(archived_at=timezone.now())


def goal_restore(*, goal: Goal) -> None:
    """Put an archived goal back on the goals page and in the report."""
    Goal.objects.filter(pk=goal.pk).update(archived_at=None)
