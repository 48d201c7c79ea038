"""surveys' Celery tasks: thin wrappers around services."""

from celery import shared_task

from . import services


@shared_task
def release_survey_results() -> int:
    """Once a day: release every office's full batch of waiting responses (services.releases)."""
    return services.results_release_due()
