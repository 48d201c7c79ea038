import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from config.settings import BASE_DIR, database_from_url, email_from_url

REPO = Path(__file__).resolve().parents[2]


def test_postgres_url_becomes_a_postgresql_database():
    config = database_from_url("postgres://medvirk:secret@db.example:5433/medvirk")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("medvirk", "medvirk", "secret")
    assert (config["HOST"], config["PORT"]) == ("db.example", 5433)


def test_relative_sqlite_path_is_taken_from_the_project_folder():
    config = database_from_url("sqlite:///var/db.sqlite3")

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(BASE_DIR / "var" / "db.sqlite3")


def test_absolute_sqlite_path_is_kept():
    assert database_from_url("sqlite:////tmp/medvirk.sqlite3")["NAME"] == "/tmp/medvirk.sqlite3"


def _import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG, s.TIME_ZONE)"],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_debug_off_refuses_the_development_secret_key():
    result = _import_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_off_with_a_real_secret_key_starts():
    result = _import_settings(DJANGO_SECRET_KEY="a-real-secret-from-the-environment")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "Europe/Oslo"]


def test_debug_on_accepts_the_development_key():
    result = _import_settings(DJANGO_DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("smtp+tls://user:pass@mail.example:587", "django.core.mail.backends.smtp.EmailBackend"),
        ("consolemail://", "django.core.mail.backends.console.EmailBackend"),
        ("filemail:///tmp/mail", "django.core.mail.backends.filebased.EmailBackend"),
    ],
)
def test_email_url_chooses_the_backend(url, backend):
    assert email_from_url(url)["EMAIL_BACKEND"] == backend


def test_relative_filemail_folder_is_taken_from_the_project_folder():
    assert email_from_url("filemail:///var/mail")["EMAIL_FILE_PATH"] == str(
        BASE_DIR / "var" / "mail"
    )


def test_absolute_filemail_folder_is_kept():
    assert email_from_url("filemail:////srv/mail")["EMAIL_FILE_PATH"] == "/srv/mail"


def test_tasks_run_in_process_without_redis():
    if settings.REDIS_URL:
        pytest.skip("REDIS_URL is set in this run")
    assert settings.CELERY_TASK_ALWAYS_EAGER is True


def test_celery_speaks_json_only_and_acknowledges_late():
    from config.celery import app

    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_acks_late is True
    assert app.conf.broker_transport_options["visibility_timeout"] >= 3600
    assert app.conf.timezone == "Europe/Oslo"


def test_norwegian_bokmal_is_the_default_language():
    assert settings.LANGUAGE_CODE == "nb"
    assert [code for code, _ in settings.LANGUAGES] == ["nb", "nn", "en"]
