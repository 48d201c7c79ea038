"""The report pages: for coordinators and the steering group; everybody else gets a 404."""

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import Report, ReportSchedule
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 test"


def url(name, **kwargs):
    return reverse(f"reports:{name}", kwargs={"slug": "best", **kwargs})


def done_report(programme, **kwargs) -> Report:
    report = ReportFactory(programme=programme, status=Report.Status.DONE, **kwargs)
    report.file.save(report.filename, ContentFile(PDF))
    return report


@pytest.fixture
def fake_pdf():
    with mock.patch.object(services, "steering_report_pdf", return_value=PDF) as render:
        yield render


# --- Who may see ----------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(url("report_archive"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_coordinator_and_steering_member_see_the_archive(login, cast, role):
    done_report(cast.programme)

    response = login(getattr(cast, role)).get(url("report_archive"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Download PDF" in content or "Last ned PDF" in content
    assert "novalidate" in content


@pytest.mark.parametrize("role", ["member", "advisor", "outsider"])
def test_everybody_else_gets_a_404_on_every_page(login, cast, role):
    report = done_report(cast.programme)
    client = login(getattr(cast, role))

    for response in (
        client.get(url("report_archive")),
        client.post(url("report_create"), {}),
        client.get(url("report_detail", report_id=report.pk)),
        client.get(url("report_download", report_id=report.pk)),
        client.post(url("report_retry", report_id=report.pk)),
        client.get(url("report_schedule")),
    ):
        assert response.status_code == 404


def test_a_report_of_another_programme_is_a_404(login, cast):
    other = done_report(cast.other_programme)
    client = login(cast.coordinator)

    assert client.get(url("report_detail", report_id=other.pk)).status_code == 404
    assert client.get(url("report_download", report_id=other.pk)).status_code == 404


# --- Making a report ------------------------------------------------------------------------


def test_the_form_starts_at_the_previous_steering_meeting(login, cast):
    response = login(cast.coordinator).get(url("report_archive"))

    form = response.context["form"]
    assert form.initial["period_start"] == cast.programme.starts_on
    assert form.initial["period_end"] == timezone.localdate()


def test_making_a_report_queues_it_and_shows_its_page(
    login, cast, fake_pdf, django_capture_on_commit_callbacks
):
    start = timezone.localdate() - datetime.timedelta(days=30)
    end = timezone.localdate()
    client = login(cast.leader)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("report_create"), {"period_start": start.isoformat(), "period_end": end.isoformat()}
        )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("report_detail", report_id=report.pk)
    assert (report.period_start, report.period_end) == (start, end)
    assert report.requested_by == cast.leader
    assert report.status == Report.Status.DONE


@pytest.mark.parametrize("language", ["nn", "en"])
def test_the_report_is_made_in_the_language_of_the_person_asking_for_it(
    login, cast, fake_pdf, django_capture_on_commit_callbacks, language
):
    start = timezone.localdate() - datetime.timedelta(days=30)
    end = timezone.localdate()
    client = login(cast.leader)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("report_create"),
            {"period_start": start.isoformat(), "period_end": end.isoformat()},
            HTTP_ACCEPT_LANGUAGE=language,
        )

    report = Report.objects.get()
    assert report.parameters["language"] == language
    assert fake_pdf.call_args.kwargs["language"] == language


def test_bad_dates_are_shown_beside_the_fields_with_the_values_kept(login, cast):
    response = login(cast.coordinator).post(
        url("report_create"), {"period_start": "31.02.2026", "period_end": "2026-11-01"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    assert 'value="31.02.2026"' in content
    assert not Report.objects.exists()


def test_an_end_before_the_start_is_shown_beside_the_end(login, cast):
    response = login(cast.coordinator).post(
        url("report_create"), {"period_start": "2026-10-01", "period_end": "2026-09-01"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["period_end"]
    assert not Report.objects.exists()


# --- The report's page ----------------------------------------------------------------------


def test_a_report_being_made_refreshes_itself_without_javascript(login, cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.RUNNING)

    content = login(cast.coordinator).get(url("report_detail", report_id=report.pk))
    content = content.content.decode()

    assert '<meta http-equiv="refresh" content="5">' in content
    assert url("report_download", report_id=report.pk) not in content


def test_a_ready_report_has_a_download_link_and_no_refresh(login, cast):
    report = done_report(cast.programme)

    content = login(cast.leader).get(url("report_detail", report_id=report.pk)).content.decode()

    assert 'http-equiv="refresh"' not in content
    assert url("report_download", report_id=report.pk) in content


def test_download_gives_the_pdf_as_a_file(login, cast):
    report = done_report(cast.programme)

    response = login(cast.leader).get(url("report_download", report_id=report.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_no_download_before_the_report_is_ready(login, cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.QUEUED)

    response = login(cast.coordinator).get(url("report_download", report_id=report.pk))

    assert response.status_code == 404


def test_a_failed_report_shows_why_and_can_be_tried_again(
    login, cast, fake_pdf, django_capture_on_commit_callbacks
):
    report = ReportFactory(
        programme=cast.programme, status=Report.Status.FAILED, error="OSError: disk full"
    )
    client = login(cast.coordinator)

    content = client.get(url("report_detail", report_id=report.pk)).content.decode()
    assert "OSError: disk full" in content
    assert url("report_retry", report_id=report.pk) in content

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("report_retry", report_id=report.pk))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.DONE


def test_retrying_a_report_that_did_not_fail_changes_nothing(login, cast):
    report = done_report(cast.programme)

    response = login(cast.coordinator).post(url("report_retry", report_id=report.pk))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.DONE


def test_retry_needs_a_post(login, cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.FAILED)

    assert login(cast.coordinator).get(url("report_retry", report_id=report.pk)).status_code == 405


# --- The schedule ---------------------------------------------------------------------------


def test_coordinator_sets_the_schedule(login, cast):
    response = login(cast.coordinator).post(
        url("report_schedule"), {"is_active": "on", "days_before": "7", "attach_pdf": "on"}
    )

    assert response.status_code == 302
    schedule = ReportSchedule.objects.get(programme=cast.programme)
    assert (schedule.is_active, schedule.days_before, schedule.attach_pdf) == (True, 7, True)


def test_schedule_days_out_of_range_are_refused_with_the_value_kept(login, cast):
    response = login(cast.coordinator).post(url("report_schedule"), {"days_before": "90"})

    assert response.status_code == 200
    assert 'value="90"' in response.content.decode()
    assert not ReportSchedule.objects.exists()


def test_steering_member_cannot_change_the_schedule(login, cast):
    assert login(cast.leader).get(url("report_schedule")).status_code == 404


# --- Queries --------------------------------------------------------------------------------


def test_archive_queries_do_not_grow_with_the_number_of_reports(
    login, cast, django_assert_max_num_queries
):
    client = login(cast.coordinator)
    done_report(cast.programme, requested_by=cast.coordinator)
    with django_assert_max_num_queries(30) as few:
        client.get(url("report_archive"))
    for _ in range(8):
        done_report(cast.programme, requested_by=cast.leader)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("report_archive"))
