"""No lost work, nothing by accident (issue 14), as a coordinator does it in the browser:
text typed for a new agenda item survives the other buttons on the meeting page; attendance
marked by mistake is undone from the success message; a coming meeting offers no attendance,
minutes or check-in; minutes drafts are saved while typing; a month's honoraria pass a
check step that shows who gets what before anything is approved; a return comment on a
timesheet survives pressing Approve; and a note on an application survives saving its step."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import Page, expect

from participation import services
from participation.models import AgendaItem, AuditEvent, Group, Input, Membership
from resourcegroup.models import Application, Honorarium, TimeEntry, Timesheet
from tests.participation.factories_meetings import days_from_now

from .browser import expect_no_sideways_scroll, log_in, visit
from .conftest import PHONE, PROGRAMME_SLUG

COORDINATOR = "coordinator@example.org"


def _resource_group() -> Group:
    return Group.objects.get(kind=Group.Kind.RESOURCE, programmes__slug=PROGRAMME_SLUG)


def _meeting(days: int):
    return services.meeting_create(
        group=_resource_group(),
        starts_at=days_from_now(days),
        ends_at=days_from_now(days, datetime.time(18, 0)),
        place="Kulturhuset, Gjøvik",
    )


def _proposal(meeting, title: str) -> AgendaItem:
    member = (
        Membership.objects.current()
        .filter(group=meeting.group, role=Membership.Role.MEMBER)
        .select_related("person")
        .first()
    )
    return AgendaItem.objects.create(
        meeting=meeting,
        number=meeting.agenda_items.count() + 1,
        title=title,
        state=AgendaItem.State.PROPOSED,
        proposed_by=member.person,
    )


def _decide(page: Page, title: str, button: str) -> None:
    proposal = page.get_by_role("listitem").filter(has_text=title)
    proposal.get_by_role("button", name=re.compile(rf"^{button}\b")).click()


def expect_message(page: Page, text: str) -> None:
    expect(page.get_by_role("status")).to_contain_text(text)


def test_the_meeting_page_keeps_a_half_written_item_and_undoes_attendance(open_page, demo):
    held = _meeting(-2)
    _proposal(held, "Busskort til møtene")
    _proposal(held, "Sommerjobb for ungdom")
    path = f"/p/{PROGRAMME_SLUG}/meetings/{held.pk}/"
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, path)

    # --- Half-way through a new item, a member's proposal is accepted ---
    page.get_by_text("Legg til sak").click()
    page.get_by_label("Tittel").fill("Tilbakemelding fra NAV Gjøvik")
    page.get_by_label("Beskrivelse").fill("Hva skjedde med innspillet om timeavtaler?")
    _decide(page, "Busskort til møtene", "Ta med")

    expect_message(page, "«Busskort til møtene» er på sakslista.")
    expect(page.get_by_label("Tittel")).to_have_value("Tilbakemelding fra NAV Gjøvik")
    expect(page.get_by_label("Beskrivelse")).to_have_value(
        "Hva skjedde med innspillet om timeavtaler?"
    )

    # --- "Everyone was present" keeps it too, and can be undone from the message ---
    page.get_by_role("button", name="Alle var til stede").click()
    expect_message(page, "Oppmøtet er lagret.")
    expect(page.get_by_label("Tittel")).to_have_value("Tilbakemelding fra NAV Gjøvik")
    assert held.attendances.exists()
    page.screenshot(path="/work/shots/meeting-1280.png", full_page=True)
    page.get_by_role("button", name="Angre").click()
    expect_message(page, "Oppmøtet er som det var før.")
    assert not held.attendances.exists()
    assert AuditEvent.objects.filter(detail__startswith="Undone").count() == 1
    expect(page.get_by_role("button", name="Alle var til stede")).to_be_visible()

    # --- Declining a proposal that another tab already decided fails; the text stays ---
    stale = held.agenda_items.get(title="Sommerjobb for ungdom")
    AgendaItem.objects.filter(pk=stale.pk).update(state=AgendaItem.State.DECLINED)
    _decide(page, "Sommerjobb for ungdom", "Ikke ta med")
    expect(page.get_by_label("Tittel")).to_have_value("Tilbakemelding fra NAV Gjøvik")

    # --- Then the item itself is added ---
    page.get_by_role("button", name="Legg til på sakslista").click()
    expect_message(page, "Saken er på sakslista.")
    assert held.agenda_items.filter(title="Tilbakemelding fra NAV Gjøvik").exists()

    phone = open_page(PHONE)
    log_in(phone, COORDINATOR)
    visit(phone, path)
    expect_no_sideways_scroll(phone)
    phone.screenshot(path="/work/shots/meeting-360.png", full_page=True)


def test_a_coming_meeting_offers_no_attendance_minutes_or_check_in(open_page, demo):
    coming = _meeting(5)
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/meetings/{coming.pk}/")

    expect(page.get_by_role("link", name="Send sakslista")).to_be_visible()
    for name in ("Registrer oppmøte", "Skriv referat", "Sjekk inn"):
        expect(page.get_by_role("link", name=name)).to_have_count(0)
    expect(page.get_by_role("button", name="Alle var til stede")).to_have_count(0)
    # A typed address does not get round it either.
    visit(page, f"/p/{PROGRAMME_SLUG}/meetings/{coming.pk}/minutes/")
    expect_message(page, "når møtet har begynt")


def test_minutes_are_saved_while_typing(open_page, demo):
    held = _meeting(-1)
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/meetings/{held.pk}/minutes/")

    page.get_by_label("Generelle notater").fill("Sju til stede. Vi startet med busskort.")

    expect(page.locator("[data-autosave-status]")).to_have_text(
        re.compile(r"^Utkast lagret kl\. \d{2}\.\d{2}\.$")
    )
    held.refresh_from_db()
    assert held.minutes_summary == "Sju til stede. Vi startet med busskort."
    # The form took the new version: saving by hand afterwards is no conflict.
    page.get_by_label("Generelle notater").fill("Sju til stede. Vi startet med busskort. Slutt.")
    page.get_by_role("button", name="Lagre referatet").click()
    expect_message(page, "Referatet er lagret som utkast.")
    held.refresh_from_db()
    assert held.minutes_summary.endswith("Slutt.")


def test_a_month_of_honoraria_is_approved_after_a_check_step(open_page, demo):
    waiting = Honorarium.objects.filter(status=Honorarium.Status.PROPOSED).order_by("-month")
    month = waiting.first().month
    first = waiting.filter(month=month).select_related("person").first()
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/resource-group/honoraria/{month.year}/{month.month}/")

    page.get_by_role("link", name="Se over og godkjenn måneden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Se over før du godkjenner")
    expect(page.get_by_role("rowheader", name=first.person.display_name)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Godkjenn kr "))).to_be_visible()
    assert Honorarium.objects.filter(month=month, status=Honorarium.Status.APPROVED).count() == 0
    page.get_by_role("link", name="Gå tilbake uten å godkjenne").click()
    expect(page.get_by_role("link", name="Se over og godkjenn måneden")).to_be_visible()
    page.get_by_role("link", name="Se over og godkjenn måneden").click()
    page.get_by_role("button", name=re.compile(r"^Godkjenn kr ")).click()

    expect_message(page, "er godkjent")
    assert not Honorarium.objects.filter(month=month, status=Honorarium.Status.PROPOSED).exists()


def test_hours_being_typed_survive_remove_and_send_on_a_phone(open_page, demo):
    today = timezone.localdate()
    phone = open_page(PHONE)
    log_in(phone, "representative@example.org")
    visit(phone, f"/p/{PROGRAMME_SLUG}/resource-group/hours/{today.year}/{today.month}/")

    # Enter in the comment saves the hours (not the "Add" or "Remove" beside them).
    phone.get_by_role("textbox", name="Timer").fill("2")
    phone.get_by_label("Hva gjorde du?").select_option("preparation")
    phone.get_by_label("Kommentar").fill("Forberedte fagdagen")
    phone.get_by_label("Kommentar").press("Enter")
    expect_message(phone, "er lagret")
    entry = TimeEntry.objects.get(comment="Forberedte fagdagen")

    # Half-way through the next entry, the first one is removed: the typing stays.
    phone.get_by_role("textbox", name="Timer").fill("1,5")
    phone.get_by_label("Kommentar").fill("Skrev referat fra møtet")
    phone.get_by_role("button", name=re.compile(r"^Fjern")).last.click()
    expect_message(phone, "Føringen er fjernet.")
    assert not TimeEntry.objects.filter(pk=entry.pk).exists()
    expect(phone.get_by_role("textbox", name="Timer")).to_have_value("1,5")
    expect(phone.get_by_label("Kommentar")).to_have_value("Skrev referat fra møtet")

    # Sending the month now would leave them out: refused, and still there.
    send = phone.get_by_role("button", name=re.compile(r"^Send .* til godkjenning"))
    if send.count():
        send.click()
        expect_message(phone, "ikke er lagret")
        expect(phone.get_by_label("Kommentar")).to_have_value("Skrev referat fra møtet")
    expect_no_sideways_scroll(phone)


def test_the_answer_to_an_input_survives_saving_who_follows_it_up(open_page, demo):
    item = (
        Input.objects.filter(programme__slug=PROGRAMME_SLUG, status=Input.Status.RECEIVED).first()
        or Input.objects.filter(programme__slug=PROGRAMME_SLUG)
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .first()
    )
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/inputs/{item.pk}/")

    answer = "NAV Gjøvik skriver brevene om i klart språk før sommeren."
    page.get_by_role("textbox", name="Tilbakemelding til brukerne").fill(answer)
    assign = page.get_by_role("region", name="Hvem følger opp")
    assign.get_by_role("combobox").first.select_option(index=1)
    assign.get_by_role("button", name="Lagre").click()

    expect_message(page, "Lagret hvem som følger opp innspillet.")
    expect(page.get_by_role("textbox", name="Tilbakemelding til brukerne")).to_have_value(answer)
    item.refresh_from_db()
    assert item.assigned_office_id is not None


def test_a_return_comment_survives_pressing_approve(open_page, demo):
    timesheet = (
        Timesheet.objects.filter(programme__slug=PROGRAMME_SLUG, status=Timesheet.Status.SUBMITTED)
        .exclude(person__email=COORDINATOR)
        .first()
    )
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/resource-group/timesheets/{timesheet.pk}/")

    comment = "Timene 12. mars mangler hva du gjorde. Skriv det i kommentaren."
    page.get_by_label("Hva må rettes?").fill(comment)
    page.get_by_role("button", name="Godkjenn måneden").click()

    # Approving would throw the comment away: refused, and the comment is still there.
    expect_message(page, "før du godkjenner")
    expect(page.get_by_label("Hva må rettes?")).to_have_value(comment)
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED

    page.get_by_role("button", name="Send måneden tilbake").click()
    expect_message(page, "er sendt tilbake")
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.RETURNED
    assert timesheet.return_comment == comment


def test_a_note_half_written_on_an_application_survives_saving_the_step(open_page, demo):
    application = Application.objects.filter(
        posting__programme__slug=PROGRAMME_SLUG,
        status__in=[Application.Status.RECEIVED, Application.Status.INTERVIEWED],
    ).first()
    page = open_page()
    log_in(page, COORDINATOR)
    visit(page, f"/p/{PROGRAMME_SLUG}/resource-group/recruitment/applications/{application.pk}/")

    note = "Ringte 14.30, ingen svar. Prøver igjen i morgen."
    adding = page.get_by_role("region", name="Legg til et notat")
    adding.get_by_label("Notat").fill(note)
    moving = page.get_by_role("region", name="Gå videre")
    moving.get_by_label("Neste steg").select_option(Application.Status.DECLINED)
    moving.get_by_role("button", name="Lagre steget").click()

    expect_message(page, "Søknaden er flyttet videre.")
    expect(
        page.get_by_role("region", name="Legg til et notat").get_by_label("Notat")
    ).to_have_value(note)
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED

    page.get_by_role("button", name="Lagre notatet").click()
    expect_message(page, "Notatet er lagret.")
    assert application.events.filter(note=note).exists()
