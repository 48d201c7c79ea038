"""Before each steering meeting: the report is made once and the members get a link."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from participation.models import NotificationChannel, NotificationKind, NotificationPreference
from participation.services.meetings import local_datetime
from reports import services, tasks
from reports.models import Report, ReportSchedule
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

PDF = b"%PDF-1.7 test"


@pytest.fixture(autouse=True)
def fake_pdf(settings):
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    settings.MEDVIRK_STEERING_REPORT_DAYS_BEFORE = 5
    with mock.patch.object(services, "steering_report_pdf", return_value=PDF) as render:
        yield render


def at(days, hour=10):
    return local_datetime(timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour))


@pytest.fixture
def steering_meeting(cast):
    start = at(4, 9)
    return MeetingFactory(
        group=cast.steering_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


def run_schedule(now, callbacks):
    with callbacks(execute=True):
        made = services.scheduled_reports_make(now=now)
    return made


def test_the_report_is_made_once_for_a_meeting_within_the_days_before(
    cast, steering_meeting, django_capture_on_commit_callbacks
):
    made = run_schedule(at(0), django_capture_on_commit_callbacks)
    again = run_schedule(at(0, 11), django_capture_on_commit_callbacks)

    (report,) = made
    assert again == []
    report.refresh_from_db()
    assert report.for_meeting == steering_meeting
    assert report.status == Report.Status.DONE
    assert report.requested_by is None


def test_no_report_for_a_meeting_further_away_or_when_switched_off(
    cast, django_capture_on_commit_callbacks
):
    start = at(8, 9)
    MeetingFactory(
        group=cast.steering_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    assert run_schedule(at(0), django_capture_on_commit_callbacks) == []

    ReportSchedule.objects.create(programme=cast.programme, days_before=10, is_active=False)
    assert run_schedule(at(0), django_capture_on_commit_callbacks) == []


def test_the_days_before_are_set_per_programme(cast, django_capture_on_commit_callbacks):
    start = at(8, 9)
    MeetingFactory(
        group=cast.steering_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    ReportSchedule.objects.create(programme=cast.programme, days_before=10)

    assert len(run_schedule(at(0), django_capture_on_commit_callbacks)) == 1


def test_steering_members_get_a_link_once_and_no_attachment(
    cast, steering_meeting, django_capture_on_commit_callbacks
):
    second = MembershipFactory(group=cast.steering_group, person__email="leder2@example.org")
    run_schedule(at(0), django_capture_on_commit_callbacks)
    report = Report.objects.get()

    services.scheduled_reports_send(now=at(0, 12))

    assert sorted(m.to[0] for m in mail.outbox) == ["leader@example.org", second.person.email]
    message = mail.outbox[0]
    assert f"https://medvirk.example.no/p/best/reports/{report.pk}/" in message.body
    assert message.attachments == []
    assert "https://medvirk.example.no/account/notifications/" in message.body
    report.refresh_from_db()
    assert report.emailed_at is not None
    assert [m.to for m in mail.outbox].count(["leader@example.org"]) == 1


def test_the_pdf_is_attached_where_the_programme_allows_it(
    cast, steering_meeting, django_capture_on_commit_callbacks
):
    ReportSchedule.objects.create(programme=cast.programme, attach_pdf=True)
    run_schedule(at(0), django_capture_on_commit_callbacks)
    # Sent straight after rendering by day; a test run at night sends it here.
    services.scheduled_reports_send(now=at(0, 12))

    (message,) = mail.outbox
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".pdf") and content == PDF and mimetype == "application/pdf"


def test_a_report_finished_at_night_is_emailed_in_the_morning(
    cast, steering_meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.scheduled_reports_make(now=at(0, 23))
    report = Report.objects.get()
    services.report_render(report_id=report.pk)
    services.report_email_steering(report=Report.objects.get(), now=at(0, 23))
    assert mail.outbox == []

    services.scheduled_reports_send(now=at(1, 8))

    assert [m.to for m in mail.outbox] == [["leader@example.org"]]
    assert callbacks  # the render task was queued


def test_a_member_who_chose_nothing_gets_nothing(
    cast, steering_meeting, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        person=cast.leader, kind=NotificationKind.STEERING_REPORT, channel=NotificationChannel.NONE
    )

    run_schedule(at(0), django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_the_daily_task_makes_and_sends(cast, steering_meeting):
    with (
        mock.patch.object(services, "scheduled_reports_make") as make,
        mock.patch.object(services, "scheduled_reports_send") as send,
    ):
        tasks.run_report_schedule.delay()

    make.assert_called_once()
    send.assert_called_once()
