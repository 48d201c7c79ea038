"""Consent in a real browser (issue 13): a member who wrote a story without consenting gives
consent later on the story's page, sees what was agreed, and withdraws it; an application's
consent is withdrawn on its page and the application is gone. Each page passes axe and has no
sideways scroll on a 360 px phone."""

import re

import pytest
from playwright.sync_api import expect

from resourcegroup.models import Application, Story

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in_in_english,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

pytestmark = pytest.mark.calendar

STORIES = f"/p/{PROGRAMME_SLUG}/resource-group/stories/"


def _check(page):
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)


def test_a_member_gives_consent_on_a_story_sees_it_and_withdraws_it(open_english_page, demo):
    page = open_english_page(PHONE)
    log_in_in_english(page, "representative@example.org")

    visit(page, STORIES + "new/")
    page.get_by_label("Went well").check()
    page.get_by_label("What happened?").fill("Veilederen tok seg tid og forklarte planen.")
    page.get_by_role("button", name="Share the story").click()
    expect(page).to_have_url(re.compile(re.escape(STORIES) + "$"))
    story = Story.objects.filter(author__email="representative@example.org").latest("pk")
    assert story.input_consented_at is None

    visit(page, f"{STORIES}{story.pk}/")
    expect(
        page.get_by_text("You have not agreed to the use of this story in inputs.")
    ).to_be_visible()
    _check(page)
    page.get_by_role("link", name="Read the consent and decide").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consent to use the story in inputs")
    expect(
        page.get_by_text("The coordinator may use an anonymised version of my story")
    ).to_be_visible()
    _check(page)

    # Not ticked: told plainly, nothing stored.
    page.get_by_role("button", name="Give my consent").click()
    expect(page.get_by_text("Tick the box if you agree").first).to_be_visible()
    story.refresh_from_db()
    assert story.input_consented_at is None

    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Give my consent").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(STORIES)}{story.pk}/$"))
    expect(page.get_by_text("What you agreed to:")).to_be_visible()
    _check(page)
    story.refresh_from_db()
    assert story.may_be_used_in_inputs
    assert story.input_consent_text.startswith("The coordinator may use")

    page.get_by_role("button", name="Withdraw my consent").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(STORIES)}{story.pk}/$"))
    expect(page.get_by_text("You have withdrawn your consent")).to_be_visible()
    _check(page)
    story.refresh_from_db()
    assert story.input_consent_withdrawn_at is not None


def test_an_applications_consent_is_withdrawn_and_the_application_deleted(open_english_page, demo):
    application = (
        Application.objects.filter(posting__programme__slug=PROGRAMME_SLUG)
        .exclude(consented_at=None)
        .order_by("pk")
        .first()
    )
    page = open_english_page(PHONE)
    log_in_in_english(page, "coordinator@example.org")

    visit(page, f"/p/{PROGRAMME_SLUG}/resource-group/recruitment/applications/{application.pk}/")
    page.get_by_role("link", name="Withdraw consent and delete the application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Withdraw consent")
    expect(page.get_by_text(application.consent_text[:40])).to_be_visible()
    _check(page)

    page.get_by_role("button", name="Withdraw consent and delete the application").click()
    expect(page.get_by_text("The consent is withdrawn")).to_be_visible()
    _check(page)
    assert not Application.objects.filter(pk=application.pk).exists()
