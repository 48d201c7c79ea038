"""Structured logs: a request id on every line, JSON in production, and nothing about the
visitor on the anonymous pages (survey answers, offer judgements, an applicant's own link)."""

import io
import json
import logging
import runpy
from pathlib import Path

import pytest
from celery import shared_task
from gunicorn.config import Config

from config.logs import JsonFormatter, PrivateAccessLogger, RequestIdFilter, request_id_var
from tests.security.test_hardening import production_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_lines():
    """Everything logged during the test, as the production handler writes it (JSON lines)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


@pytest.mark.django_db
def test_a_request_gets_a_new_id_sent_back_on_the_response(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert len(first) == 32 and first != second


@pytest.mark.django_db
def test_a_proxys_well_formed_request_id_is_kept(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="req-2026-abc.123")

    assert response["X-Request-ID"] == "req-2026-abc.123"


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["short", "has spaces in it", 'x" injected "' * 3, "a" * 65])
def test_a_malformed_request_id_is_replaced(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] != sent and len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_every_line_of_a_request_carries_its_id_as_json(client, log_lines):
    response = client.get("/s/no-such-survey/", HTTP_X_REQUEST_ID="trace-0001-abcd")

    lines = log_lines()
    assert response.status_code == 404
    assert lines, "the request logged nothing"
    assert all(line["request_id"] == "trace-0001-abcd" for line in lines if "message" in line)
    assert {"time", "level", "logger", "message"} <= set(lines[-1])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,secret",
    [
        ("/s/no-such-survey/?c=K7Q2M9XZ", "K7Q2M9XZ"),
        ("/s/no-such-survey/?k=gjovik&c=K7Q2M9XZ", "K7Q2M9XZ"),
        ("/o/no-such-offer/?c=K7Q2M9XZ", "K7Q2M9XZ"),
        ("/apply/withdraw/Zk3-very-secret-applicant-key/", "Zk3-very-secret-applicant-key"),
    ],
)
def test_anonymous_pages_log_nothing_about_the_visitor(client, log_lines, path, secret):
    client.get(
        path,
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 8.0; SM-G930F)",
    )

    written = json.dumps(log_lines())
    assert written != "[]", "a 404 on the page should be logged, without the visitor"
    for private in (secret, "203.0.113.9", "198.51.100.7", "SM-G930F"):
        assert private not in written


@pytest.mark.django_db
def test_a_celery_task_logs_with_its_task_id(log_lines):
    @shared_task(name="tests.config.test_logs.says_hello")
    def says_hello():
        logging.getLogger("medvirk.test").warning("hello from a task")

    result = says_hello.apply()

    line = next(line for line in log_lines() if line["message"] == "hello from a task")
    assert line["request_id"] == result.id
    assert request_id_var.get() == "-"


def test_production_logs_json_to_standard_output(monkeypatch):
    settings = production_settings(monkeypatch)

    console = settings["LOGGING"]["handlers"]["console"]
    assert console["formatter"] == "json" and console["stream"] == "ext://sys.stdout"
    assert "request_id" in console["filters"]
    assert "config.logs.RequestIdMiddleware" == settings["MIDDLEWARE"][0]


def test_debug_keeps_a_readable_log_unless_json_is_asked_for(monkeypatch):
    debug = {"DJANGO_DEBUG": "true", "MEDVIRK_BASE_URL": "http://x"}
    assert production_settings(monkeypatch, **debug)["LOG_FORMAT"] == "text"
    asked = production_settings(monkeypatch, DJANGO_LOG_FORMAT="json", **debug)
    assert asked["LOGGING"]["handlers"]["console"]["formatter"] == "json"


def test_gunicorn_settings_are_chosen_for_two_cores_and_log_no_address(monkeypatch):
    for name in ("GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))

    assert conf["workers"] == 3
    assert conf["timeout"] == 60 and conf["graceful_timeout"] == 30
    assert conf["max_requests"] == 1000 and 0 < conf["max_requests_jitter"] < 1000
    assert conf["forwarded_allow_ips"]
    assert conf["logger_class"] == "config.logs.PrivateAccessLogger"
    for atom in ("%(h)s", "%(r)s", "%(q)s", "%(U)s?", "{x-forwarded-for}i", "%(a)s"):
        assert atom not in conf["access_log_format"], atom


def test_gunicorn_settings_follow_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "5")

    assert runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["workers"] == 5


def test_gunicorn_access_line_has_no_query_string_or_secret(monkeypatch):
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    cfg = Config()
    cfg.set("access_log_format", conf["access_log_format"])
    logger = PrivateAccessLogger(cfg)

    class Request:
        method, version = "GET", (1, 1)
        path = "/apply/withdraw/Zk3-secret/"
        query = "c=K7Q2M9XZ"
        uri = path + "?" + query
        headers = [("X-FORWARDED-FOR", "198.51.100.7")]

    class Response:
        status, sent = "200 OK", 10
        headers = [("X-Request-ID", "trace-0001-abcd")]

    environ = {
        "REMOTE_ADDR": "203.0.113.9",
        "RAW_URI": Request.uri,
        "REQUEST_METHOD": "GET",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": Request.path,
        "QUERY_STRING": Request.query,
    }
    import datetime

    atoms = logger.atoms(Response(), Request(), environ, datetime.timedelta(seconds=0.2))
    line = conf["access_log_format"] % atoms

    assert json.loads(line)["path"] == "/apply/withdraw/[hidden]/"
    assert json.loads(line)["request_id"] == "trace-0001-abcd"
    for private in ("Zk3-secret", "K7Q2M9XZ", "203.0.113.9", "198.51.100.7"):
        assert private not in line


def test_an_unknown_log_format_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOG_FORMAT"):
        production_settings(monkeypatch, DJANGO_LOG_FORMAT="xml")


def test_runservers_request_lines_drop_the_query_string_too():
    from config.logs import TextFormatter

    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        "",
        0,
        '"%s" %s %s',
        ("GET /s/fm/?c=K7Q2M9XZ HTTP/1.1", 200, 9),
        None,
    )

    line = TextFormatter().format(record)

    assert '"GET /s/fm/ HTTP/1.1" 200 9' in line and "K7Q2M9XZ" not in line


def test_runservers_request_lines_use_the_private_console(monkeypatch):
    settings = production_settings(monkeypatch, DJANGO_DEBUG="true", MEDVIRK_BASE_URL="http://x")

    assert settings["LOGGING"]["loggers"]["django.server"]["handlers"] == ["console"]
