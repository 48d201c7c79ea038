"""Training (issue 15): the coordinator makes a module with a 12-month refresher and records
two people as done after a session; the table shows them; one of them, on a 360 px phone,
finds the module on her own training page with the refresher's date."""

import re

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
)
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
TITLE = "Samtaler om aktivitetsplikten"

pytestmark = pytest.mark.calendar


def test_coordinator_records_a_session_and_a_representative_sees_it_on_her_phone(open_page, demo):
    desk = open_page()
    log_in(desk, "coordinator@example.org")
    expect(desk).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    desk.get_by_role("link", name="Opplæring", exact=True).click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Opplæring")
    expect_no_serious_accessibility_violations(desk)

    # A new module: for the paid representatives and the project group's advisors.
    desk.get_by_role("link", name="Ny modul").click()
    desk.get_by_label("Tittel").fill(TITLE)
    desk.get_by_label("Hva den handler om").fill(
        "Hvordan vi snakker med unge om aktivitetsplikten."
    )
    desk.get_by_label("Materiell").fill("Les rundskrivet:\nhttps://www.nav.no/")
    desk.get_by_label("Ansatte brukermedvirkere").check()
    desk.get_by_label("Veiledere i prosjektgruppa").check()
    desk.get_by_label("Hvor lang tid den tar, i minutter").fill("90")
    desk.get_by_label("Oppfriskning etter hvor mange måneder").fill("12")
    expect_no_serious_accessibility_violations(desk)
    desk.get_by_role("button", name="Lagre").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(desk.get_by_role("link", name="https://www.nav.no/")).to_be_visible()

    # After the session: two people ticked.
    desk.get_by_role("link", name="Registrer hvem som har gjennomført den").click()
    expect(desk.get_by_label("Modul")).to_have_value(re.compile(r"\d+"))
    desk.get_by_label("Emma Johansen").check()
    desk.get_by_label("Sara Holm").check()
    expect_no_serious_accessibility_violations(desk)
    desk.get_by_role("button", name="Registrer som gjennomført").click()
    expect(desk.get_by_text(f"«{TITLE}»: 2 registrert som gjennomført.")).to_be_visible()

    table = desk.get_by_role("table", name=f"Hvem som har gjennomført «{TITLE}»")
    today = timezone.localdate()
    due = today + relativedelta(months=12)
    with translation.override("nb"):
        done_short, due_short = (date_format(day, "SHORT_DATE_FORMAT") for day in (today, due))
        due_long = date_format(due, "DATE_FORMAT")
    for name in ("Emma Johansen", "Sara Holm"):
        row = table.get_by_role("row").filter(has_text=name)
        expect(row).to_contain_text(done_short)
        expect(row).to_contain_text(due_short)
        expect(row).to_contain_text("Gjennomført")

    # The representative, on her phone, finds it on her own training page.
    phone = open_page(PHONE)
    log_in(phone, "representative@example.org")
    expect(phone).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    phone.get_by_role("link", name="Min opplæring").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Min opplæring")
    card = phone.get_by_role("article", name=TITLE)
    expect(card).to_contain_text("Gjennomført")
    expect(card).to_contain_text(f"Oppfriskning innen {due_long}.")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    card.get_by_role("link", name=TITLE).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
