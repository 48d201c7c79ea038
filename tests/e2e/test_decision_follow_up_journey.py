"""A decision followed up (issue 15): the coordinator records who follows up a decision of a
held meeting, by when; the group's next meeting shows it with the decision and its date; the
owner finds it on their start page on a 360 px phone and marks it done with a note; the next
meeting then shows what came of it."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participation.models import ActionItem, Decision, Group, Meeting

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in,
    visit,
)
from .conftest import PHONE, PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
DECISION = "Gruppa inviterer en veileder fra NAV Østre Toten til et av de neste møtene."
TITLE = "Lage en liste med spørsmål til veilederen"
NOTE = "Lista er sendt til NAV Østre Toten."

pytestmark = pytest.mark.calendar


def test_a_follow_up_is_recorded_done_on_a_phone_and_heard_at_the_next_meeting(open_page, demo):
    decision = Decision.objects.get(text=DECISION)
    held = decision.meeting
    upcoming = (
        Meeting.objects.filter(
            group__kind=Group.Kind.RESOURCE, starts_at__gt=timezone.now(), status="planned"
        )
        .order_by("starts_at")
        .first()
    )
    due = timezone.localdate() + datetime.timedelta(days=5)

    # The coordinator records the follow-up on the held meeting's page.
    desk = open_page()
    log_in(desk, "coordinator@example.org")
    expect(desk).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    visit(desk, f"{PROGRAMME_PATH}meetings/{held.pk}/")
    row = desk.locator(f"#decision-{decision.pk}")
    row.locator("summary").click()
    row.get_by_label("Hva skal gjøres?").fill(TITLE)
    row.get_by_label("Hvem gjør det?").select_option(label="Emma Johansen")
    row.get_by_label("Innen når?").fill(due.isoformat())
    row.get_by_role("button", name="Legg til oppfølgingen").click()
    expect(desk.get_by_text("Oppfølgingen er lagt til vedtaket.")).to_be_visible()
    expect(
        desk.locator(f"#decision-{decision.pk}").get_by_role("article", name=TITLE)
    ).to_contain_text("Emma Johansen")
    item = ActionItem.objects.get(title=TITLE)
    assert (item.decision, item.due_on) == (decision, due)

    # The group's next meeting shows it, with the decision it follows up and its date.
    visit(desk, f"{PROGRAMME_PATH}meetings/{upcoming.pk}/")
    carried = desk.get_by_role(
        "region", name="Oppfølgingspunkter fra tidligere møter som ikke er ferdige"
    )
    line = carried.get_by_role("row").filter(has_text=TITLE)
    expect(line).to_contain_text("Følger opp vedtaket: " + DECISION[:40])
    expect(line.get_by_role("link")).to_have_attribute(
        "href", f"{PROGRAMME_PATH}meetings/{held.pk}/"
    )

    # The owner, on a phone, finds it on their start page and marks it done with a note.
    phone = open_page(PHONE)
    log_in(phone, "representative@example.org")
    expect(phone).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))
    owed = phone.get_by_role("region", name=re.compile("Det jeg må følge opp"))
    card = owed.get_by_role("article", name=TITLE)
    expect(card).to_contain_text(DECISION[:40])
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    card.get_by_label("Merknad (valgfritt)").fill(NOTE)
    card.get_by_role("button", name=re.compile("Merk som gjennomført")).click()
    expect(phone.get_by_text(f"«{TITLE}» har nå status: Gjennomført.")).to_be_visible()
    expect(phone.get_by_role("article", name=TITLE)).to_have_count(0)
    expect_no_sideways_scroll(phone)

    # The next meeting now hears what came of it.
    visit(desk, f"{PROGRAMME_PATH}meetings/{upcoming.pk}/")
    done = desk.get_by_role("region", name="Vedtak som er fulgt opp siden forrige møte")
    expect(done).to_contain_text(TITLE)
    expect(done).to_contain_text(NOTE)
