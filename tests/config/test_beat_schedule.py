"""Every task that Celery beat is told to run exists, so that no schedule entry fails silently
every night (a renamed task would otherwise only show as an error in the worker's log)."""

from django.conf import settings


def test_every_task_in_the_beat_schedule_is_registered():
    from config.celery import app

    app.loader.import_default_modules()
    registered = set(app.tasks)

    missing = {
        entry["task"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] not in registered
    }
    assert not missing, f"beat schedules tasks that no app defines: {sorted(missing)}"


def test_the_schedule_names_at_least_the_reminder_sweep_and_the_reports():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "participation.tasks.run_reminder_sweep" in tasks
    assert "reports.tasks.run_report_schedule" in tasks
    assert "participation.tasks.apply_retention" in tasks
    assert "participation.tasks.remind_training_refreshers" in tasks
