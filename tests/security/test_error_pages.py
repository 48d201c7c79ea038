"""Error pages in the visitor's language with a way back, and error reports without
personal data (ADMINS email, Sentry)."""

import logging
import runpy
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

from config.error_reporting import (
    RedactSecretsFilter,
    parse_admins,
    redact_path,
    scrub_sentry_event,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_missing_page_is_a_404_in_the_visitors_language_with_a_way_back(
    browser_default_client,
):
    norwegian = browser_default_client.get("/no/such/page/")
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/no/such/page/")

    assert norwegian.status_code == 404 and english.status_code == 404
    assert '<html lang="nb">' in norwegian.content.decode()
    assert "Fant ikke siden" in norwegian.content.decode()
    assert "Page not found" in english.content.decode()
    assert 'href="/"' in english.content.decode()


@pytest.mark.django_db
def test_a_missing_page_sets_no_cookie_for_a_visitor_who_is_not_signed_in(client):
    """A respondent's phone asking for a mistyped link (or /favicon.ico) must not be given a
    cookie: the survey promises none. Signed-in people still get the language switcher."""
    response = client.get("/s/no-such-survey/")

    assert response.status_code == 404
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_a_missing_page_keeps_the_language_switcher_for_the_signed_in(client, cast, login):
    login(cast.coordinator)

    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert 'id="language-select"' in response.content.decode()


@pytest.mark.django_db
def test_another_programmes_page_gets_the_same_404_page(client, login, cast):
    login(cast.coordinator)

    response = client.get("/p/other/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body and "Et annet prosjekt" not in body


@pytest.mark.django_db
def test_the_403_page_says_so_plainly_with_a_way_back(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    request = rf.get("/admin/")
    request.user = AnonymousUser()

    response = defaults.permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert "You do not have access" in response.content.decode()


def test_the_500_page_needs_no_database_and_no_request():
    # No database fixture: any query would raise.
    with translation.override("nn"):
        html = render_to_string("500.html")

    assert '<html lang="nn">' in html
    assert "Noko gjekk gale" in html
    assert 'href="/"' in html


def test_the_500_view_renders_the_page():
    request = RequestFactory().get("/p/best/")

    response = defaults.server_error(request)

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_a_stale_form_is_a_calm_403_page():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")

    response = client.post("/accounts/login/", {"login": "x@example.org", "password": "x"})

    assert response.status_code == 403
    assert "The form had expired" in response.content.decode()


# --- Error reports -------------------------------------------------------------------------------


def test_admins_come_from_the_environment():
    assert parse_admins(["Drift <drift@example.org>", "dev@example.org", ""]) == [
        ("Drift", "drift@example.org"),
        ("dev@example.org", "dev@example.org"),
    ]


@pytest.mark.django_db
def test_the_admins_email_names_the_error_but_nobody_and_nothing_they_sent(
    cast, settings, monkeypatch
):
    from django.utils.log import AdminEmailHandler

    settings.ADMINS = [("Drift", "drift@example.org")]
    production = runpy.run_path(str(ROOT / "config" / "settings.py"))
    config = production["LOGGING"]["handlers"]["mail_admins"]
    handler = AdminEmailHandler(
        include_html=config["include_html"], reporter_class=config["reporter_class"]
    )
    handler.addFilter(RedactSecretsFilter())
    request = RequestFactory().post(
        "/accounts/invitation/MTI/abc-secret-token/?next=/p/best/",
        {"new_password1": "hunter2-very-secret", "email": "member@example.org"},
        HTTP_COOKIE="sessionid=s3ss10n",
        REMOTE_ADDR="203.0.113.9",
    )
    request.user = cast.member

    def fail(person_email):
        raise ValueError("boom")

    try:
        fail(cast.member.email)
    except ValueError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            (request.path,),
            sys.exc_info(),
        )
    record.request = request
    record.status_code = 500
    handler.handle(record)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    text = message.subject + message.body
    assert "ValueError" in text and "boom" in text
    for secret in [
        "abc-secret-token",
        "hunter2-very-secret",
        "member@example.org",
        "Emma Medlem",
        "s3ss10n",
        "203.0.113.9",
    ]:
        assert secret not in text, secret


def test_a_sentry_event_keeps_what_broke_and_drops_who_and_what_they_sent():
    event = {
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"email": "a@b.no"}}]},
                }
            ]
        },
        "request": {
            "method": "POST",
            "url": "https://medvirk.example.org/calendar/s3cr3t.ics",
            "query_string": "k=1",
            "data": {"password": "x"},
            "cookies": {"sessionid": "s"},
            "headers": {"Cookie": "sessionid=s", "X-Forwarded-For": "203.0.113.9"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "user": {"id": 1, "email": "a@b.no", "ip_address": "203.0.113.9"},
        "breadcrumbs": {"values": [{"message": "a@b.no logged in"}]},
    }

    scrubbed = scrub_sentry_event(event, {})

    assert scrubbed["request"] == {
        "method": "POST",
        "url": "https://medvirk.example.org/calendar/[hidden].ics",
    }
    assert "user" not in scrubbed and "breadcrumbs" not in scrubbed
    assert "vars" not in scrubbed["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert scrubbed["exception"]["values"][0]["type"] == "ValueError"


def test_secrets_in_paths_are_blanked():
    assert redact_path("/accounts/password/reset/key/1-abc/") == (
        "/accounts/password/reset/key/[hidden]/"
    )
    assert redact_path("/p/best/meetings/3/") == "/p/best/meetings/3/"


def test_sentry_starts_only_with_a_dsn_and_without_personal_data(monkeypatch):
    import sentry_sdk

    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: calls.append(options))
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    monkeypatch.delenv("SENTRY_DSN", raising=False)
    runpy.run_path(str(ROOT / "config" / "settings.py"))
    assert calls == []

    monkeypatch.setenv("SENTRY_DSN", "https://key@o1.ingest.example.org/1")
    runpy.run_path(str(ROOT / "config" / "settings.py"))

    assert len(calls) == 1
    options = calls[0]
    assert options["dsn"] == "https://key@o1.ingest.example.org/1"
    assert options["send_default_pii"] is False
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"
    assert options["before_send"] is scrub_sentry_event
