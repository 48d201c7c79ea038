"""A fresh install: `create_coordinator` prints a link; the coordinator chooses a password on a
phone, is led to Get started and sets up offices, a group, an invited person and a first
meeting without ever opening /admin/; axe checks each setup page at 360 px."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from participation.models import Group, Meeting, Membership, Programme

from .browser import expect_no_serious_accessibility_violations, expect_no_sideways_scroll
from .conftest import PHONE

pytestmark = pytest.mark.calendar

PASSWORD = "lang-og-trygg-2026"


def _check(page):
    # A click that navigates returns before the next page has loaded.
    page.wait_for_load_state()
    assert "/admin/" not in page.url
    expect_no_sideways_scroll(page)
    expect_no_serious_accessibility_violations(page)


def _field(page, name):
    # By id: several labels contain others ("Mandate", "Why the mandate changed").
    return page.locator(f"#id_{name}")


def _step(page, name):
    return page.get_by_role("listitem").filter(has=page.get_by_role("link", name=name))


def test_from_create_coordinator_to_a_planned_first_meeting(open_english_page, transactional_db):
    out = StringIO()
    call_command(
        "create_coordinator", "kari@example.org", "--programme", "Ungdom i Valdres", stdout=out
    )
    link = re.search(r"https?://\S+(/accounts/invitation/\S+/)", out.getvalue()).group(1)
    page = open_english_page(PHONE)

    page.goto(link)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name="Save password and log in").click()

    # The first login leads through setting up; nothing is done yet.
    expect(page).to_have_url(re.compile(r"/p/ungdom-i-valdres/setup/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Get started")
    expect(_step(page, "Add the NAV offices")).to_contain_text("Not done yet")
    _check(page)

    # The programme: a bad period comes back with every value kept.
    page.get_by_role("link", name="Describe the programme: period, mandate and goals").click()
    _field(page, "mandate").fill("Gi unge en stemme i NAV Valdres.")
    _field(page, "goals").fill("Flere unge i arbeid eller skole.")
    _field(page, "ends_on").fill("2000-01-01")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("cannot end before it starts")
    expect(_field(page, "goals")).to_have_value("Flere unge i arbeid eller skole.")
    _check(page)
    _field(page, "ends_on").fill("")
    page.get_by_role("button", name="Save").click()
    expect(_step(page, "Describe the programme: period, mandate and goals")).to_contain_text("Done")

    # An office.
    page.get_by_role("link", name="Add the NAV offices").click()
    expect(page).to_have_url(re.compile(r"/setup/offices/$"))
    _check(page)
    _field(page, "name").fill("NAV Valdres")
    _field(page, "municipality").fill("Nord-Aurdal")
    _field(page, "code").fill("valdres")
    page.get_by_role("button", name="Add the office").click()
    expect(page.get_by_role("row", name=re.compile("NAV Valdres"))).to_be_visible()

    # A group: a user committee meets four times a year unless told otherwise.
    page.get_by_role("link", name="Get started").click()
    page.get_by_role("link", name="Create the groups").click()
    page.get_by_role("link", name="Create a group").click()
    expect(page.get_by_role("button", name="Create the group")).to_be_visible()
    _check(page)
    _field(page, "name").fill("Brukerutvalget i Valdres")
    _field(page, "kind").select_option("user_committee")
    _field(page, "meeting_weekday").select_option(label="Wednesday")
    _field(page, "default_place").fill("Fagernes, møterom 2")
    page.get_by_role("button", name="Create the group").click()
    expect(page.get_by_text("Brukerutvalget i Valdres", exact=True)).to_be_visible()
    _check(page)
    group = Group.objects.get(name="Brukerutvalget i Valdres")
    assert group.min_meetings_per_year == 4

    # A person invited into the group.
    page.goto("/p/ungdom-i-valdres/setup/")
    _step(page, "Invite people into the groups").get_by_role("link").click()
    _field(page, "display_name").fill("Nora Ny")
    _field(page, "email").fill("nora@example.org")
    _field(page, "group").select_option(label="Brukerutvalget i Valdres")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("alert").or_(page.locator(".alert-success")).first).to_contain_text(
        "Nora Ny"
    )

    # The first meeting, three weeks ahead.
    page.goto("/p/ungdom-i-valdres/setup/")
    _step(page, "Plan the first meeting of each group").get_by_role("link").click()
    day = timezone.localdate() + datetime.timedelta(days=21)
    _field(page, "date").fill(day.isoformat())
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))

    page.goto("/p/ungdom-i-valdres/setup/")
    for name in (
        "Add the NAV offices",
        "Create the groups",
        "Invite people into the groups",
        "Plan the first meeting of each group",
    ):
        expect(_step(page, name)).to_contain_text("Done")
    _check(page)

    programme = Programme.objects.get(slug="ungdom-i-valdres")
    assert list(programme.offices.values_list("code", flat=True)) == ["valdres"]
    assert Membership.objects.filter(group=group, person__email="nora@example.org").exists()
    assert Meeting.objects.filter(group=group, starts_at__date=day).exists()
