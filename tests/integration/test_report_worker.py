"""A steering report asked for in the app is rendered by a real `celery -A config worker`
against Redis, and stored where the web process can serve it.

Run by .ci/run with REDIS_URL and a PostgreSQL DATABASE_URL; skipped otherwise (see conftest).
"""

import io
import time

import pytest
from pypdf import PdfReader

from reports.models import Report
from reports.services import report_request

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TASK_TIMEOUT = 60


@pytest.fixture
def media_root(tmp_path, monkeypatch):
    """A media folder shared by the worker (through its environment) and this test."""
    folder = tmp_path / "media"
    folder.mkdir()
    monkeypatch.setenv("DJANGO_MEDIA_ROOT", str(folder))
    return folder


def test_a_report_queued_by_the_app_is_rendered_by_a_real_worker(media_root, live_worker, cast):
    report = report_request(programme=cast.programme, requested_by=cast.coordinator)
    assert report.status == Report.Status.QUEUED

    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline and live_worker.is_running():
        report.refresh_from_db()
        if report.status in (Report.Status.DONE, Report.Status.FAILED):
            break
        time.sleep(0.25)

    worker_output = f"\n--- worker output ---\n{live_worker.output()}"
    assert report.status == Report.Status.DONE, (
        f"report {report.status} ({report.error}) after {TASK_TIMEOUT} s{worker_output}"
    )
    assert report.attempts == 1
    assert report.started_at and report.finished_at
    pdf = (media_root / report.file.name).read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert cast.programme.name in text, worker_output
