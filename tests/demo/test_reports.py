"""The demo's reports: two finished steering reports, made once however often it runs."""

import pytest

from participation.models import NotificationPreference
from reports.demo import seed_reports
from reports.models import Report, ReportSchedule

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_seed_reports_is_idempotent_and_leaves_finished_reports(demo_programme, settings):
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    programme = demo_programme

    seed_reports(programme=programme)
    counts = (
        Report.objects.count(),
        ReportSchedule.objects.count(),
        NotificationPreference.objects.count(),
    )
    files = sorted(Report.objects.values_list("file", flat=True))
    seed_reports(programme=programme)

    assert counts[0] == 2
    assert (
        Report.objects.count(),
        ReportSchedule.objects.count(),
        NotificationPreference.objects.count(),
    ) == counts
    assert sorted(Report.objects.values_list("file", flat=True)) == files
    for report in Report.objects.all():
        assert report.status == Report.Status.DONE
        assert report.file.read(4) == b"%PDF"
        assert report.emailed_at is not None
    reminder = NotificationPreference.objects.get(
        person__email="representative@example.org", kind="meeting_reminder"
    )
    assert reminder.channel == "sms"
