"""Hardening: security headers on every page, no inline script or style for the CSP to allow,
production settings that refuse unsafe mail and plain-http links, and `check --deploy` clean."""

import os
import re
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "medvirk.example.org",
    "EMAIL_URL": "smtp+tls://ci:ci@smtp.example.org:587",
    "MEDVIRK_BASE_URL": "https://medvirk.example.org",
}
# Templates that never reach a browser: email bodies, and print templates WeasyPrint renders.
NOT_SERVED = re.compile(
    r"(^|/)email/"
    r"|^reports/(steering|minutes|offers|checklists|resourcegroup|surveys)/"
    r"|^reports/print_base\.html$"
)
INLINE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def page_templates():
    folders = [ROOT / "templates", *ROOT.glob("*/templates")]
    for folder in folders:
        for path in folder.rglob("*.html"):
            name = path.relative_to(folder).as_posix()
            if ".venv" not in path.parts and not NOT_SERVED.search(name):
                yield name, path


def production_settings(monkeypatch, **overrides) -> dict:
    for name, value in {**PRODUCTION_ENV, **overrides}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings.py"))


# --- Headers ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/healthz", "/p/best/"])
def test_every_response_carries_a_strict_content_security_policy(client, cast, login, path):
    login(cast.coordinator)

    response = client.get(path)

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_https_responses_tell_browsers_to_stay_on_https(client):
    response = client.get("/accounts/login/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]


@pytest.mark.django_db
def test_the_anonymous_survey_page_has_the_policy_too(client, cast):
    from tests.surveys.factories import published_survey

    survey = published_survey(cast.programme)

    response = client.get(f"/s/{survey.slug}/")

    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name,path", sorted(page_templates()), ids=lambda v: str(v))
def test_no_page_template_holds_inline_script_or_style(name, path):
    found = INLINE.findall(path.read_text())

    assert not found, f"{name} has inline script or style: {found}"


# --- Production settings -----------------------------------------------------------------------


def test_production_refuses_the_console_email_backend(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        production_settings(monkeypatch, EMAIL_URL="consolemail://")


def test_production_refuses_a_plain_http_base_url(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="MEDVIRK_BASE_URL"):
        production_settings(monkeypatch, MEDVIRK_BASE_URL="http://medvirk.example.org")


def test_production_settings_redirect_to_https_and_send_hsts(monkeypatch):
    settings = production_settings(monkeypatch)

    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert settings["SESSION_COOKIE_SECURE"] and settings["CSRF_COOKIE_SECURE"]


def test_debug_still_allows_the_console_backend_for_make_run(monkeypatch):
    settings = production_settings(
        monkeypatch, DJANGO_DEBUG="true", EMAIL_URL="consolemail://", MEDVIRK_BASE_URL="http://x"
    )

    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_check_deploy_is_clean_with_production_settings():
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DATABASE_URL", None)
    # The browser tests set this for their own thread while they run (tests/e2e/conftest.py);
    # production never has it, and check --deploy rightly refuses it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
