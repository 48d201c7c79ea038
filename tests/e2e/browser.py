"""Helpers the browser tests share: opening pages, logging in, and the axe check."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import DEMO_PASSWORD, PHONE, PROGRAMME_SLUG

axe = Axe()


def visit(page: Page, path: str) -> None:
    # A server error would otherwise show up as a ten-second wait for a missing field.
    response = page.goto(path)
    status = response.status if response else None
    assert response is not None and response.ok, f"GET {path} answered {status}"


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    visit(page, "/accounts/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()


def log_in_in_english(page: Page, email: str) -> None:
    """Log in on an English page and land on the demo programme."""
    visit(page, "/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(f"/p/{PROGRAMME_SLUG}/") + "$"))


def expect_no_sideways_scroll(page: Page) -> None:
    # A click that navigates returns before the next page has loaded.
    page.wait_for_load_state()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"{page.url} is {scroll_width}px wide on a 360px phone"


def expect_no_serious_accessibility_violations(page: Page) -> None:
    """Serious and critical axe findings block a user outright; minor ones are left to review."""
    page.wait_for_load_state()
    violations = [
        violation
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    if violations:
        pytest.fail(
            f"axe found serious problems on {page.url}:\n"
            + "\n".join(describe_violation(violation) for violation in violations),
            pytrace=False,
        )


def describe_violation(violation: dict) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"  {violation['helpUrl']}")
    for node in violation["nodes"]:
        # A target is a list of selectors, nested when the element is inside a shadow root.
        target = " ".join(str(selector) for selector in node["target"])
        lines.append(f"  at {target}: {node['html'][:200]}")
        # axe's own summary carries the measured values, e.g. the contrast ratio and colours.
        for summary_line in node.get("failureSummary", "").splitlines():
            lines.append(f"      {summary_line.strip()}")
    return "\n".join(lines)
