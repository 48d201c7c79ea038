"""Issue 18 in a real browser: an advisor at NAV Gjøvik on a 360 px phone finds a work
training offer open to her office's young people in a few taps; a young person judges an
offer anonymously on a phone; the poor judgement becomes an input; the steering group's
leader reads the region's picture on a laptop.

The browser asks for English ("en-US"), so the test reads the English source strings.
"""

import re

from playwright.sync_api import expect

from offers.models import Judgement, Offer, OfferInput
from participation.models import Input

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in_in_english,
    visit,
)
from .conftest import LAPTOP, PHONE, PROGRAMME_SLUG

OFFERS_PATH = f"/p/{PROGRAMME_SLUG}/offers/"
RAUFOSS = "Raufoss Industripark – praksisplasser"
CAFE = "Kafé Trappa – arbeidstrening"


def test_advisor_finds_an_offer_on_a_phone_and_a_poor_judgement_becomes_an_input(
    open_english_page, demo, settings
):
    # The page refuses answers sent within seconds (a bot's speed); a test is that quick.
    settings.OFFERS_MIN_SECONDS = 0
    phone = open_english_page(PHONE)
    log_in_in_english(phone, "advisor@example.org")

    # Tap 1: the register opens on the offers open to her office's young people.
    phone.get_by_role("link", name="Activity offers", exact=True).click()
    expect(phone).to_have_url(re.compile(re.escape(OFFERS_PATH) + "$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Activity offers")
    expect(
        phone.get_by_label("The young person's NAV office").locator("option:checked")
    ).to_have_text("NAV Gjøvik")
    results = phone.get_by_role("list", name=re.compile(r"offers$"))
    expect(results.get_by_role("link", name=RAUFOSS)).to_be_visible()
    expect(results.get_by_role("link", name="Gårdsarbeid på Kapp")).to_have_count(0)
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # Taps 2–3: work training only.
    phone.get_by_label("Type").select_option(label="Work training and practice")
    phone.get_by_role("button", name="Show offers").click()
    expect(results.get_by_role("link", name="Jobbhuset Gjøvikregionen")).to_have_count(0)
    expect(results.get_by_role("link", name=CAFE)).to_be_visible()

    # Tap 4: the offer, with how young people from Gjøvik may join.
    results.get_by_role("link", name=RAUFOSS).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(RAUFOSS)
    expect(phone.get_by_text("Also for young people from the offices chosen below")).to_be_visible()
    expect(phone.get_by_text(re.compile("Gjøvik og Østre Toten kan henvise"))).to_be_visible()
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # A young person judges the café on a phone, with no login and no cookie.
    cafe = Offer.objects.get(title=CAFE)
    young = open_english_page(PHONE)
    visit(young, f"/o/{cafe.public_code}/")
    expect(young.get_by_role("heading", level=1)).to_have_text("What do you think of the offer?")
    expect_no_sideways_scroll(young)
    expect_no_serious_accessibility_violations(young)
    young.get_by_role("group", name="How useful is the offer for you?").get_by_role(
        "radio", name="1", exact=True
    ).check()
    young.get_by_role("button", name="Send").click()
    expect(young.get_by_role("alert")).to_contain_text("Choose a number from 1 to 5.")
    young.get_by_role("group", name="How welcome did you feel there?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    young.get_by_role("group", name="Would you recommend it to others your age?").get_by_role(
        "radio", name="No", exact=True
    ).check()
    young.get_by_label("Anything else? (optional)").fill("Call me on 47012345. Boring.")
    young.get_by_role("button", name="Send").click()
    expect(young.get_by_role("heading", level=1)).to_have_text("Thank you for your answer!")
    assert young.context.cookies() == []
    newest = Judgement.objects.filter(offer=cafe).order_by("-pk").first()
    assert newest.usefulness == 1 and "47012345" not in newest.comment

    # The advisor turns the poor judgement into an input.
    visit(phone, f"{OFFERS_PATH}{cafe.pk}/")
    expect(phone.get_by_text("judged poorly")).to_be_visible()
    phone.get_by_role("link", name="Raise an input about this offer").click()
    expect(phone.get_by_role("radio", name="Young people judge the offer poorly")).to_be_checked()
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    inputs_before = Input.objects.count()
    phone.get_by_role("button", name="Raise the input").click()
    expect(phone.get_by_role("status")).to_contain_text("The input is raised")
    assert Input.objects.count() == inputs_before + 1
    link = OfferInput.objects.filter(offer=cafe).order_by("-pk").first()
    assert link.input.source == Input.Source.SURVEY
    assert link.input.assigned_office.code == "gjovik"

    # The steering group's leader reads the region's picture on a laptop.
    laptop = open_english_page(LAPTOP)
    log_in_in_english(laptop, "steering@example.org")
    visit(laptop, f"{OFFERS_PATH}region/")
    expect(laptop.get_by_role("heading", level=1)).to_have_text("The region's activity offers")
    expect(
        laptop.get_by_role("table", name="Running offers per municipality and type")
    ).to_be_visible()
    expect(
        laptop.get_by_role("cell", name=re.compile(re.escape(CAFE) + ".*judged poorly"))
    ).to_be_visible()
    expect_no_serious_accessibility_violations(laptop)
