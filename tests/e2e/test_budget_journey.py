"""Issue 15 in a real browser: on a 360 px phone the coordinator adds a budget line and records
another cost on it, and sees the budget's totals change; bad input keeps what was typed, and a
cost recorded by mistake is removed after a check step.

The browser asks for English, so the test reads the English source strings.
"""

import re
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Page, expect

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in_in_english,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

BUDGET_PATH = f"/p/{PROGRAMME_SLUG}/resource-group/budget/"


def kroner(page: Page, cell_id: str) -> Decimal:
    """A total as shown ("1 396,31" or "1,396.31"): its digits, in øre, back to kroner."""
    text = page.locator(f"#{cell_id}").inner_text()
    sign = -1 if "-" in text or "−" in text else 1
    return sign * Decimal(re.sub(r"\D", "", text)) / 100


def test_coordinator_adds_a_line_and_a_cost_and_sees_the_totals_change(open_english_page, demo):
    phone = open_english_page(PHONE)
    log_in_in_english(phone, "coordinator@example.org")
    visit(phone, BUDGET_PATH)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Budget")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    amount, used = kroner(phone, "total-amount"), kroner(phone, "total-used")

    # A new line for a course, on the setup page.
    phone.get_by_role("link", name="Set up the budget lines").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Budget lines")
    phone.get_by_label("Kind").select_option(label="Other costs")
    phone.get_by_label("Name").fill("Kurs i klarspråk")
    phone.get_by_label("Amount for the programme period (NOK)").fill("5 000")
    phone.get_by_role("button", name="Add the line").click()
    expect(phone.get_by_role("cell", name="Kurs i klarspråk")).to_be_visible()
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    visit(phone, BUDGET_PATH)
    expect(phone.get_by_role("rowheader", name="Kurs i klarspråk")).to_be_visible()
    assert kroner(phone, "total-amount") == amount + 5000

    # A cost with no amount is refused and the text typed is kept.
    form = phone.locator("form[method=post]")
    form.get_by_label("Date").fill(timezone.localdate().isoformat())
    form.get_by_label("Budget line").select_option(label="Kurs i klarspråk")
    form.get_by_label("What it is for").fill("Kursavgift for to brukermedvirkere")
    form.get_by_label("Amount (NOK)").fill("mye")
    form.get_by_role("button", name="Record the cost").click()
    expect(phone.get_by_text("Enter a number.").first).to_be_visible()
    expect(form.get_by_label("What it is for")).to_have_value("Kursavgift for to brukermedvirkere")
    expect_no_serious_accessibility_violations(phone)

    form.get_by_label("Amount (NOK)").fill("1 250,50")
    form.get_by_role("button", name="Record the cost").click()
    expect(phone.get_by_text("The cost is recorded.")).to_be_visible()
    expect(
        phone.get_by_role("cell", name="Kursavgift for to brukermedvirkere", exact=True)
    ).to_be_visible()
    assert kroner(phone, "total-used") == used + Decimal("1250.50")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # Recorded by mistake after all: removed through the check step, and the total is back.
    phone.get_by_role("link", name="Remove Kursavgift for to brukermedvirkere").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Remove the cost?")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    phone.get_by_role("button", name="Remove the cost").click()
    expect(phone.get_by_text("The cost is removed.")).to_be_visible()
    assert kroner(phone, "total-used") == used
