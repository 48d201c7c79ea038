"""Making a report: queued → running → done (or failed with the reason), retries for
transient errors, a retry by hand, and never two workers on one report."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from reports import services, tasks
from reports.models import Report
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 test"


@pytest.fixture
def retries_in_process(monkeypatch):
    """Run a task's retries in-process one after another, as a worker would, instead of
    raising the first Retry to the caller."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.fixture
def fake_pdf():
    with mock.patch.object(services, "steering_report_pdf", return_value=PDF) as render:
        yield render


def test_request_queues_the_report_and_renders_it_after_commit(
    cast, fake_pdf, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.report_request(programme=cast.programme, requested_by=cast.coordinator)
    assert report.status == Report.Status.QUEUED
    assert len(callbacks) == 1

    callbacks[0]()

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.file.read() == PDF
    assert report.started_at and report.finished_at and report.duration is not None
    assert report.attempts == 1
    assert report.requested_by == cast.coordinator


def test_without_a_page_language_the_report_follows_the_requesters_stored_language(
    cast, fake_pdf, django_capture_on_commit_callbacks
):
    cast.leader.language = "nn"
    cast.leader.save(update_fields=["language"])

    with django_capture_on_commit_callbacks(execute=True):
        asked = services.report_request(programme=cast.programme, requested_by=cast.leader)
        unknown = services.report_request(
            programme=cast.programme, requested_by=None, language="de"
        )

    assert asked.parameters["language"] == "nn"
    assert unknown.parameters["language"] == "nb"  # not a language of the service: the default
    assert [call.kwargs["language"] for call in fake_pdf.call_args_list] == ["nn", "nb"]


def test_default_period_runs_from_the_previous_steering_meeting_until_today(cast):
    from tests.participation.factories_meetings import MeetingFactory, days_from_now

    MeetingFactory(group=cast.steering_group, starts_at=days_from_now(-40))
    MeetingFactory(group=cast.steering_group, starts_at=days_from_now(-12))
    MeetingFactory(group=cast.steering_group, starts_at=days_from_now(30))

    period = services.default_period(programme=cast.programme)

    today = timezone.localdate()
    assert period.start == today - datetime.timedelta(days=12)
    assert period.end == today


def test_default_period_without_steering_meetings_starts_with_the_programme(cast):
    period = services.default_period(programme=cast.programme)

    assert period.start == cast.programme.starts_on


def test_an_end_before_the_start_is_refused_and_nothing_is_stored(cast):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.report_request(
            programme=cast.programme,
            requested_by=cast.coordinator,
            period_start=today - datetime.timedelta(days=1),
            period_end=today - datetime.timedelta(days=5),
        )

    assert "period_end" in error.value.message_dict
    assert not Report.objects.exists()


def test_a_period_starting_in_the_future_is_refused(cast):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.report_request(
            programme=cast.programme,
            requested_by=cast.coordinator,
            period_start=tomorrow,
            period_end=tomorrow,
        )

    assert "period_start" in error.value.message_dict


def test_a_report_that_is_running_is_not_taken_by_a_second_worker(cast, fake_pdf):
    report = ReportFactory(
        programme=cast.programme, status=Report.Status.RUNNING, started_at=timezone.now()
    )

    assert services.report_render(report_id=report.pk) is None
    fake_pdf.assert_not_called()


def test_a_report_whose_worker_died_long_ago_is_taken_over(cast, fake_pdf):
    report = ReportFactory(
        programme=cast.programme,
        status=Report.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=2),
        attempts=1,
    )

    done = services.report_render(report_id=report.pk)

    assert done.status == Report.Status.DONE
    assert done.attempts == 2


def test_a_finished_report_is_not_rendered_again(cast, fake_pdf):
    report = ReportFactory(programme=cast.programme, status=Report.Status.DONE)

    assert services.report_render(report_id=report.pk) is None


def test_a_permanent_error_fails_at_once_with_the_reason(cast):
    report = ReportFactory(programme=cast.programme)
    with mock.patch.object(
        services, "steering_report_pdf", side_effect=ValueError("a template is broken")
    ):
        tasks.render_report.delay(report.pk)

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.error == "ValueError: a template is broken"
    assert report.attempts == 1
    assert report.finished_at is not None


def test_a_transient_error_is_retried_and_the_report_then_done(cast, retries_in_process):
    report = ReportFactory(programme=cast.programme)
    with mock.patch.object(
        services, "steering_report_pdf", side_effect=[OSError("disk busy"), PDF]
    ) as render:
        tasks.render_report.apply(args=(report.pk,))

    report.refresh_from_db()
    assert render.call_count == 2
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert report.error == ""


def test_a_transient_error_that_lasts_fails_after_the_last_retry_with_the_reason(
    cast, retries_in_process
):
    report = ReportFactory(programme=cast.programme)
    with mock.patch.object(
        services, "steering_report_pdf", side_effect=OSError("storage is down")
    ) as render:
        result = tasks.render_report.apply(args=(report.pk,))

    assert isinstance(result.result, OSError)
    report.refresh_from_db()
    assert render.call_count == 1 + tasks.render_report.max_retries
    assert report.status == Report.Status.FAILED
    assert report.error == "OSError: storage is down"


def test_a_failed_report_can_be_tried_again(cast, fake_pdf, django_capture_on_commit_callbacks):
    report = ReportFactory(programme=cast.programme, status=Report.Status.FAILED, error="x")

    with django_capture_on_commit_callbacks(execute=True):
        services.report_retry(report=report)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.error == ""


def test_only_a_failed_report_can_be_tried_again(cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.DONE)

    with pytest.raises(ValidationError):
        services.report_retry(report=report)


def test_with_tasks_run_in_process_a_transient_error_marks_the_report_failed(
    cast, django_capture_on_commit_callbacks
):
    with mock.patch.object(services, "steering_report_pdf", side_effect=OSError("disk full")):
        with django_capture_on_commit_callbacks(execute=True):
            report = services.report_request(
                programme=cast.programme, requested_by=cast.coordinator
            )

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.error == "OSError: disk full"


def _hours_section_breaks(monkeypatch):
    from reports import sections

    def broken(**kwargs):
        raise RuntimeError("budget table locked")

    monkeypatch.setattr(sections, "budget_overview", broken)


def test_a_section_that_raises_fails_the_report_after_retries_with_its_reason_and_no_pdf(
    cast, retries_in_process, monkeypatch
):
    _hours_section_breaks(monkeypatch)
    report = ReportFactory(programme=cast.programme)

    with mock.patch.object(services, "render_pdf", return_value=PDF) as render:
        result = tasks.render_report.apply(args=(report.pk,))

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    # Tried once and then retried, never rendered with "no data" in place of the section.
    assert report.attempts == 1 + tasks.render_report.max_retries
    assert render.call_count == 0
    assert not report.file
    assert report.error == "hours: RuntimeError: budget table locked"
    assert report.parameters["failed_section"] == "hours"
    assert result.failed()


def test_a_section_that_fails_once_is_retried_and_the_report_then_done(
    cast, retries_in_process, monkeypatch
):
    from reports import sections

    calls = []
    real = sections.budget_overview

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a moment's hiccup")
        return real(**kwargs)

    monkeypatch.setattr(sections, "budget_overview", flaky)
    report = ReportFactory(programme=cast.programme)

    with mock.patch.object(services, "render_pdf", return_value=PDF):
        tasks.render_report.apply(args=(report.pk,))

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert "failed_section" not in report.parameters


def test_the_report_page_names_the_failed_part_in_plain_language(
    cast, login, retries_in_process, monkeypatch
):
    _hours_section_breaks(monkeypatch)
    report = ReportFactory(programme=cast.programme)
    with mock.patch.object(services, "render_pdf", return_value=PDF):
        tasks.render_report.apply(args=(report.pk,))

    client = login(cast.coordinator)
    with translation.override("en"):
        page = client.get(
            reverse(
                "reports:report_detail",
                kwargs={"slug": cast.programme.slug, "report_id": report.pk},
            )
        )

    body = page.content.decode()
    assert "could not read the figures for the part “Paid hours and budget”" in body
    assert "It tried 4 times." in body


def test_every_section_has_a_name_for_the_failure_message():
    from reports.failures import SECTION_NAMES
    from reports.sections import SECTIONS

    assert {section.__name__ for section in SECTIONS} <= set(SECTION_NAMES)
