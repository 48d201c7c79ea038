"""Two sweeps running at the same moment in two processes' worth of connections: the unique
claim lets exactly one of them send. Needs PostgreSQL (threads cannot share SQLite's
in-memory test database); skipped otherwise."""

import datetime
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.utils import timezone

from participation import reminders
from participation.models import SentNotification
from participation.services.meetings import local_datetime
from tests.participation.factories_meetings import MeetingFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL: concurrent connections to one test database",
    ),
]


def test_two_concurrent_sweeps_send_each_reminder_once(cast, monkeypatch):
    now = local_datetime(timezone.localdate(), datetime.time(10, 0))
    start = now + datetime.timedelta(days=5)
    MeetingFactory(
        group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    both_ready = threading.Barrier(2, timeout=10)
    real_claimed = reminders._claimed

    def claimed_then_wait(kind, pairs):
        # Both sweeps read "not claimed yet" before either claims: the race the constraint
        # must settle.
        result = real_claimed(kind, pairs)
        if kind == "meeting_invitation":
            both_ready.wait()
        return result

    monkeypatch.setattr(reminders, "_claimed", claimed_then_wait)
    results, errors = [], []

    def sweep():
        try:
            results.append(reminders.run_sweep(now=now))
        except Exception as error:  # pragma: no cover - shown in the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(r.total for r in results) == [0, 1]
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    assert SentNotification.objects.get().status == SentNotification.Status.SENT
