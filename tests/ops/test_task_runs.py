"""Each scheduled task's last run is recorded (start, finish, outcome) through Celery's signals."""

import pytest
from celery import shared_task

from ops.models import TaskRun


@pytest.mark.django_db
def test_a_scheduled_task_records_its_start_finish_and_success(settings):
    @shared_task(name="tests.ops.succeeds")
    def succeeds():
        assert TaskRun.objects.get(task="tests.ops.succeeds").outcome == TaskRun.Outcome.RUNNING

    settings.CELERY_BEAT_SCHEDULE = {"works": {"task": "tests.ops.succeeds", "schedule": 60}}

    succeeds.apply(throw=True)

    run = TaskRun.objects.get(task="tests.ops.succeeds")
    assert run.outcome == TaskRun.Outcome.SUCCESS
    assert run.started_at <= run.finished_at
    assert run.error == ""


@pytest.mark.django_db
def test_a_failed_scheduled_task_records_the_exceptions_class_only(settings):
    @shared_task(name="tests.ops.breaks_with_personal_data")
    def breaks():
        raise ValueError("kari.nordmann@example.org")

    settings.CELERY_BEAT_SCHEDULE = {
        **settings.CELERY_BEAT_SCHEDULE,
        "breaks": {"task": "tests.ops.breaks_with_personal_data", "schedule": 60},
    }

    with pytest.raises(ValueError):
        breaks.apply(throw=True)

    run = TaskRun.objects.get(task="tests.ops.breaks_with_personal_data")
    assert run.outcome == TaskRun.Outcome.FAILURE
    assert run.error == "ValueError"
    assert run.finished_at is not None


@pytest.mark.django_db
def test_a_second_run_replaces_the_first(settings):
    @shared_task(name="tests.ops.fine")
    def fine():
        return None

    settings.CELERY_BEAT_SCHEDULE = {"fine": {"task": "tests.ops.fine", "schedule": 60}}

    fine.apply()
    fine.apply()

    assert TaskRun.objects.filter(task="tests.ops.fine").count() == 1


@pytest.mark.django_db
def test_tasks_that_are_not_scheduled_are_not_recorded():
    @shared_task(name="tests.ops.not_scheduled")
    def not_scheduled():
        return None

    not_scheduled.apply()

    assert not TaskRun.objects.exists()
