"""The coordinator opens Medvirk and sees a task list of what waits on them, each with a count
and a link that leads straight to the work; on a phone the list fits the screen."""

import re

from playwright.sync_api import expect

from .browser import expect_no_serious_accessibility_violations, expect_no_sideways_scroll, log_in
from .conftest import PHONE, PROGRAMME_SLUG

SHOTS = "/work/shots"


def test_the_start_page_is_a_task_list_that_leads_to_the_work(open_page, demo):
    page = open_page()
    log_in(page, "coordinator@example.org")
    expect(page).to_have_url(re.compile(re.escape(f"/p/{PROGRAMME_SLUG}/") + "$"))

    tasks = page.get_by_role("region", name="Må gjøres")
    expect(tasks).to_be_visible()
    # The demo has months to approve and minutes waiting, each with a count.
    timesheets = tasks.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Timelister å godkjenne")
    )
    expect(timesheets.locator(".badge")).to_have_text(re.compile(r"^[1-9]\d*$"))
    minutes = tasks.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Godkjenn referatet", exact=True)
    )
    expect(minutes.locator(".badge")).to_have_text(re.compile(r"^[1-9]\d*$"))
    expect_no_serious_accessibility_violations(page)
    page.screenshot(path=f"{SHOTS}/start-after-1280.png", full_page=True)

    # The link leads straight to the work: the months waiting for approval.
    timesheets.get_by_role("link", name="Timelister å godkjenne").click()
    expect(page).to_have_url(re.compile(r"/resource-group/timesheets/\?status=submitted$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Timelister")

    phone = open_page(PHONE)
    log_in(phone, "coordinator@example.org")
    expect(phone.get_by_role("region", name="Må gjøres")).to_be_visible()
    expect_no_sideways_scroll(phone)
    phone.screenshot(path=f"{SHOTS}/start-after-360.png", full_page=True)
