"""Thin Celery tasks: take ids, call one service."""

from celery import Task, shared_task
from django.db import transaction

from . import services
from .models import Report


class ReportTask(Task):
    """When the last retry fails too, the report is marked failed with the reason."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        report_id = kwargs.get("report_id", args[0] if args else None)
        if report_id is not None:
            services.report_fail(report_id=report_id, error=exc)


@shared_task(
    base=ReportTask,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=3,
)
def render_report(report_id: int) -> None:
    report = services.report_render(report_id=report_id)
    if report is not None and report.for_meeting_id and report.status == Report.Status.DONE:
        transaction.on_commit(lambda: email_report.delay(report_id), robust=True)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_report(report_id: int) -> None:
    report = Report.objects.select_related("programme", "for_meeting").filter(pk=report_id).first()
    if report is not None:
        services.report_email_steering(report=report)


@shared_task
def run_report_schedule() -> None:
    """Daily: make the reports due before steering meetings, and email finished ones."""
    services.scheduled_reports_make()
    services.scheduled_reports_send()
