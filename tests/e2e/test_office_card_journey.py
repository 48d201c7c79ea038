"""Each office's card (issue 16): the steering member who leads NAV Gjøvik opens their office's
card on a 360 px phone, from the steering report page, and narrows it to a shorter period."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"

pytestmark = pytest.mark.calendar


def test_the_leader_of_nav_gjovik_reads_the_office_card_on_a_phone(open_page, demo):
    phone = open_page(PHONE)
    log_in(phone, "steering@example.org")
    expect(phone).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))

    visit(phone, f"{PROGRAMME_PATH}reports/")
    phone.get_by_role("link", name="Kontorkort for hvert NAV-kontor").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Kontorkort for hvert NAV-kontor")
    expect_no_sideways_scroll(phone)
    phone.get_by_role("link", name="NAV Gjøvik").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("NAV Gjøvik")
    attendance = phone.get_by_role("region", name="Oppmøte i prosjektgruppa")
    expect(attendance).to_contain_text("Sara Holm")
    expect(attendance.get_by_role("table")).to_contain_text("Alle kontorer, i snitt")
    expect(phone.get_by_role("region", name="Veiledertid")).to_contain_text(
        re.compile(r"Planlagt: [\d,]+ timer i måneden")
    )
    expect(phone.get_by_role("region", name="Innspill kontoret skal svare på")).to_contain_text(
        "Svart innen fristen"
    )
    survey = phone.get_by_role("region", name="Spørreundersøkelsen")
    expect(survey.get_by_role("table").first).to_contain_text("Dette kontoret")
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)

    # A shorter period: the last ninety days.
    today = timezone.localdate()
    start = today - datetime.timedelta(days=90)
    phone.get_by_label("Fra").fill(start.isoformat())
    phone.get_by_label("Til").fill(today.isoformat())
    phone.get_by_role("button", name="Vis denne perioden").click()
    expect(phone.get_by_text(re.compile(r"Kontorets tall fra .* til "))).to_be_visible()
    expect(phone).to_have_url(re.compile(re.escape(f"period_start={start.isoformat()}")))
    expect(phone.get_by_role("heading", level=1)).to_have_text("NAV Gjøvik")
    expect_no_sideways_scroll(phone)
