"""The operations page: staff only; workers, queues, the beat schedule and each last run."""

from unittest import mock

import pytest
from django.utils import timezone

from ops.models import TaskRun
from ops.selectors import Worker
from tests.participation.factories import UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(email="drift@example.org", display_name="Drift", is_staff=True)


@pytest.mark.django_db
def test_staff_see_the_schedule_with_each_tasks_last_run(client, login, staff, settings):
    settings.REDIS_URL = ""
    TaskRun.objects.create(
        task="participation.tasks.run_reminder_sweep",
        started_at=timezone.now(),
        finished_at=timezone.now(),
        outcome=TaskRun.Outcome.SUCCESS,
    )
    TaskRun.objects.create(
        task="reports.tasks.run_report_schedule",
        started_at=timezone.now(),
        finished_at=timezone.now(),
        outcome=TaskRun.Outcome.FAILURE,
        error="OperationalError",
    )
    login(staff)

    response = client.get("/ops/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Background tasks run inside the web process" in page
    for name in settings.CELERY_BEAT_SCHEDULE:
        assert name in page
    assert "*/15 * * * *" in page
    assert "Succeeded" in page and "Failed" in page and "(OperationalError)" in page
    assert "Not run since the operations log began" in page  # the other four
    assert response["Cache-Control"].count("no-cache") or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_staff_see_workers_and_queue_lengths_when_a_broker_is_configured(
    client, login, staff, settings
):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    workers = [Worker(name="default@web1", queues=("celery",))]
    with (
        mock.patch("ops.selectors.check_broker", return_value="ok"),
        mock.patch("ops.selectors.live_workers", return_value=workers),
        mock.patch("ops.selectors.queue_lengths", return_value={"celery": 4, "pdf": 2}),
    ):
        login(staff)
        response = client.get("/ops/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert "default@web1" in page
    assert "No worker takes tasks from: pdf." in page
    assert ">4<" in page and ">2<" in page


@pytest.mark.django_db
def test_a_broker_that_does_not_answer_is_shown_as_down(client, login, staff, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    login(staff)

    response = client.get("/ops/", HTTP_ACCEPT_LANGUAGE="en")

    assert "The broker (Redis) does not answer" in response.content.decode()


@pytest.mark.django_db
def test_the_page_is_in_norwegian_by_default(client, login, staff, settings):
    settings.REDIS_URL = ""
    login(staff)

    response = client.get("/ops/", HTTP_ACCEPT_LANGUAGE="nb")

    assert '<h1 class="h2">Drift</h1>' in response.content.decode()


@pytest.mark.django_db
def test_staff_find_the_page_in_the_menu(client, login, staff, settings):
    settings.REDIS_URL = ""
    login(staff)

    response = client.get("/ops/", HTTP_ACCEPT_LANGUAGE="en")

    assert 'href="/ops/" aria-current="page"' in response.content.decode()


@pytest.mark.django_db
def test_coordinators_and_members_get_404(client, login, cast):
    for person in (cast.coordinator, cast.member, cast.advisor):
        login(person)
        assert client.get("/ops/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_get_no_page(client):
    response = client.get("/ops/")

    assert response.status_code in (302, 404)
    assert "Operations" not in response.content.decode()


@pytest.mark.django_db
def test_the_page_answers_get_only(client, login, staff):
    login(staff)

    assert client.post("/ops/").status_code == 405
