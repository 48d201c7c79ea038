"""Logs for the people who run Medvirk: one JSON object a line on standard output, each with the
id of the request (or Celery task) it belongs to, and nothing about who made the request.

- `RequestIdMiddleware` takes a well-formed `X-Request-ID` from the proxy in front, or makes one,
  keeps it for the request and sends it back on the response.
- `RequestIdFilter` puts that id on every log record (in a Celery task, the task's id).
- `JsonFormatter` and `TextFormatter` write a record with its paths made private: no query
  string, no secret in a path (`private_path`), no request object.

Client addresses are never logged: neither here nor in gunicorn's access log
(config/gunicorn.conf.py uses `PrivateAccessLogger` below, whose format has no `%(h)s`).
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished
from gunicorn.glogging import Logger as GunicornLogger
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from config.error_reporting import redact_path

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy may hand us: a UUID or a similar token, never free text that could forge a line.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
NO_REQUEST = "-"

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Paths where an anonymous person answers (surveys, offer judgements) or an applicant withdraws
# with their own key: the key is hidden, and any query string (`?c=<answer code>`) is dropped
# from every logged path anyway.
PRIVATE_PATHS = [
    (re.compile(r"(/apply/withdraw/)[^/\s\"']+"), r"\1[hidden]"),
]
QUERY_STRING = re.compile(r"(/[^\s\"'?]*)\?[^\s\"']*")


def private_path(text: str) -> str:
    """The text with any Medvirk path in it stripped of query strings and secrets."""
    text = QUERY_STRING.sub(r"\1", text)
    for pattern, replacement in PRIVATE_PATHS:
        text = pattern.sub(replacement, text)
    return redact_path(text)


def new_request_id() -> str:
    return uuid.uuid4().hex


def accepted_request_id(value: str | None) -> str:
    """The proxy's request id if it is well-formed, else a new one."""
    if value and VALID_REQUEST_ID.match(value):
        return value
    return new_request_id()


class RequestIdMiddleware:
    """Give each request an id: the proxy's `X-Request-ID` when valid, else a new one."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Cleared when the response is closed: Django logs a 4xx/5xx after the middleware.
        request_finished.connect(_request_id_clear, dispatch_uid="config.logs.request_id")

    def __call__(self, request):
        request_id = accepted_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def _request_id_clear(**kwargs):
    request_id_var.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (the request's or the Celery task's id, "-" outside both)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


# Attributes of a record that never reach the log: the request (its repr quotes the full path
# with the query string) and the socket of runserver's log.
PRIVATE_ATTRS = ("request", "server_time", "socket")


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line: time, level, logger, message, request_id and any `extra`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *PRIVATE_ATTRS])
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        log_data["level"] = record.levelname
        log_data["logger"] = record.name
        log_data["request_id"] = getattr(record, "request_id", NO_REQUEST)

    def process_log_record(self, log_data):
        for key in ("message", "exc_info"):
            if isinstance(log_data.get(key), str):
                log_data[key] = private_path(log_data[key])
        return log_data


class TextFormatter(logging.Formatter):
    """The readable console log of `make run`, with the same private paths."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = NO_REQUEST
        return private_path(super().format(record))


# --- Celery: the task's id is the request id of everything logged while it runs --------------
_task_tokens: dict[str, contextvars.Token] = {}


def task_started(task_id=None, **kwargs):
    if task_id:
        _task_tokens[task_id] = request_id_var.set(task_id)


def task_ended(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        try:
            request_id_var.reset(token)
        except ValueError:  # set in another context (eager task inside a request): just clear
            request_id_var.set(NO_REQUEST)


# --- gunicorn ----------------------------------------------------------------------------------
class PrivateAccessLogger(GunicornLogger):
    """gunicorn's logger with private paths in the access log: no query string, no secrets.

    The access log format (config/gunicorn.conf.py) has no client address either.
    """

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f", "{referer}i"):
            if key in atoms and isinstance(atoms[key], str):
                atoms[key] = "" if key == "q" else private_path(atoms[key])
        for key in ("h", "{x-forwarded-for}i", "{x-real-ip}i", "{remote_addr}e"):
            atoms.pop(key, None)
        return atoms
