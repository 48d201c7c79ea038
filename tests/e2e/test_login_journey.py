"""Logging in to the demo, in a real browser, as a coordinator on a laptop and a paid
representative on a phone; with axe checking every page they pass for serious problems."""

import re

from playwright.sync_api import expect

from .browser import expect_no_serious_accessibility_violations, log_in, visit
from .conftest import DEMO_PASSWORD, PHONE, PROGRAMME_SLUG

PROGRAMME_NAME = "Best på aktivitetsplikt i Gjøvikregionen"
PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
ALL_GROUPS = ["Styringsgruppa for Gjøvikregionen", "Prosjektgruppa", "Ressursgruppa"]


def test_the_login_page_has_no_serious_accessibility_problems(page):
    visit(page, "/accounts/login/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_no_serious_accessibility_violations(page)


def test_coordinator_logs_in_and_sees_the_programme(page, demo):
    log_in(page, "coordinator@example.org")

    expect(page).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME_NAME)
    for group in ALL_GROUPS:
        expect(page.get_by_role("heading", name=group, exact=True)).to_be_visible()
    expect_no_serious_accessibility_violations(page)


def test_paid_representative_on_a_phone_sees_their_groups_without_scrolling_sideways(
    open_page, demo
):
    page = open_page(PHONE)

    log_in(page, "representative@example.org")

    expect(page).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME_NAME)
    for group in ["Ressursgruppa", "Styringsgruppa for Gjøvikregionen"]:
        expect(page.get_by_role("heading", name=group, exact=True)).to_be_visible()
    # Sideways scrolling on a phone fails WCAG 1.4.10 (reflow) and hides half of every line.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page is {scroll_width}px wide on a 360px phone"
    expect_no_serious_accessibility_violations(page)


def test_wrong_password_brings_the_form_back_with_an_error_and_the_email_kept(page, demo):
    log_in(page, "coordinator@example.org", password="not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert")).to_contain_text("E-postadressen eller passordet er feil")
    expect(page.get_by_label("E-post")).to_have_value("coordinator@example.org")
    expect(page.get_by_label("Passord")).to_have_value("")
    expect_no_serious_accessibility_violations(page)


def test_choosing_english_in_the_language_switcher_turns_the_page_english(page):
    visit(page, "/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")

    switcher = page.locator("form.language-switcher")
    switcher.get_by_role("combobox").select_option(label="English")
    switcher.get_by_role("button").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def test_coordinator_is_sent_to_set_up_an_authenticator_app_when_two_step_login_is_required(
    page, demo, settings
):
    settings.MEDVIRK_REQUIRE_MFA = True

    log_in(page, "coordinator@example.org")

    # allauth guards every change to a second factor with a fresh password check
    # (MFA_REAUTHENTICATION_REQUIRED), and a password login does not count as one; so the
    # coordinator confirms the password once more before the set-up page opens.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/\?next=.*2fa.*totp.*activate"))
    page.get_by_label("Passord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Bekreft").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ta i bruk autentiseringsapp")
    expect_no_serious_accessibility_violations(page)
