from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_healthy_service_answers_ok(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


@pytest.mark.django_db
def test_database_down_gives_503_with_the_reason(client, settings):
    settings.REDIS_URL = ""
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["database"] == "fail: OperationalError"


@pytest.mark.django_db
def test_unreachable_broker_gives_503(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"].startswith("fail")


@pytest.mark.django_db
def test_health_check_needs_no_login_and_is_not_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
