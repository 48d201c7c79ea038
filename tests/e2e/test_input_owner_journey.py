"""An input answered by the one who owns it (issue 15): the coordinator gives an input to an
office leader with a due date; the leader finds it on their start page on a 360 px phone and
answers it; the members who raised it are told; the coordinator's overview shows it answered."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from participation.models import Input

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
TITLE = "Aktivitetene passer ikke for alle"
ANSWER = "Alle kontorene tilbyr nå minst to aktiviteter, og én av dem er i liten gruppe."

pytestmark = pytest.mark.calendar


@pytest.fixture(autouse=True)
def no_quiet_hours(settings):
    # The members are told at once whatever the hour the test runs (the quiet hours have
    # their own tests); the live server runs in this process and sees the change.
    settings.MEDVIRK_QUIET_HOURS_START = settings.MEDVIRK_QUIET_HOURS_END = 0


def test_leader_answers_an_input_given_to_them_on_a_phone(open_page, demo):
    item = Input.objects.get(title=TITLE)
    due = timezone.localdate() + datetime.timedelta(days=10)

    # The coordinator gives the input to NAV Gjøvik's leader, with a due date.
    desk = open_page()
    log_in(desk, "coordinator@example.org")
    expect(desk).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    visit(desk, f"{PROGRAMME_PATH}inputs/{item.pk}/")
    expect(desk.get_by_role("heading", level=1)).to_have_text(TITLE)
    assign = desk.get_by_role("region", name="Hvem følger opp")
    assign.get_by_label("NAV-kontor som følger opp").select_option(label="NAV Gjøvik")
    assign.get_by_label("Person som følger opp").select_option(label="Kari Nordahl")
    assign.get_by_label("Svarfrist").fill(due.isoformat())
    assign.get_by_role("button", name="Lagre").click()
    expect(desk.get_by_text("Lagret hvem som følger opp innspillet.")).to_be_visible()

    # The leader, on a phone, sees it among what they must answer and answers it.
    phone = open_page(PHONE)
    log_in(phone, "steering@example.org")
    expect(phone).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    owed = phone.get_by_role("region", name=re.compile("Mine innspill å svare på"))
    card = owed.get_by_role("article", name=TITLE)
    expect(card).to_contain_text(re.compile(r"Svar innen \d+\. \w+ \d{4}\."))
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    card.get_by_role("link", name=re.compile("Svar eller avslå")).click()
    expect(phone).to_have_url(re.compile(re.escape(f"{PROGRAMME_PATH}inputs/{item.pk}/") + "$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text(TITLE)
    answer = phone.get_by_role("region", name="Svar på eller avslå innspillet")
    # On a phone the answer comes first, with a button as wide as the screen allows.
    button = answer.get_by_role("button", name="Lagre steget")
    box = button.bounding_box()
    assert box is not None and box["width"] >= PHONE["width"] * 0.7 and box["height"] >= 44, box
    answer.get_by_label("Neste steg").select_option(label="Gjennomført")
    answer.get_by_label("Tilbakemelding til brukerne").fill(ANSWER)
    button.click()
    expect(phone.get_by_text("Innspillet har nå status: Gjennomført.")).to_be_visible()
    expect_no_sideways_scroll(phone)

    # The members who raised it are told, with a link to "What happened with what we said?".
    told = [m for m in mail.outbox if ANSWER in m.body]
    assert told, [m.subject for m in mail.outbox]
    assert all(f"{PROGRAMME_PATH}what-happened/#input-{item.pk}" in m.body for m in told)

    # The coordinator's overview no longer lists it as owed, and shows it answered.
    visit(desk, f"{PROGRAMME_PATH}inputs/owners/")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Hvem skylder svar")
    expect(desk.get_by_role("table").get_by_text(TITLE)).to_have_count(0)
    answered = desk.get_by_role("list").filter(has_text=TITLE)
    expect(answered).to_contain_text("Gjennomført")
