"""The operations status sees a real `celery -A config worker`, its queues and their lengths."""

import io

import pytest
from django.core.management import call_command

from ops.selectors import operations_status

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_status_names_the_live_worker_on_both_queues(live_worker):
    status = operations_status()

    names = [worker.name for worker in status.workers]
    assert any(name.startswith(live_worker.queue) for name in names), names
    assert status.broker == "ok" and status.is_healthy
    assert [queue.length for queue in status.queues] == [0, 0]
    assert all(queue.workers for queue in status.queues)

    out = io.StringIO()
    call_command("ops_status", stdout=out)  # exits 0: a worker answered
    assert f"{live_worker.queue}: 0 waiting" in out.getvalue()
