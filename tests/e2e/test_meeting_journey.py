"""A coordinator running the resource group's meetings on a laptop, in a real browser: planning
a meeting, its agenda and invitation, then attendance and minutes for one that has been held,
through to approved minutes. And the new-meeting form refusing an end before the start."""

import datetime
import re

from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from participation.models import Group, Meeting

from .browser import expect_no_serious_accessibility_violations, log_in, visit
from .conftest import PROGRAMME_SLUG

PROGRAMME_PATH = f"/p/{PROGRAMME_SLUG}/"
COORDINATOR = "coordinator@example.org"
GROUP = "Ressursgruppa"


def norwegian_date(day: datetime.date | datetime.datetime, format: str = "l j. F Y") -> str:
    """A date as the Norwegian pages print it, e.g. "tirsdag 8. desember 2026"."""
    with translation.override("nb"):
        return date_format(day, format)


def log_in_as_coordinator(page: Page) -> None:
    log_in(page, COORDINATOR)
    expect(page).to_have_url(re.compile(re.escape(PROGRAMME_PATH) + "$"))


def expect_message(page: Page, text: str) -> None:
    """Django's messages: the polite live region at the top of the page."""
    expect(page.get_by_role("status")).to_contain_text(text)


def test_coordinator_runs_a_meeting_from_agenda_to_approved_minutes(page, demo, mailoutbox):
    log_in_as_coordinator(page)

    # --- Plan a new meeting for the resource group, a few days ahead ---
    page.get_by_role("heading", name=GROUP, exact=True).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GROUP)
    page.get_by_role("link", name="Nytt møte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt møte")
    # The group's usual time and place are filled in already.
    expect(page.get_by_label("Starter kl.")).to_have_value("16:00")
    expect(page.get_by_label("Slutter kl.")).to_have_value("18:00")
    expect(page.get_by_label("Sted")).to_have_value("Frivilligsentralen, Gjøvik")
    day = timezone.localdate() + datetime.timedelta(days=4)
    title = "Ekstramøte om innkallingsbrevet"
    page.get_by_label("Dato").fill(day.isoformat())
    page.get_by_label("Starter kl.").fill("17:00")
    page.get_by_label("Slutter kl.").fill("18:30")
    page.get_by_label("Tittel").fill(title)
    page.get_by_role("button", name="Planlegg møtet").click()

    expect_message(page, "Møtet er planlagt.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title}: {norwegian_date(day)}")

    # --- It is on the group's page; open it from there ---
    page.get_by_role("navigation", name="Du er her").get_by_role("link", name=GROUP).click()
    coming = page.get_by_role("listitem").filter(has_text=title)
    expect(coming.get_by_role("link")).to_have_text(f"{norwegian_date(day)}, 17.00–18.30")
    coming.get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title}: {norwegian_date(day)}")
    expect(page.get_by_text("17.00–18.30", exact=True)).to_be_visible()
    # The users' standing item is on every resource-group agenda from the start.
    expect(page.get_by_role("heading", name="1. Fra brukerne", exact=True)).to_be_visible()
    expect(page.get_by_text("Ikke sendt ennå")).to_be_visible()

    # --- Add an agenda item ---
    page.locator("summary", has_text="Legg til sak").click()
    item_title = "Nytt utkast til innkallingsbrev"
    page.get_by_label("Tittel").fill(item_title)
    page.get_by_label("Type").select_option(label="Drøfting")
    page.get_by_label("Legges fram av").fill("Emma Johansen")
    page.get_by_role("button", name="Legg til på sakslista").click()

    expect_message(page, "Saken er på sakslista.")
    expect(page.get_by_role("heading", name=f"2. {item_title}", exact=True)).to_be_visible()
    expect(page.get_by_text("Legges fram av Emma Johansen")).to_be_visible()

    # --- Send the agenda, after the check step ---
    page.get_by_role("link", name="Send sakslista").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk før du sender")
    expect(page.get_by_text("Julie Rud – e-post")).to_be_visible()
    expect(page.locator(".message-preview")).to_contain_text(item_title)
    assert not mailoutbox
    page.get_by_role("button", name="Send sakslista").click()

    expect_message(page, "Sakslista er på vei til medlemmene på e-post.")
    expect(page.get_by_text(re.compile(r"^Sendt \d+\. \w+ \d{4} kl\. \d\d\.\d\d$"))).to_be_visible()
    expect(page.get_by_role("link", name="Send sakslista på nytt")).to_be_visible()
    # Every member got the invitation with the agenda and a calendar file.
    to_julie = [message for message in mailoutbox if "julie.rud@example.org" in message.to]
    assert len(to_julie) == 1, [message.to for message in mailoutbox]
    assert item_title in to_julie[0].body
    parts = [part.get_content_type() for part in to_julie[0].message().walk()]
    assert "text/calendar" in parts, parts

    # --- The latest meeting held, its minutes a draft: the dashboard asks for them first ---
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Oversikt", exact=True
    ).click()
    needs_doing = page.get_by_role("region", name="Må gjøres")
    waiting = needs_doing.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Godkjenn referatet", exact=True)
    )
    last_held = waiting.get_by_role("link", name=re.compile(f"^{GROUP}, ")).first
    last_held_name = last_held.inner_text()
    last_held.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Referat")
    expect(page.get_by_text("Status: Utkast")).to_be_visible()
    page.get_by_role("link", name="Tilbake til møtet").click()
    meeting_heading = page.get_by_role("heading", level=1).inner_text()
    latest_draft = (
        Meeting.objects.past()
        .filter(group__name=GROUP, minutes_status=Meeting.MinutesStatus.DRAFT)
        .latest("starts_at")
    )
    assert meeting_heading == norwegian_date(timezone.localtime(latest_draft.starts_at))
    expect(
        page.get_by_text("Utkast. Medlemmene ser referatet når det er godkjent.")
    ).to_be_visible()

    # --- Attendance on one screen: Julie sent word after all ---
    page.get_by_role("link", name="Registrer oppmøte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oppmøte")
    julie = page.get_by_role("group", name=re.compile(r"^Julie Rud"))
    expect(julie.get_by_role("radio", name="Ikke møtt")).to_be_checked()
    julie.get_by_role("radio", name="Meldt forfall").check()
    page.get_by_role("button", name="Lagre oppmøtet").click()

    expect_message(page, "Oppmøtet er lagret.")
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting_heading)
    attendance = page.get_by_role("listitem")
    expect(attendance.filter(has_text=re.compile(r"^Meldt forfall: "))).to_contain_text("Julie Rud")
    expect(attendance.filter(has_text=re.compile(r"^Ikke møtt: "))).not_to_contain_text("Julie Rud")

    # --- Minutes per agenda item ---
    page.get_by_role("link", name="Skriv referat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referat")
    summary = "Julie hadde meldt forfall. Neste møte handler om brevene."
    from_the_users = (
        "Flere fortalte at de fikk brev med frist samme dag. "
        "Gruppa ber NAV sende brevene tidligere."
    )
    page.get_by_label("Generelle notater").fill(summary)
    page.get_by_label("1. Fra brukerne", exact=True).fill(from_the_users)
    page.get_by_role("button", name="Lagre referatet").click()

    expect_message(page, "Referatet er lagret som utkast.")
    expect(page.get_by_label("Generelle notater")).to_have_value(summary)
    expect(page.get_by_label("1. Fra brukerne", exact=True)).to_have_value(from_the_users)
    expect(page.get_by_text("Status: Utkast")).to_be_visible()

    # --- Approve after the check step: the members can read them now ---
    page.get_by_role("button", name="Lagre og se over før godkjenning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se over før du godkjenner")
    expect(page.get_by_text(from_the_users)).to_be_visible()
    page.get_by_role("button", name="Godkjenn dette referatet").click()

    expect_message(page, "Referatet er godkjent. Medlemmene kan lese det nå.")
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting_heading)
    expect(page.get_by_text("Utkast. Medlemmene ser referatet når det er godkjent.")).to_have_count(
        0
    )
    expect(page.get_by_text(summary)).to_be_visible()
    expect(page.get_by_text(from_the_users)).to_be_visible()
    expect_no_serious_accessibility_violations(page)

    # The minutes page now says they are approved and locked ...
    page.get_by_role("link", name="Skriv referat").click()
    expect(page.get_by_text("Status: Godkjent")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"^Referatet ble godkjent .* kan ikke endres lenger"))
    ).to_be_visible()
    expect(page.get_by_role("button", name="Lagre og se over før godkjenning")).to_have_count(0)
    # ... the group's list of past meetings says so ...
    page.get_by_role("navigation", name="Du er her").get_by_role("link", name=GROUP).click()
    held = page.get_by_role("listitem").filter(has_text=f"{meeting_heading},")
    expect(held).to_contain_text("Referatet er godkjent")
    # ... and the dashboard no longer asks for them.
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Oversikt", exact=True
    ).click()
    expect(page.get_by_role("region", name="Må gjøres")).to_be_visible()
    expect(
        page.get_by_role("region", name="Må gjøres").get_by_role("link", name=last_held_name)
    ).to_have_count(0)


def test_new_meeting_ending_before_it_starts_is_refused_with_the_values_kept(page, demo):
    log_in_as_coordinator(page)
    group = Group.objects.get(name=GROUP, kind=Group.Kind.RESOURCE)
    visit(page, f"{PROGRAMME_PATH}groups/{group.pk}/meetings/new/")
    meetings_before = Meeting.objects.count()
    day = timezone.localdate() + datetime.timedelta(days=5)

    page.get_by_label("Dato").fill(day.isoformat())
    page.get_by_label("Starter kl.").fill("18:00")
    page.get_by_label("Slutter kl.").fill("16:00")
    page.get_by_label("Tittel").fill("Møte med feil klokkeslett")
    page.get_by_role("button", name="Planlegg møtet").click()

    message = "Møtet må slutte etter at det starter. Sjekk når møtet slutter."
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt møte")
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Se over dette før du går videre")
    # The summary links to the field; the field says what is wrong, to the eye and to a screen
    # reader.
    expect(summary.get_by_role("link", name=f"Slutter kl.: {message}")).to_have_attribute(
        "href", "#id_end_time"
    )
    end = page.get_by_label("Slutter kl.")
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(end).to_have_accessible_description(message)
    expect(page.locator("#div_id_end_time").get_by_text(message)).to_be_visible()
    # Nothing typed is lost, and nothing was stored.
    expect(page.get_by_label("Dato")).to_have_value(day.isoformat())
    expect(page.get_by_label("Starter kl.")).to_have_value("18:00")
    expect(end).to_have_value("16:00")
    expect(page.get_by_label("Sted")).to_have_value("Frivilligsentralen, Gjøvik")
    expect(page.get_by_label("Tittel")).to_have_value("Møte med feil klokkeslett")
    assert Meeting.objects.count() == meetings_before
    expect_no_serious_accessibility_violations(page)
