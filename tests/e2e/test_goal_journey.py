"""A programme goal (issue 16): the coordinator, on a 360 px phone, adds a goal measured by a
survey statement, is warned when the baseline round does not end before the change, corrects
the date and sees the goal on the goals page with its baseline, latest value and target."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from surveys.models import Survey

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

GOALS_PATH = f"/p/{PROGRAMME_SLUG}/reports/goals/"
TITLE = "Flere unge vet hvordan de når NAV"

pytestmark = pytest.mark.calendar


def test_coordinator_adds_a_goal_on_a_phone_and_sees_it_on_the_goals_page(open_page, demo):
    survey = Survey.objects.get(slug="kort-om-nav")
    baseline, after = list(survey.rounds.order_by("starts_on"))[:2]

    phone = open_page(PHONE)
    log_in(phone, "coordinator@example.org")
    visit(phone, GOALS_PATH)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Prosjektets mål")
    expect_no_sideways_scroll(phone)
    phone.get_by_role("link", name="Legg til et mål").click()

    form = phone.locator("form.entrance")
    form.locator("#id_title").fill(TITLE)
    form.get_by_label("Hvorfor dette målet").fill("Brosjyren forteller hvordan.")
    form.get_by_label("Undersøkelse: andel som er enige i en påstand").check()
    form.get_by_label("Påstand i undersøkelsen").select_option(
        label="Vet du hva NAV kan hjelpe deg med?: Jeg vet hvordan jeg får tak i veilederen min."
    )
    form.get_by_label("Nullpunktsmåling fra").fill(baseline.starts_on.isoformat())
    # A baseline running past the change: Medvirk warns before saving, and keeps the values.
    late = after.starts_on + datetime.timedelta(days=5)
    form.get_by_label("Nullpunktsmåling til").fill(late.isoformat())
    form.get_by_label("Endringen startet").fill(after.starts_on.isoformat())
    form.get_by_label("Målverdi").fill("75")
    form.get_by_label("Høyere er bedre").check()
    form.get_by_role("button", name="Lagre målet").click()

    warning = phone.locator("#baseline-warning")
    expect(warning).to_contain_text("Nullpunktet er ikke målt før endringen")
    expect(phone.locator("#id_title")).to_have_value(TITLE)
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    phone.get_by_label("Nullpunktsmåling til").fill(baseline.ends_on.isoformat())
    phone.get_by_role("button", name="Lagre målet").click()

    expect(phone).to_have_url(re.compile(re.escape(GOALS_PATH) + "$"))
    expect(phone.get_by_text("Målet er lagret.")).to_be_visible()
    goal = phone.get_by_role("region", name=TITLE)
    expect(goal).to_contain_text("Nullpunkt")
    expect(goal).to_contain_text("33\xa0%")  # the baseline round (surveys.demo_short)
    expect(goal).to_contain_text("Målverdi")
    expect(goal.get_by_role("img")).to_be_visible()
    expect(goal.get_by_role("table")).to_contain_text("Etter brosjyren")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
