"""Linking a scale question to the checklist point it measures."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from checklists.models import ChecklistItem

from ..models import Question


@transaction.atomic
def question_link_checklist_item(*, question: Question, item: ChecklistItem | None) -> Question:
    """Say which checklist point a scale question measures (or none); allowed after publishing,
    since it changes no answer."""
    if item is not None:
        if question.kind != Question.Kind.SCALE:
            raise ValidationError({"item": _("Only agreement-scale questions can be compared.")})
        if item.version.template.programme_id != question.survey.programme_id:
            raise ValidationError({"item": _("Choose a point of this programme's checklists.")})
    question.measures_checklist_item = item
    question.save(update_fields=["measures_checklist_item"])
    return question
