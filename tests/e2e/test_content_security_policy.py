"""The Content-Security-Policy in a real browser: Chromium reports every inline script or style
it refuses. A coordinator walks every programme page of the demo, a young person opens the
survey, and nobody meets a refusal."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from .browser import log_in
from .conftest import PROGRAMME_SLUG

pytestmark = pytest.mark.e2e


def programme_pages() -> list[str]:
    """Every page whose only variable part is the programme's slug (from the resolver)."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return [
        "/" + route.replace("<slug:slug>", PROGRAMME_SLUG)
        for route in walk(get_resolver().url_patterns)
        if route.startswith("p/<slug:slug>/")
        and route.count("<") == 1
        and not route.endswith((".csv", ".pdf"))
    ]


def refusals_while(page, paths) -> list[str]:
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for path in paths:
        # Views that only take a POST answer a GET with 405 and no page to look at.
        answer = page.request.get(path, max_redirects=0)
        if answer.status == 405 or "text/html" not in answer.headers.get("content-type", ""):
            continue
        page.goto(path)
    return refused


def test_no_page_has_anything_the_policy_refuses(page, demo):
    # One walk, so the demo is seeded once: first as a young person, then as the coordinator.
    refused = refusals_while(page, ["/s/forste-mote/?k=gjovik", "/accounts/login/"])
    log_in(page, "coordinator@example.org")
    page.wait_for_url(re.compile(rf"/p/{PROGRAMME_SLUG}/$"))
    paths = programme_pages()

    refused += refusals_while(page, [*paths, "/no/such/page/", "/accounts/email/"])

    assert len(paths) > 20
    assert refused == []
