"""PDF renders go to a queue of their own, so that reminders never wait behind them."""

import pytest
from django.conf import settings

from config.celery import app


def queue_of(task_name: str) -> str:
    return app.amqp.router.route({}, task_name)["queue"].name


def test_the_steering_report_render_goes_to_the_pdf_queue():
    assert settings.MEDVIRK_PDF_QUEUE == "pdf"
    assert queue_of("reports.tasks.render_report") == "pdf"


@pytest.mark.parametrize(
    "task",
    [
        "participation.tasks.run_reminder_sweep",
        "participation.tasks.remind_input_owners",
        "participation.tasks.send_invitation",
        "reports.tasks.run_report_schedule",
        "reports.tasks.email_report",
    ],
)
def test_reminders_and_emails_stay_on_the_default_queue(task):
    assert queue_of(task) == "celery"


def test_every_scheduled_task_is_on_the_default_queue():
    # Beat's own entries are light; the renders they start are routed to "pdf" when queued.
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert queue_of(entry["task"]) == "celery", entry["task"]


def test_a_plain_worker_takes_both_queues():
    # CONTRACT.md's `celery -A config worker` (no --queues) must still render reports.
    assert set(app.amqp.queues) == {"celery", "pdf"}
