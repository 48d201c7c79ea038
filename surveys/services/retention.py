"""Retention in surveys: free-text answers go after a set time (participation.retention)."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from ..models import Answer, Question


def free_text_answers_delete_old(*, today: datetime.date | None = None) -> int:
    """Delete free-text answers given more than MEDVIRK_RETENTION_FREE_TEXT_MONTHS ago (the
    figures of the other questions stay). Returns how many were deleted."""
    today = today or timezone.localdate()
    cutoff = today - relativedelta(months=settings.MEDVIRK_RETENTION_FREE_TEXT_MONTHS)
    deleted, _per_model = Answer.objects.filter(
        question__kind__in=Question.TEXT_KINDS, response__submitted_on__lt=cutoff
    ).delete()
    return deleted
