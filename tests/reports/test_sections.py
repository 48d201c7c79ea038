"""Each section of the steering report against September last year in a small programme,
whose figures are worked out by hand in tests/reports/factories.py."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from reports import sections
from reports.sections import Period, ReportInput, build_sections
from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Labels are compared in English, the source language."""
    with translation.override("en"):
        yield


@pytest.fixture
def september():
    return september_programme()


@pytest.fixture
def source(september):
    programme = september.programme
    return ReportInput(
        programme=programme,
        period=september.period,
        now=timezone.now(),
        groups=list(programme.groups.order_by("kind", "name")),
    )


def test_meetings_held_per_group_leave_out_cancelled_and_later_meetings(september, source):
    section = sections.meetings_held(source)

    rows = {row["group"].name: row for row in section.data["rows"]}
    assert section.data["total"] == 5
    assert section.data["cancelled"] == 1
    assert (rows["Ressursgruppa"]["held"], rows["Ressursgruppa"]["cancelled"]) == (2, 1)
    assert rows["Ressursgruppa"]["approved"] == 1
    assert rows["Prosjektgruppa"]["held"] == 2
    assert rows["Styringsgruppa"]["held"] == 1


def test_attendance_per_group_role_and_office(source):
    data = sections.attendance(source).data

    total = data["total"]
    assert (total.present, total.notice, total.absent) == (8, 2, 3)
    assert total.rate == 61.5
    by_group = {c.label: c for c in data["by_group"]}
    assert (by_group["Ressursgruppa"].present, by_group["Ressursgruppa"].recorded) == (4, 7)
    assert by_group["Ressursgruppa"].rate == 57.1
    assert by_group["Prosjektgruppa"].rate == 50.0
    assert by_group["Styringsgruppa"].rate == 100.0
    by_role = {c.label: (c.present, c.recorded) for c in data["by_role"]}
    assert by_role == {
        "Member": (3, 5),
        "Paid user representative": (1, 2),
        "Advisor": (2, 4),
        "Office leader": (2, 2),
    }
    by_office = {c.label: (c.present, c.recorded) for c in data["by_office"]}
    assert by_office == {"NAV Alfa": (3, 3), "NAV Beta": (1, 3)}


def test_project_group_attendance_per_office_and_absence_flags(source):
    data = sections.attendance(source).data

    offices = {
        row["office"].name: (row["present"], row["meetings"]) for row in data["project_offices"]
    }
    assert offices == {"NAV Alfa": (2, 2), "NAV Beta": (0, 2)}
    assert [f["row"].office.name for f in data["flagged_offices"]] == ["NAV Beta"]
    assert [f["row"].membership.person.display_name for f in data["flagged_members"]] == ["Bjarne"]
    assert data["group_chart"].startswith("data:image/svg+xml")


def test_members_who_joined_and_left_with_the_reason(source):
    data = sections.members(source).data

    assert [m.person.display_name for m in data["joined"]] == ["Rut"]
    assert [(m.person.display_name, m.get_end_reason_display()) for m in data["left"]] == [
        ("Roar", "Got a job")
    ]
    assert data["reasons"] == [("Got a job", 1)]


def test_inputs_raised_answered_median_open_and_declined(source):
    data = sections.inputs(source).data

    assert data["raised"].raised == 3
    assert data["raised"].with_feedback == 2
    assert data["raised"].median_days_to_feedback == 15
    assert data["answered"].with_feedback == 3
    assert data["answered"].median_days_to_feedback == 20
    assert [i.title for i in data["open"]] == ["Vanskelig å nå veilederen", "Lang kø i skranken"]
    assert data["open_late"] == 1
    assert [(i.title, i.decline_reason) for i in data["declined"]] == [
        ("Egen buss til aktiviteter", "Ingen penger i år")
    ]
    assert data["sources"] == [("Raised in a meeting", 3)]


def test_overdue_action_items_at_the_end_of_the_period(source):
    data = sections.action_items(source).data

    assert [(i.title, i.days_late) for i in data["items"]] == [("Skrive nytt brev", 10)]


def test_decisions_of_the_last_steering_meeting_and_what_came_of_them(source):
    data = sections.decisions(source).data

    assert data["meeting"].starts_at.date() == source.period.start + datetime.timedelta(days=9)
    assert [d.text for d in data["decisions"]] == [
        "Alle kontorene tar i bruk sjekklista",
        "Ressursgruppa får eget budsjett til fagdag",
    ]
    assert data["followed_up"] == 1


def test_key_figures_come_first_and_sum_up_the_sections(source):
    built = build_sections(source)

    assert built[0].slug == "key-figures"
    figures = {f["label"]: f["value"] for f in built[0].data["figures"]}
    assert figures["Meetings held"] == 5
    assert figures["Attendance"] == 61.5
    assert figures["Joined"] == 1 and figures["Left"] == 1
    assert figures["Inputs raised"] == 3
    assert figures["Feedback given"] == 3
    assert figures["Median days to feedback"] == 20
    assert figures["Inputs still open"] == 2
    assert figures["Overdue action items"] == 1
    assert figures["Members away many times in a row"] == 1
    assert figures["Offices missing from the project group"] == 1


def test_a_period_with_nothing_in_it_says_so_in_every_section(september):
    programme = september.programme
    empty = ReportInput(
        programme=programme,
        period=Period(start=datetime.date(2001, 1, 1), end=datetime.date(2001, 1, 31)),
        now=timezone.now(),
        groups=list(programme.groups.all()),
    )

    built = {section.slug: section for section in build_sections(empty)}

    for slug in ("meetings", "attendance", "members", "inputs", "action-items", "decisions"):
        assert not built[slug].has_data, slug
        assert built[slug].no_data_text
    assert built["key-figures"].has_data


def test_a_section_whose_selector_raises_fails_the_report_naming_the_section(source, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the other app broke")

    monkeypatch.setattr(sections, "budget_overview", broken)

    with pytest.raises(sections.SectionFailed) as failed:
        build_sections(source)

    assert failed.value.section == "hours"
    assert isinstance(failed.value.__cause__, RuntimeError)


def test_period_is_whole_days_in_oslo():
    period = Period(start=datetime.date(2026, 3, 1), end=datetime.date(2026, 3, 31))

    assert period.days == 31
    assert timezone.localtime(period.start_at).hour == 0
    assert timezone.localdate(period.end_at) == datetime.date(2026, 4, 1)
    assert Decimal(period.days) == 31
