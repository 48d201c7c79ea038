"""Retention in resourcegroup: what is removed when its time is up (participation.retention)."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from participation.privacy import REMOVED

from ..models import Story


def stories_remove_old_text(*, today: datetime.date | None = None) -> int:
    """Replace the original text of stories written more than MEDVIRK_RETENTION_STORY_MONTHS
    ago; the anonymised version and the themes stay. Returns how many were emptied."""
    today = today or timezone.localdate()
    cutoff = today - relativedelta(months=settings.MEDVIRK_RETENTION_STORY_MONTHS)
    return Story.objects.filter(written_on__lt=cutoff).exclude(text=REMOVED).update(text=REMOVED)
