"""An ordinary member of the resource group reading, on a phone, what NAV did with what the
group said: one card per input, NAV's answer in plain words, nothing wider than the screen."""

import re

from playwright.sync_api import expect

from .browser import expect_no_serious_accessibility_violations, log_in
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
NOT_ANSWERED = re.compile("Svaret er forsinket|Ikke svar ennå")


def test_member_reads_nav_s_answers_on_a_phone(open_page, demo):
    page = open_page(PHONE)
    log_in(page, "julie.rud@example.org")
    expect(page).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))

    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Hva skjedde?"
    ).click()

    expect(page).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "what-happened/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva skjedde med det vi sa")
    expect(page.get_by_role("link", name="Hva skjedde?")).to_have_attribute("aria-current", "page")

    # One card per input, with what the group said, where it stands and NAV's answer.
    letters = page.get_by_role("article", name="Brev fra NAV er vanskelige å forstå")
    expect(letters).to_contain_text("Ressursgruppa")
    expect(letters).to_contain_text(
        "Dere sa: Innkallingsbrevet er fullt av ord vi ikke forstår, og det står ikke hvorfor vi "
        "skal møte."
    )
    expect(letters).to_contain_text(
        re.compile(r"Status:\s+Gjennomført\s+\(siden \d+\. \w+ \d{4}\)")
    )
    expect(letters).to_contain_text(
        "Svar fra NAV: Vi har skrevet om innkallingsbrevet sammen med dere. Det nye brevet sier "
        "hvorfor vi møtes og hva som skjer, og det brukes på alle fem kontorene."
    )
    # A no comes with the reason and the answer.
    transport = page.get_by_role("article", name="Egen transport til aktiviteter i Nordre Land")
    expect(transport).to_contain_text("Status: NAV sa nei")
    expect(transport).to_contain_text("Hvorfor ikke: Kommunen har ikke penger til egen transport")
    expect(transport).to_contain_text("Svar fra NAV: Vi kan ikke sette opp egen transport nå.")
    # An answer that is late says so, in words and not only in colour.
    friend = page.get_by_role("article", name="Lov å ha med en venn på første møte")
    expect(friend).to_contain_text(
        re.compile(r"Svaret er forsinket\s+NAV skulle ha svart innen \d+\. \w+ \d{4}\.")
    )

    # Answered first; only the member's own group's inputs, not the project group's.
    cards = page.get_by_role("article")
    expect(cards.first).not_to_contain_text(NOT_ANSWERED)
    answered = [NOT_ANSWERED.search(text) is None for text in cards.all_inner_texts()]
    assert answered == sorted(answered, reverse=True), answered
    assert all(answered[:4]) and not all(answered), answered
    expect(page.get_by_text("Mange vet ikke hvordan de kontakter veilederen")).to_have_count(0)

    # A card fits the screen, and nothing makes the page scroll sideways (WCAG 1.4.10).
    box = letters.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page is {scroll_width}px wide on a 360px phone"
    expect_no_serious_accessibility_violations(page)
