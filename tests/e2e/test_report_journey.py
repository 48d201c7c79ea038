"""Issue 8 in a real browser: the coordinator orders a steering report for a period, sees that
it is ready, and downloads the PDF.

Tasks run eagerly in the tests (no Redis), so the report is made while the order is sent; the
page that reloads itself while a report renders is covered by reloading once if needed.
The browser asks for English ("en-US"), so the test reads the English source strings.
"""

import re

from django.utils import timezone
from playwright.sync_api import expect

from .browser import (
    expect_no_serious_accessibility_violations,
    log_in_in_english,
)
from .conftest import LAPTOP, PROGRAMME_SLUG

REPORTS_PATH = f"/p/{PROGRAMME_SLUG}/reports/"


def test_coordinator_orders_a_steering_report_and_downloads_the_pdf(open_english_page, demo):
    today = timezone.localdate()
    start = (today.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)

    page = open_english_page(LAPTOP)
    log_in_in_english(page, "coordinator@example.org")
    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(REPORTS_PATH) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports to the steering group")
    make = page.get_by_role("region", name="Make a report")
    # The period comes filled in (since the previous steering meeting); choose another.
    expect(make.get_by_label("From")).not_to_have_value("")
    make.get_by_label("From").fill(start.isoformat())
    make.get_by_label("To").fill(today.isoformat())
    expect_no_serious_accessibility_violations(page)
    make.get_by_role("button", name="Make the report").click()

    expect(page).to_have_url(re.compile(re.escape(REPORTS_PATH) + r"\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Report to the steering group")
    expect(page.get_by_role("status").first).to_contain_text("The report is being made.")
    if page.get_by_text("This page updates by itself").count():
        page.get_by_role("link", name="Update now").click()
    ready = page.get_by_role("status").filter(has_text="The report is ready.")
    expect(ready).to_contain_text("Ready")
    expect_no_serious_accessibility_violations(page)

    download = page.get_by_role("link", name="Download PDF")
    response = page.request.get(download.get_attribute("href"))
    assert response.ok, f"the download answered {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.body().startswith(b"%PDF-")

    # The archive lists the report, done, with its own download link.
    page.get_by_role("link", name="All reports").click()
    archive = page.get_by_role("table", name="Reports made, newest first")
    newest = archive.locator("tbody tr").first
    expect(newest).to_contain_text("Ready")
    expect(newest.get_by_role("link", name=re.compile(r"^Download PDF"))).to_be_visible()
