"""`celery -A config beat` starts with Medvirk's schedule and sends every task to Redis."""

import json
import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from django.conf import settings
from kombu import Exchange, Queue

from .conftest import REPO, _stop

pytestmark = pytest.mark.worker

BEAT_TIMEOUT = 45


def _queued_task_names(client: redis.Redis, queue: str) -> set[str]:
    return {json.loads(raw)["headers"]["task"] for raw in client.lrange(queue, 0, -1)}


def test_beat_sends_every_scheduled_task_to_the_broker(tmp_path):
    from config.celery import app

    name = f"medvirk-beat-{uuid.uuid4().hex[:12]}"
    expected = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    log_path = tmp_path / "beat.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.beat_settings",
        "MEDVIRK_TEST_QUEUE": name,
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "EMAIL_URL": f"filemail:///{tmp_path}/mail",
        "MEDVIRK_BASE_URL": "https://medvirk.example.org",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO"]
    command += [f"--schedule={tmp_path / 'schedule'}", "--max-interval=1"]
    client = redis.Redis.from_url(settings.REDIS_URL)
    with app.connection_for_write() as broker:
        queue = Queue(name, Exchange(name, type="direct"), routing_key=name)(broker.default_channel)
        queue.declare()
        process = None
        try:
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
                )
            deadline = time.monotonic() + BEAT_TIMEOUT
            while time.monotonic() < deadline and not expected <= _queued_task_names(client, name):
                assert process.poll() is None, "beat exited:\n" + log_path.read_text()
                time.sleep(0.5)
            sent = _queued_task_names(client, name)
        finally:
            if process is not None:
                _stop(process)
            queue.purge()
            queue.delete()

    log = log_path.read_text(errors="replace")
    assert expected <= sent, f"beat sent {sorted(sent)}, expected {sorted(expected)}:\n{log}"
    assert "beat: Starting" in log
    assert "ERROR" not in log, log
