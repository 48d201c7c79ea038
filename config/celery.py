"""The Celery app. Broker from REDIS_URL; with no REDIS_URL, tasks run eagerly in-process.

Two queues: the default one (`celery`: reminders, emails, the nightly jobs) and `pdf` for the
long PDF renders, each with its own worker, so that a reminder never waits behind a report.
"""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("medvirk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Tasks that render PDFs (minutes and more may join): they go to settings.MEDVIRK_PDF_QUEUE.
PDF_TASKS = frozenset({"reports.tasks.render_report"})


def route_task(name, args, kwargs, options, task=None, **kw):
    """Celery router (CELERY_TASK_ROUTES): PDF renders to their own queue, the rest default."""
    if name in PDF_TASKS:
        from django.conf import settings

        return {"queue": settings.MEDVIRK_PDF_QUEUE}
    return None


@signals.setup_logging.connect
def use_django_logging(**kwargs):
    """Worker and beat log through Django's LOGGING (JSON lines with the task id), not Celery's."""
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)


@signals.task_prerun.connect
def _task_prerun(task_id=None, **kwargs):
    from config.logs import task_started

    task_started(task_id=task_id)


@signals.task_postrun.connect
def _task_postrun(task_id=None, **kwargs):
    from config.logs import task_ended

    task_ended(task_id=task_id)
