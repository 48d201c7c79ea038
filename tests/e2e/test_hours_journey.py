"""Issue 5 in a real browser: the paid representative logs the month's hours on a 360 px phone
and sends the month; the coordinator approves it on a laptop and finds it in the payroll file.

The browser asks for English ("en-US"), so the pages are in English and the test reads the
English source strings, which stay put while the Norwegian translations change.
"""

import re

from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in_in_english,
)
from .conftest import LAPTOP, PHONE, PROGRAMME_SLUG

REPRESENTATIVE = "Emma Johansen"
HOURS_PATH = f"/p/{PROGRAMME_SLUG}/resource-group/hours/"
TIMESHEETS_PATH = f"/p/{PROGRAMME_SLUG}/resource-group/timesheets/"


def this_month() -> str:
    with translation.override("en"):
        return formats.date_format(timezone.localdate(), "F Y")


def test_representative_logs_and_sends_the_month_and_the_coordinator_approves_it(
    open_english_page, demo
):
    month = this_month()

    # The representative, on a phone: from the menu to this month's page.
    phone = open_english_page(PHONE)
    log_in_in_english(phone, "representative@example.org")
    phone.get_by_role("link", name="My hours and stories").click()
    phone.get_by_role("link", name="My hours", exact=True).click()
    expect(phone).to_have_url(re.compile(re.escape(HOURS_PATH) + "$"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    phone.get_by_role("link", name=month, exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(f"My hours in {month}")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # Too many hours, then hours not in quarter hours: refused, with what was typed kept.
    today = timezone.localdate().isoformat()
    log_hours = phone.get_by_role("region", name="Log hours")
    expect(log_hours.get_by_label("Date")).to_have_value(today)
    log_hours.get_by_label("Hours").fill("25")
    log_hours.get_by_label("What did you do?").select_option(label="Preparation")
    log_hours.get_by_label("Comment").fill("Read the papers for the theme day")
    log_hours.get_by_role("button", name="Save the hours").click()
    expect(phone.get_by_role("alert")).to_contain_text("A day has 24 hours at most.")
    expect(log_hours.get_by_label("Hours")).to_have_value("25")
    expect(log_hours.get_by_label("What did you do?")).to_have_value("preparation")
    expect(log_hours.get_by_label("Comment")).to_have_value("Read the papers for the theme day")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    log_hours.get_by_label("Hours").fill("1.1")
    log_hours.get_by_role("button", name="Save the hours").click()
    expect(phone.get_by_role("alert")).to_contain_text("Use quarter hours")
    expect(log_hours.get_by_label("Hours")).to_have_value("1.1")
    expect(log_hours.get_by_label("Date")).to_have_value(today)

    # Quarter hours, written with a decimal comma as on a Norwegian phone, are taken.
    log_hours.get_by_label("Hours").fill("1,75")
    log_hours.get_by_role("button", name="Save the hours").click()
    expect(phone.get_by_role("status")).to_contain_text("1.75 hours on")
    entries = phone.get_by_role("region", name="Entries", exact=True)
    expect(entries.get_by_role("listitem").filter(has_text="Read the papers")).to_contain_text(
        "1.75 h"
    )

    # A meeting the representative was at is offered: one tap adds it.
    suggestions = phone.get_by_role("region", name="Meetings you were at")
    if suggestions.count():
        offered = suggestions.get_by_role("listitem")
        count_before = offered.count()
        offered.first.get_by_role("button", name=re.compile(r"^Add")).click()
        expect(phone.get_by_role("status")).to_contain_text("for the meeting on")
        expect(
            phone.get_by_role("region", name="Meetings you were at").get_by_role("listitem")
        ).to_have_count(count_before - 1)
        expect(entries.get_by_role("listitem").filter(has_text="Group meeting")).not_to_have_count(
            0
        )

    phone.get_by_role("button", name=re.compile(r"^Send .+ for approval$")).click()
    expect(phone.get_by_role("status")).to_contain_text(f"{month} is sent for approval.")
    expect(phone.get_by_text("Waiting for approval", exact=True)).to_be_visible()
    expect(phone.get_by_role("heading", name="Log hours")).to_have_count(0)
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # The coordinator, on a laptop, finds the month in the timesheets and approves it.
    laptop = open_english_page(LAPTOP)
    log_in_in_english(laptop, "coordinator@example.org")
    laptop.get_by_role("link", name="Resource group").click()
    laptop.get_by_role("link", name="Timesheets").click()
    expect(laptop).to_have_url(re.compile(re.escape(TIMESHEETS_PATH) + "$"))
    row = laptop.get_by_role("row").filter(has_text=REPRESENTATIVE).filter(has_text=month)
    expect(row).to_contain_text("Waiting for approval")
    expect_no_serious_accessibility_violations(laptop)
    row.get_by_role("link", name=REPRESENTATIVE).click()

    expect(laptop.get_by_role("heading", level=1)).to_have_text(f"{REPRESENTATIVE}: {month}")
    entries_table = laptop.get_by_role("table", name="Entries in the month")
    expect(entries_table).to_contain_text("Read the papers for the theme day")
    expect_no_serious_accessibility_violations(laptop)
    expect(
        laptop.get_by_text(re.compile(r"^You approve .* exactly as listed above\.$"))
    ).to_be_visible()
    laptop.get_by_role("button", name="Approve the month").click()

    expect(laptop).to_have_url(re.compile(re.escape(TIMESHEETS_PATH) + "$"))
    expect(laptop.get_by_role("status")).to_contain_text(
        f"{month} for {REPRESENTATIVE} is approved."
    )
    row = laptop.get_by_role("row").filter(has_text=REPRESENTATIVE).filter(has_text=month)
    expect(row).to_contain_text("Approved")

    # The payroll file offers the month, with the representative in it.
    laptop.get_by_role("link", name="Payroll file").click()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Payroll file")
    expect(laptop.get_by_label("Month").locator("option", has_text=month)).to_have_count(1)
    laptop.get_by_label("Month").select_option(label=month)
    laptop.get_by_role("button", name="Show").click()
    payroll = laptop.get_by_role("table", name=f"The payroll file for {month}")
    expect(payroll.get_by_role("row").filter(has_text=REPRESENTATIVE)).to_have_count(1)
    expect(laptop.get_by_role("link", name=f"Download the file for {month} (CSV)")).to_be_visible()
    expect_no_serious_accessibility_violations(laptop)

    # And the representative sees the month approved and locked.
    phone.reload()
    expect(phone.get_by_text("✓ Approved", exact=True)).to_be_visible()
    expect(phone.get_by_text(re.compile(r"^Approved .+ The month is locked"))).to_be_visible()
    expect(phone.get_by_role("heading", name="Log hours")).to_have_count(0)
