"""Issue 6 in a real browser: an advisor records a first meeting on a 360 px phone in a few
taps, and the coordinator reads the adoption figures on a laptop (one test, one demo seed).

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

CHECKLIST_PATH = f"/p/{PROGRAMME_SLUG}/checklist/"
NOTE = "Hard to explain the activity duty without it sounding like a threat."


def test_advisor_records_a_first_meeting_on_a_phone_and_the_coordinator_sees_the_figures(
    open_english_page, demo
):
    with translation.override("en"):
        shown_today = formats.date_format(timezone.localdate(), "DATE_FORMAT")

    page = open_english_page(PHONE)
    log_in_in_english(page, "advisor@example.org")
    page.get_by_role("link", name="Checklist", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(CHECKLIST_PATH) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("First-meeting checklist")
    records = page.get_by_role("table", name="Your latest records").locator("tbody tr")
    made_today_before = records.filter(has_text=shown_today).count()

    page.get_by_role("link", name="Record a first meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a first meeting")
    # The advisor's own office and today's date come filled in.
    expect(page.get_by_label("Office")).to_have_value(re.compile(r"\d+"))
    expect(page.get_by_label("Office").locator("option:checked")).to_have_text("NAV Gjøvik")
    expect(page.get_by_label("Date of the first meeting")).to_have_value(
        timezone.localdate().isoformat()
    )
    points = page.get_by_role("group", name="Points you covered").get_by_role("checkbox")
    point_count = points.count()
    assert point_count > 3, "the demo checklist has its points"
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)

    # A note with what looks like a national identity number is refused, the note kept.
    note = page.get_by_label("What was hard? (optional)")
    note.fill(f"{NOTE} Her number is 01020312345.")
    page.get_by_role("button", name="All points covered – save").click()
    expect(page.get_by_role("alert")).to_contain_text("national identity number")
    expect(note).to_have_value(f"{NOTE} Her number is 01020312345.")
    expect(page.get_by_label("Office").locator("option:checked")).to_have_text("NAV Gjøvik")
    expect(page.get_by_label("Date of the first meeting")).to_have_value(
        timezone.localdate().isoformat()
    )
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)

    # Without the number, one tap records every point covered.
    note.fill(NOTE)
    page.get_by_role("button", name="All points covered – save").click()

    expect(page).to_have_url(re.compile(re.escape(CHECKLIST_PATH) + "$"))
    expect(page.get_by_role("status")).to_contain_text("Thank you! The first meeting is recorded.")
    newest = records.first
    expect(newest).to_contain_text(shown_today)
    expect(newest).to_contain_text("NAV Gjøvik")
    expect(newest).to_contain_text(f"{point_count} of {point_count}")
    expect(newest.get_by_role("link", name=re.compile(r"^Correct"))).to_be_visible()
    expect(records.filter(has_text=shown_today)).to_have_count(made_today_before + 1)
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)

    # The coordinator, on a laptop, reads where the checklist is used.
    page = open_english_page(LAPTOP)
    log_in_in_english(page, "coordinator@example.org")
    page.get_by_role("link", name="Checklist", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Figures")).first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Is the checklist used?")
    # Each chart is an image with a text alternative, and its figures are in a table too.
    for chart, table in [
        (
            "First meetings recorded per office",
            "First meetings recorded and advisors recording them, per office",
        ),
        ("First meetings recorded per month", "First meetings recorded per month and office"),
        (
            "Share of first meetings where each point was covered",
            "Share of first meetings where each point was covered, most often skipped first",
        ),
    ]:
        # The chart is named by its title and description (aria-labelledby on both).
        image = page.get_by_role("img", name=re.compile(rf"^{re.escape(chart)} .+ in the table"))
        expect(image).to_be_visible()
        expect(page.get_by_role("table", name=table, exact=True)).to_be_visible()
    offices = page.get_by_role(
        "table", name="First meetings recorded and advisors recording them, per office"
    )
    for office in ["NAV Gjøvik", "NAV Nordre Land", "NAV Søndre Land", "NAV Østre Toten"]:
        expect(offices.get_by_role("rowheader", name=office, exact=True)).to_be_visible()
    gjovik = offices.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="NAV Gjøvik", exact=True)
    )
    expect(gjovik).to_contain_text(shown_today)
    expect_no_serious_accessibility_violations(page)
