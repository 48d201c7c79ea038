"""The demo's reports: two finished steering reports, made once however often it runs."""

import pytest
from django.core.management import call_command

from participation.models import NotificationPreference, Programme
from reports.demo import seed_reports
from reports.models import Report, ReportSchedule

pytestmark = pytest.mark.django_db


def test_seed_reports_is_idempotent_and_leaves_finished_reports(tmp_path, settings):
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    call_command("seed_demo", stdout=open(tmp_path / "out.txt", "w"))
    programme = Programme.objects.get(slug="best-pa-aktivitetsplikt")

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
