"""Error reports without personal data: emails to ADMINS and, when configured, Sentry events.

Both tell a developer what broke and where (the exception, the code, the view, the method and
a path with its secrets blanked), never who it happened to or what they typed: no form data,
cookies, headers, addresses, user names or local variables.
"""

import logging
import re
from email.utils import parseaddr
from types import SimpleNamespace

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

HIDDEN = "[hidden]"
# Paths that carry a secret: invitation and password-reset links, email confirmations,
# calendar feed tokens. The rest of a path (ids, slugs) helps find the bug.
SECRET_IN_PATH = [
    (re.compile(r"(/accounts/invitation/)[^/\s]+/[^/\s]+"), r"\1[hidden]/[hidden]"),
    (re.compile(r"(/accounts/password/reset/key/)[^/\s]+"), r"\1[hidden]"),
    (re.compile(r"(/accounts/confirm-email/)[^/\s]+"), r"\1[hidden]"),
    (re.compile(r"(/calendar/)[^/\s]+\.ics"), r"\1[hidden].ics"),
]
# The only request headers worth keeping in a report.
KEPT_META = {"REQUEST_METHOD", "PATH_INFO", "SERVER_NAME", "HTTP_ACCEPT_LANGUAGE"}


def parse_admins(values: list[str]) -> list[tuple[str, str]]:
    """DJANGO_ADMINS entries, "Name <address>" or a bare address, as Django's ADMINS."""
    admins = []
    for value in values:
        name, address = parseaddr(value)
        if address:
            admins.append((name or address, address))
    return admins


def redact_path(text: str) -> str:
    """The text with the secret parts of any Medvirk path in it blanked."""
    for pattern, replacement in SECRET_IN_PATH:
        text = pattern.sub(replacement, text)
    return text


class RedactSecretsFilter(logging.Filter):
    """For the ADMINS email: its subject and first line quote the request's path."""

    def filter(self, record):
        record.msg = redact_path(record.getMessage())
        record.args = ()
        return True


class PrivateReporterFilter(SafeExceptionReporterFilter):
    """Everything a request brought is hidden, not only what a view marked sensitive."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {name: HIDDEN for name in request.POST}

    def get_safe_cookies(self, request):
        if request is None:
            return {}
        return {name: HIDDEN for name in request.COOKIES}

    def get_safe_request_meta(self, request):
        if request is None:
            return {}
        return {
            name: (redact_path(value) if name == "PATH_INFO" else value)
            if name in KEPT_META
            else HIDDEN
            for name, value in request.META.items()
        }

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, HIDDEN) for name in tb_frame.f_locals]


class PrivateExceptionReporter(ExceptionReporter):
    """Django's error report (the ADMINS email) without the user or the query string."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["user_str"] = HIDDEN if data.get("user_str") else data.get("user_str")
            data["request_GET_items"] = [(name, HIDDEN) for name in self.request.GET]
            data["request_FILES_items"] = [(name, HIDDEN) for name in self.request.FILES]
            data["request_insecure_uri"] = redact_path(self.request.path)
            # The report's template quotes the path and method from the request itself.
            data["request"] = SimpleNamespace(
                path_info=redact_path(self.request.path_info),
                META={"REQUEST_METHOD": self.request.META.get("REQUEST_METHOD", "")},
            )
        return data


def scrub_sentry_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's before_send: keep what broke and where; drop who, and what they sent."""
    request = event.get("request")
    if request:
        url = request.get("url", "")
        match = re.match(r"^(https?://[^/]+)?(/[^?#]*)", url)
        event["request"] = {
            "method": request.get("method"),
            "url": (match.group(1) or "") + redact_path(match.group(2)) if match else "",
        }
    event.pop("user", None)
    event.pop("breadcrumbs", None)
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    return event


def sentry_init(*, dsn: str, environment: str, release: str | None = None) -> None:
    """Start Sentry's SDK without personal data (settings call it when SENTRY_DSN is set)."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=scrub_sentry_event,
    )
