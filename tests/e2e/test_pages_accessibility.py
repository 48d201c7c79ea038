"""The coordinator's pages on a 360 px phone: each opens, has no serious or critical axe
findings, and does not scroll sideways (WCAG 1.4.10, reflow)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from participation import services
from participation.models import Group, Input, Meeting, Membership, Programme

from .browser import expect_no_serious_accessibility_violations, log_in, visit
from .conftest import PHONE, PROGRAMME_SLUG


def _group(kind) -> Group:
    return Group.objects.get(programmes__slug=PROGRAMME_SLUG, kind=kind)


def _last_held_meeting() -> Meeting:
    """The resource group's latest meeting that took place: attendance, draft minutes, action
    items and carried-over items, so the fullest meeting page the demo has."""
    return Meeting.objects.past().filter(group=_group(Group.Kind.RESOURCE)).latest("starts_at")


def _open_input() -> Input:
    """An input still open, so that its page shows every form the coordinator uses on it."""
    return Input.objects.get(
        programme__slug=PROGRAMME_SLUG, title="Aktivitetene passer ikke for alle"
    )


def _dashboard_with_an_invitation_waiting():
    """The dashboard, with its table of invitations not yet accepted showing too."""
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    services.person_invite(
        programme=programme,
        invited_by=programme.coordinators.order_by("pk").first(),
        email="nora.nymoen@example.org",
        display_name="Nora Nymoen",
        group=_group(Group.Kind.RESOURCE),
        role=Membership.Role.MEMBER,
    )
    return reverse("programme_detail", args=[PROGRAMME_SLUG]), programme.name


# Page → (URL, a heading that shows the page is the right one).
PAGES = {
    "dashboard": lambda: _dashboard_with_an_invitation_waiting(),
    "group": lambda: (
        reverse("group_detail", args=[PROGRAMME_SLUG, _group(Group.Kind.RESOURCE).pk]),
        "Ressursgruppa",
    ),
    "meeting": lambda: (
        reverse("meeting_detail", args=[PROGRAMME_SLUG, _last_held_meeting().pk]),
        re.compile(r"^\w+ \d+\. \w+ \d{4}$"),
    ),
    "attendance form": lambda: (
        reverse("meeting_attendance", args=[PROGRAMME_SLUG, _last_held_meeting().pk]),
        "Oppmøte",
    ),
    "minutes form": lambda: (
        reverse("meeting_minutes", args=[PROGRAMME_SLUG, _last_held_meeting().pk]),
        "Referat",
    ),
    # The project group's overview has the per-office table as well as the per-member one.
    "attendance overview": lambda: (
        reverse("attendance_overview", args=[PROGRAMME_SLUG, _group(Group.Kind.PROJECT).pk]),
        "Oversikt over oppmøte: Prosjektgruppa",
    ),
    "input list": lambda: (reverse("input_list", args=[PROGRAMME_SLUG]), "Innspill fra brukerne"),
    "input detail": lambda: (
        reverse("input_detail", args=[PROGRAMME_SLUG, _open_input().pk]),
        "Aktivitetene passer ikke for alle",
    ),
    "who owes an answer": lambda: (
        reverse("input_owners", args=[PROGRAMME_SLUG]),
        "Hvem skylder svar",
    ),
    "annual plan": lambda: (
        reverse("annual_plan", args=[PROGRAMME_SLUG]),
        f"Årshjul {timezone.localdate().year}",
    ),
    "calendar settings": lambda: (
        reverse("calendar_settings", args=[PROGRAMME_SLUG]),
        "Møter i kalenderen din",
    ),
    "group members": lambda: (
        reverse("group_members", args=[PROGRAMME_SLUG, _group(Group.Kind.RESOURCE).pk]),
        "Medlemmer i Ressursgruppa",
    ),
    "budget": lambda: (reverse("resourcegroup:budget", args=[PROGRAMME_SLUG]), "Budsjett"),
    "budget lines": lambda: (
        reverse("resourcegroup:budget_lines", args=[PROGRAMME_SLUG]),
        "Budsjettposter",
    ),
    "honoraria check step": lambda: _honoraria_check_step(),
    "who the members are": lambda: (
        reverse("resourcegroup:representation", args=[PROGRAMME_SLUG]),
        "Hvem medlemmene er",
    ),
    "advisor time": lambda: (reverse("advisor_time", args=[PROGRAMME_SLUG]), "Veiledertid"),
    "record advisor time": lambda: (
        reverse("advisor_time_record", args=[PROGRAMME_SLUG]),
        "Registrer veiledertid brukt",
    ),
    "office setup with advisor time": lambda: (
        reverse(
            "setup_office_edit",
            args=[PROGRAMME_SLUG, Programme.objects.get(slug=PROGRAMME_SLUG).offices.first().pk],
        ),
        re.compile("^Endre NAV "),
    ),
    "yearly tasks": lambda: (reverse("annual_tasks", args=[PROGRAMME_SLUG]), "Årlige oppgaver"),
    "my details": lambda: (reverse("profile"), "Mine opplysninger"),
    "training": lambda: (reverse("training_overview", args=[PROGRAMME_SLUG]), "Opplæring"),
    "record training": lambda: (
        reverse("training_record", args=[PROGRAMME_SLUG]),
        "Registrer hvem som har gjennomført en modul",
    ),
    "new training module": lambda: (
        reverse("training_module_create", args=[PROGRAMME_SLUG]),
        "Ny opplæringsmodul",
    ),
}


def _honoraria_check_step():
    """The newest month with honoraria waiting: the page that shows who gets what."""
    from resourcegroup.models import Honorarium

    month = (
        Honorarium.objects.filter(status=Honorarium.Status.PROPOSED)
        .order_by("-month")
        .first()
        .month
    )
    return (
        reverse("resourcegroup:honoraria_approve", args=[PROGRAMME_SLUG, month.year, month.month]),
        "Se over før du godkjenner",
    )


def log_in_on_a_phone(open_page, email: str) -> Page:
    page = open_page(PHONE)
    log_in(page, email)
    expect(page).to_have_url(re.compile(re.escape(f"/p/{PROGRAMME_SLUG}/") + "$"))
    return page


@pytest.mark.parametrize("name", PAGES)
def test_coordinator_page_works_on_a_phone(open_page, demo, name):
    page = log_in_on_a_phone(open_page, "coordinator@example.org")
    path, heading = PAGES[name]()

    visit(page, path)

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"{name} ({path}) is {scroll_width}px wide on a 360px phone"
    )
    expect_no_serious_accessibility_violations(page)
