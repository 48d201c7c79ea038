"""The seeds' structure, visible (issue 15), on a 360 px phone: a member says where she lives;
the steering member sees how the municipalities are represented (counts only), records the
office's advisor time and sees it against the plan; the coordinator adds a yearly task to the
annual plan and the person responsible marks it done."""

import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from playwright.sync_api import expect

from participation.models import AdvisorTimeEntry, AnnualTask, AnnualTaskDone, User

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
TASK = "Møte med fylkeskommunen om tilskuddet"

pytestmark = pytest.mark.calendar


def _check(page):
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)


def test_the_seeds_structure_on_a_phone(open_page, demo):
    today = timezone.localdate()

    # A member says where she lives on her own page.
    member = open_page(PHONE)
    log_in(member, "aisha.mohammed@example.org")
    expect(member).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    visit(member, "/account/profile/")
    expect(member.get_by_role("heading", level=1)).to_have_text("Mine opplysninger")
    member.get_by_label("Hjemkommune").select_option(label="Søndre Land")
    member.get_by_role("button", name="Lagre").click()
    expect(member.get_by_text("Hjemkommunen er lagret.")).to_be_visible()
    _check(member)
    assert User.objects.get(email="aisha.mohammed@example.org").municipality == "Søndre Land"

    # The steering member sees how the municipalities are represented: counts, no names.
    leader = open_page(PHONE)
    log_in(leader, "steering@example.org")
    expect(leader).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    leader.get_by_role("link", name="Hvem medlemmene er").click()
    expect(leader.get_by_role("heading", level=1)).to_have_text("Hvem medlemmene er")
    by_municipality = leader.get_by_role("table", name="Etter kommune")
    expect(by_municipality.get_by_role("row", name=re.compile("Søndre Land"))).to_contain_text(
        "under 5"
    )
    expect(leader.get_by_text("Aisha Mohammed")).to_have_count(0)
    _check(leader)

    # ...and records NAV Gjøvik's advisor time for this month.
    visit(leader, PROGRAMME_PATH)
    leader.get_by_role("link", name="Veiledertid").click()
    expect(leader.get_by_role("heading", level=1)).to_have_text("Veiledertid")
    _check(leader)
    leader.get_by_role("link", name="Registrer tid brukt").click()
    expect(leader.get_by_role("heading", level=1)).to_have_text("Registrer veiledertid brukt")
    # Only the office she leads can be chosen.
    expect(leader.get_by_label("NAV-kontor").locator("option")).to_have_count(1)
    with override("nb"):
        this_month = date_format(today.replace(day=1), "YEAR_MONTH_FORMAT")
    leader.get_by_label("Måned").select_option(label=this_month)
    leader.get_by_label("Timer brukt").fill("12,5")
    leader.get_by_label("Notat").fill("To møter i prosjektgruppa og en fagdag")
    _check(leader)
    leader.get_by_role("button", name="Lagre").click()
    expect(leader.get_by_text(re.compile(r"NAV Gjøvik: 12,5 timer registrert"))).to_be_visible()
    gjovik = leader.get_by_role("region", name="NAV Gjøvik")
    expect(gjovik.get_by_role("row", name=re.compile(re.escape(this_month)))).to_contain_text(
        "12,5"
    )
    assert AdvisorTimeEntry.objects.get(office__code="gjovik", month=today.replace(day=1)).hours

    # The coordinator adds a yearly task for this month, with the steering member responsible.
    desk = open_page(PHONE)
    log_in(desk, "coordinator@example.org")
    expect(desk).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    visit(desk, f"{PROGRAMME_PATH}plan/tasks/")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Årlige oppgaver")
    desk.get_by_role("textbox", name=re.compile("^Oppgave")).fill(TASK)
    with override("nb"):
        month_name = date_format(today, "F")
    desk.get_by_role("combobox", name=re.compile("^Måned")).select_option(label=month_name)
    desk.get_by_label("Ansvarlig").select_option(label="Kari Nordahl")
    _check(desk)
    desk.get_by_role("button", name="Legg til oppgaven").click()
    expect(desk.get_by_text(f"«{TASK}» er lagret.")).to_be_visible()
    task = AnnualTask.objects.get(title=TASK)

    # The steering member finds it in the annual plan and marks it done.
    visit(leader, f"{PROGRAMME_PATH}plan/{today.year}/")
    entry = leader.get_by_role("listitem").filter(has_text=TASK)
    expect(entry).to_contain_text("Ikke gjort")
    _check(leader)
    entry.get_by_role("button", name=re.compile("Merk som gjort")).click()
    expect(leader.get_by_text(f"«{TASK}» er merket som gjort.")).to_be_visible()
    expect(leader.get_by_role("listitem").filter(has_text=TASK)).to_contain_text("Gjennomført")
    assert AnnualTaskDone.objects.filter(task=task, year=today.year).exists()
