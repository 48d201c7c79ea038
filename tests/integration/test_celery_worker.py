"""A task the app queues is run by a real `celery -A config worker` against Redis.

Run by .ci/run with REDIS_URL and a PostgreSQL DATABASE_URL; skipped otherwise (see conftest).
"""

import re
import time

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from participation.models import Invitation
from participation.services import person_invite

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TASK_TIMEOUT = 30
INVITATION_LINK = re.compile(
    r"https://testserver/accounts/invitation/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)/"
)


def test_tasks_are_queued_not_run_in_process_when_redis_is_configured():
    from config.celery import app

    assert settings.CELERY_TASK_ALWAYS_EAGER is False
    assert app.conf.task_always_eager is False


def test_an_invitation_queued_by_the_app_is_emailed_by_a_real_worker(live_worker, cast):
    invitation = person_invite(
        programme=cast.programme,
        invited_by=cast.coordinator,
        email="new.person@example.org",
        display_name="Ny Person",
        group=cast.resource_group,
        role="member",
    )

    sent_at, message = None, None
    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline and live_worker.is_running():
        sent_at = Invitation.objects.values_list("sent_at", flat=True).get(pk=invitation.pk)
        message = next(
            (m for m in live_worker.emails() if m["To"] == "new.person@example.org"), None
        )
        if sent_at and message:
            break
        time.sleep(0.25)

    worker_output = f"\n--- worker output ---\n{live_worker.output()}"
    assert message is not None, f"no invitation email within {TASK_TIMEOUT} s{worker_output}"
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = INVITATION_LINK.search(body)
    assert link, f"no invitation link in the email:\n{body}{worker_output}"
    assert sent_at is not None, f"the invitation was emailed but not marked as sent{worker_output}"
    # The worker signed the link; it must open the account of the person invited.
    person = invitation.person
    assert force_str(urlsafe_base64_decode(link["uid"])) == str(person.pk)
    assert default_token_generator.check_token(person, link["token"])
    # The test process uses the in-memory backend: had it sent the email itself, it would be here.
    assert mail.outbox == []
