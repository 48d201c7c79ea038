"""Writes of the operations app: the last run of each scheduled task."""

from django.utils import timezone

from .models import TaskRun


def task_run_started(*, task: str) -> None:
    """Mark the task as running now; its previous outcome is replaced."""
    TaskRun.objects.update_or_create(
        task=task,
        defaults={
            "started_at": timezone.now(),
            "finished_at": None,
            "outcome": TaskRun.Outcome.RUNNING,
            "error": "",
        },
    )


def task_run_finished(*, task: str, outcome: str, error: str = "") -> None:
    """Record how the task's run ended (a Celery state) and, on failure, the exception's class."""
    known = {choice.value for choice in TaskRun.Outcome}
    TaskRun.objects.update_or_create(
        task=task,
        defaults={
            "finished_at": timezone.now(),
            "outcome": outcome if outcome in known else TaskRun.Outcome.FAILURE,
            "error": error[:200],
        },
    )
