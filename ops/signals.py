"""Celery signals that record the last run of each scheduled task (CELERY_BEAT_SCHEDULE).

Only the scheduled tasks are recorded: one row per task name, so the table stays tiny. Celery
logs, and does not raise, an error in a signal handler: a database hiccup here never fails the
task itself.
"""

import sys

from celery import signals
from django.conf import settings

from . import services


def scheduled_task_names() -> set[str]:
    return {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


def _name(sender) -> str | None:
    name = getattr(sender, "name", None)
    return name if name in scheduled_task_names() else None


def on_prerun(sender=None, **kwargs):
    if name := _name(sender):
        services.task_run_started(task=name)


def on_postrun(sender=None, state=None, **kwargs):
    name = _name(sender)
    if name is None or state == "FAILURE":  # a failure was recorded by on_failure
        return
    if state is None:
        # Run in-process with errors propagating (no broker): the exception is on its way out.
        error = sys.exc_info()[1]
        services.task_run_finished(
            task=name, outcome="FAILURE", error=error.__class__.__name__ if error else ""
        )
        return
    services.task_run_finished(task=name, outcome=state)


def on_failure(sender=None, exception=None, **kwargs):
    if name := _name(sender):
        services.task_run_finished(
            task=name, outcome="FAILURE", error=exception.__class__.__name__ if exception else ""
        )


def connect() -> None:
    signals.task_prerun.connect(on_prerun, dispatch_uid="ops.task_prerun")
    signals.task_postrun.connect(on_postrun, dispatch_uid="ops.task_postrun")
    signals.task_failure.connect(on_failure, dispatch_uid="ops.task_failure")
