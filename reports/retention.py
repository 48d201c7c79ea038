"""Retention in reports: archived reports and their files go after a set time."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from .models import Report


def reports_delete_old(*, now: datetime.datetime | None = None) -> int:
    """Delete reports (and their PDF files) requested more than
    MEDVIRK_RETENTION_REPORT_MONTHS ago. Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - relativedelta(months=settings.MEDVIRK_RETENTION_REPORT_MONTHS)
    old = list(Report.objects.filter(requested_at__lt=cutoff))
    for report in old:
        if report.file:
            report.file.delete(save=False)
    Report.objects.filter(pk__in=[report.pk for report in old]).delete()
    return len(old)
