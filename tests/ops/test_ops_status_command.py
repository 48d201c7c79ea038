"""`manage.py ops_status`: the operations page as text; non-zero when tasks cannot run."""

import contextlib
import io
from unittest import mock

import pytest
from django.core.management import call_command

from ops.selectors import Worker


def run(**patches) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.multiple("ops.selectors", **patches) if patches else contextlib.nullcontext():
        try:
            call_command("ops_status", stdout=out, stderr=err)
            code = 0
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_without_a_broker_tasks_run_in_process_and_all_is_well(settings):
    settings.REDIS_URL = ""

    code, out, _ = run()

    assert code == 0
    assert "Broker: eager" in out
    assert "celery: eager (run in-process)" in out and "pdf: eager (run in-process)" in out
    sweep = "reminder-sweep: participation.tasks.run_reminder_sweep at */15 * * * *; never run"
    assert sweep in out


@pytest.mark.django_db
def test_a_broker_with_a_worker_on_every_queue_is_healthy(settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    workers = [
        Worker(name="default@host", queues=("celery",)),
        Worker(name="pdf@host", queues=("pdf",)),
    ]

    code, out, _ = run(
        check_broker=mock.Mock(return_value="ok"),
        live_workers=mock.Mock(return_value=workers),
        queue_lengths=mock.Mock(return_value={"celery": 0, "pdf": 3}),
    )

    assert code == 0
    assert "default@host (queues: celery)" in out
    assert "pdf: 3 waiting; workers: pdf@host" in out


@pytest.mark.django_db
def test_no_worker_answering_exits_non_zero(settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"

    code, out, err = run(
        check_broker=mock.Mock(return_value="ok"),
        live_workers=mock.Mock(return_value=[]),
        queue_lengths=mock.Mock(return_value={"celery": 12, "pdf": 0}),
    )

    assert code == 1
    assert "none answered" in out and "celery: 12 waiting; workers: NO WORKER" in out
    assert err.strip() == "Not healthy: no worker answered."


@pytest.mark.django_db
def test_a_queue_nobody_consumes_exits_non_zero(settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"

    code, _, err = run(
        check_broker=mock.Mock(return_value="ok"),
        live_workers=mock.Mock(return_value=[Worker(name="w@host", queues=("celery",))]),
        queue_lengths=mock.Mock(return_value={"celery": 0, "pdf": 5}),
    )

    assert code == 1
    assert "no worker consumes pdf" in err


@pytest.mark.django_db
def test_an_unreachable_broker_exits_non_zero(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    code, out, err = run()

    assert code == 1
    assert "Broker: fail" in out
    assert "the broker is down" in err
