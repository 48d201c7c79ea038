"""A real Celery worker, started as a subprocess against Redis, for tests marked `worker`.

Such a test needs REDIS_URL (the broker) and PostgreSQL (a database the worker process can open
too; pytest-django's SQLite test database lives in the test process's memory). Without them the
tests are skipped, as in the ordinary `make test`; .ci/run provides both and sets
MEDVIRK_REQUIRE_WORKER, which turns the skip into a failure.
"""

import email
import email.policy
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from kombu import Exchange, Queue

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER_START_TIMEOUT = 60
WORKER_STOP_TIMEOUT = 20
# Django's file email backend writes each message followed by a line of 79 dashes.
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def worker_services_missing() -> str | None:
    """Why a live worker cannot run here, or None when it can."""
    if not settings.REDIS_URL:
        return "needs a real Celery worker: REDIS_URL is not set (.ci/run sets it)"
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return (
            "needs a real Celery worker: the worker process must share the test database, "
            "so DATABASE_URL must point at PostgreSQL (.ci/run sets it)"
        )
    return None


def pytest_runtest_setup(item):
    """Skip a worker test where the services are missing; fail it where CI demands them."""
    if not item.get_closest_marker("worker"):
        return
    reason = worker_services_missing()
    if reason is None:
        return
    if os.environ.get("MEDVIRK_REQUIRE_WORKER"):
        pytest.fail(f"MEDVIRK_REQUIRE_WORKER is set, but this test {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class LiveWorker:
    process: subprocess.Popen
    queue: str
    mail_dir: Path
    log_path: Path

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def is_running(self) -> bool:
        return self.process.poll() is None

    def emails(self) -> list[EmailMessage]:
        """The messages the worker has written to its mail folder so far."""
        messages = []
        for path in sorted(self.mail_dir.glob("*")):
            for chunk in path.read_bytes().split(MAIL_SEPARATOR):
                if chunk.strip():
                    messages.append(
                        email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
                    )
        return messages


def _test_database_url() -> str:
    # The test's own DATABASE_URL (credentials, host, options) with pytest-django's test
    # database in place of the one named there.
    url = urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path="/" + quote(connection.settings_dict["NAME"], safe="")).geturl()


def _wait_until_ready(process: subprocess.Popen, log_path: Path, hostname: str) -> None:
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"The Celery worker exited with {process.returncode} before it was ready:\n"
                + log_path.read_text(errors="replace")
            )
        log = log_path.read_text(errors="replace")
        # "celery@host ready." ends a plain line, or sits in a JSON line's message.
        if any(hostname in line and " ready." in line for line in log.splitlines()):
            return
        time.sleep(0.2)
    pytest.fail(
        f"The Celery worker was not ready within {WORKER_START_TIMEOUT} s:\n"
        + log_path.read_text(errors="replace")
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # Celery's warm shutdown: finish the current task, then exit.
    try:
        process.wait(timeout=WORKER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def live_worker(transactional_db, tmp_path, monkeypatch):
    """`celery -A config worker` on a queue of its own, sharing the test database.

    Depends on transactional_db so that the worker is stopped, and its database connection
    closed, before pytest-django empties the tables.
    """
    from config.celery import app

    assert not app.conf.task_always_eager, (
        "Celery runs tasks in-process when REDIS_URL is set; a live worker would prove nothing"
    )
    # A queue and worker name of its own per run, so that neither another worker on this Redis
    # database nor messages left behind by an earlier run can take or give it work.
    name = f"medvirk-test-{uuid.uuid4().hex[:12]}"
    hostname = f"{name}@localhost"
    monkeypatch.setitem(app.conf, "task_default_queue", name)
    # PDF renders are routed to a queue of their own (config/celery.py); this worker takes both,
    # like a production worker started with `-Q celery,pdf`.
    pdf_name = f"{name}-pdf"
    monkeypatch.setattr(settings, "MEDVIRK_PDF_QUEUE", pdf_name, raising=False)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        # django-environ drops the path's first slash (filemail:///tmp/mail is tmp/mail, relative
        # to the working directory), so an absolute folder needs four.
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        # The test process's key, so that links the worker signs can be checked by the test.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "MEDVIRK_BASE_URL": "https://testserver",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        f"--queues={name},{pdf_name}",
        f"--hostname={hostname}",
    ]
    with app.connection_for_write() as broker:
        queues = [
            Queue(each, Exchange(each, type="direct"), routing_key=each)(broker.default_channel)
            for each in (name, pdf_name)
        ]
        for queue in queues:
            queue.declare()
            queue.purge()
        process = None
        try:
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
                )
            _wait_until_ready(process, log_path, hostname)
            yield LiveWorker(process=process, queue=name, mail_dir=mail_dir, log_path=log_path)
        finally:
            if process is not None:
                _stop(process)
            # Leave nothing behind in Redis, even when the test failed before the task ran.
            for queue in queues:
                queue.purge()
                queue.delete()
