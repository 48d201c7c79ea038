"""The minutes page never throws typed text away: adding a decision or an action item saves
the text too, a refused item keeps everything, a second editor sees both texts, and approving
goes through a check step that shows what will be locked."""

import re

from playwright.sync_api import Page, expect

from participation.models import ActionItem, Decision, Group, Meeting

from .browser import expect_no_sideways_scroll, log_in, visit
from .conftest import PHONE, PROGRAMME_SLUG

COORDINATOR = "coordinator@example.org"
REPRESENTATIVE = "representative@example.org"


def latest_draft() -> Meeting:
    return (
        Meeting.objects.past()
        .filter(group__kind=Group.Kind.RESOURCE, minutes_status=Meeting.MinutesStatus.DRAFT)
        .latest("starts_at")
    )


def minutes_path(meeting: Meeting) -> str:
    return f"/p/{PROGRAMME_SLUG}/meetings/{meeting.pk}/minutes/"


def expect_message(page: Page, text: str) -> None:
    expect(page.get_by_role("status")).to_contain_text(text)


def test_nothing_typed_on_the_minutes_page_is_lost(open_page, demo):
    meeting = latest_draft()
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, minutes_path(meeting))

    # --- Text typed, then a decision added: both are kept ---
    page.get_by_label("Generelle notater").fill("Skrevet før vedtaket.")
    page.get_by_label("Hva ble bestemt?").fill("Gruppa lager en plakat om frister.")
    page.get_by_role("button", name="Legg til vedtaket").click()

    expect_message(page, "Referatet er lagret som utkast. Vedtaket er lagt til.")
    expect(page.get_by_label("Generelle notater")).to_have_value("Skrevet før vedtaket.")
    expect(page.get_by_text("Gruppa lager en plakat om frister.")).to_be_visible()
    page.screenshot(path="/work/shots/minutes-after-1280.png", full_page=True)
    assert Decision.objects.filter(meeting=meeting, text__startswith="Gruppa lager").exists()

    # --- An action item with no title is refused; the text typed meanwhile stays ---
    page.get_by_label("Generelle notater").fill("Skrevet før oppfølgingspunktet.")
    page.get_by_label("Hva ble bestemt?").fill("Et vedtak til.")
    page.get_by_role("button", name="Legg til oppfølgingspunktet").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # keyboard and screen reader users hear it first
    expect(summary).to_contain_text("Ingenting er lagret ennå")
    expect(page.get_by_label("Generelle notater")).to_have_value("Skrevet før oppfølgingspunktet.")
    expect(page.get_by_label("Hva ble bestemt?")).to_have_value("Et vedtak til.")
    page.get_by_label("Hva skal gjøres?").fill("Bestille lokale til fagdagen")
    page.get_by_role("button", name="Legg til oppfølgingspunktet").click()
    expect_message(page, "Oppfølgingspunktet er lagt til.")
    assert ActionItem.objects.filter(meeting=meeting, title="Bestille lokale til fagdagen").exists()
    assert Decision.objects.filter(meeting=meeting, text="Et vedtak til.").exists()

    # --- A second editor on a phone saves in between: the first sees both texts ---
    phone = open_page(PHONE)
    log_in(phone, REPRESENTATIVE)
    visit(phone, minutes_path(meeting))
    expect_no_sideways_scroll(phone)
    phone.screenshot(path="/work/shots/minutes-after-360.png", full_page=True)
    phone.get_by_label("Generelle notater").fill("Representantens versjon.")
    phone.get_by_role("button", name="Lagre referatet").click()
    expect_message(phone, "Referatet er lagret som utkast.")
    # The coordinator's page still has the older version: its autosave does not overwrite
    # the newer text, and says so; Save then shows both.
    page.get_by_label("Generelle notater").fill("Koordinatorens versjon.")
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Noen andre har lagret referatet"
    )
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Representantens versjon."
    page.get_by_role("button", name="Lagre referatet").click()

    expect(page.get_by_role("heading", name="Teksten din ble ikke lagret")).to_be_visible()
    expect(page.get_by_label("Generelle notater")).to_have_value("Koordinatorens versjon.")
    expect(page.locator(".minutes-theirs").first).to_contain_text("Representantens versjon.")
    page.get_by_label("Generelle notater").fill("Begge versjonene, satt sammen.")
    page.get_by_role("button", name="Lagre referatet").click()
    expect_message(page, "Referatet er lagret som utkast.")

    # --- Approving shows what will be locked, and a save in between stops it ---
    page.get_by_role("button", name="Lagre og se over før godkjenning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se over før du godkjenner")
    expect(page.get_by_text("Begge versjonene, satt sammen.")).to_be_visible()
    phone.reload()
    phone.get_by_label("Generelle notater").fill("Endret mens koordinatoren så over.")
    phone.get_by_role("button", name="Lagre referatet").click()
    expect_message(phone, "Referatet er lagret som utkast.")
    page.get_by_role("button", name="Godkjenn dette referatet").click()

    expect_message(page, "Ingenting er godkjent")
    expect(page.get_by_text("Endret mens koordinatoren så over.")).to_be_visible()
    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved
    page.get_by_role("button", name="Godkjenn dette referatet").click()
    expect_message(page, "Referatet er godkjent.")
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    meeting.refresh_from_db()
    assert meeting.minutes_are_approved
    assert meeting.minutes_summary == "Endret mens koordinatoren så over."
