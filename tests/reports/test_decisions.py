"""The steering report's decisions: those of the latest steering meeting that has been held,
with their follow-ups (who, by when, done or late), unapproved minutes marked as such."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from participation.models import ActionItem, Meeting
from reports import sections
from reports.sections import Period, ReportInput
from tests.participation.factories_meetings import ActionItemFactory
from tests.reports.factories import _meeting, september_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def september():
    return september_programme()


def _source(september, now=None) -> ReportInput:
    programme = september.programme
    return ReportInput(
        programme=programme,
        period=september.period,
        now=now or timezone.now(),
        groups=list(programme.groups.order_by("kind", "name")),
    )


def _html(section) -> str:
    return render_to_string(section.template, {"data": section.data})


def test_a_later_meeting_held_without_decisions_is_the_one_shown(september):
    _meeting(september.steering, 9, 24, hour=9)

    section = sections.decisions(_source(september))

    assert section.data["meeting"].starts_at.day == 24
    assert section.data["decisions"] == []
    assert "No decisions were recorded at that meeting." in _html(section)


def test_a_meeting_not_yet_held_is_not_the_latest(september):
    _meeting(september.steering, 9, 24, hour=9)
    # On 20 September the meeting of the 24th has not been held.
    now = september.period.start_at + datetime.timedelta(days=19)

    section = sections.decisions(_source(september, now=now))

    assert section.data["meeting"].starts_at.day == 10
    assert len(section.data["decisions"]) == 2


def test_a_cancelled_meeting_is_not_the_latest(september):
    _meeting(september.steering, 9, 24, hour=9, status=Meeting.Status.CANCELLED)

    assert sections.decisions(_source(september)).data["meeting"].starts_at.day == 10


def test_follow_ups_show_owner_date_and_state_and_a_young_owner_is_a_member(september):
    meeting = september.steering.meetings.get(starts_at__day=10)
    decision = meeting.decisions.get(text__startswith="Ressursgruppa")
    ActionItemFactory(
        meeting=meeting,
        decision=decision,
        title="Lage budsjett",
        owner=september.memberships.l1.person,
        due_on=september.period.end - datetime.timedelta(days=5),
    )
    ActionItemFactory(
        meeting=meeting,
        decision=decision,
        title="Spørre ressursgruppa",
        owner=september.memberships.r2.person,
        due_on=september.period.end - datetime.timedelta(days=5),
        status=ActionItem.Status.DONE,
        note="Gjort på møtet 16. september.",
    )

    section = sections.decisions(_source(september))

    assert section.data["followed_up"] == 2  # one by its text, one by a follow-up done
    assert section.data["late"] == 1
    html = _html(section)
    assert "Lage budsjett – Liv" in html
    assert "overdue" in html
    assert "Spørre ressursgruppa – A member" in html
    assert "Rasmus" not in html
    assert "Gjort på møtet 16. september." in html


def test_unapproved_minutes_are_marked(september):
    section = sections.decisions(_source(september))

    assert not section.data["minutes_approved"]
    assert "The minutes of this meeting are not approved yet." in _html(section)

    Meeting.objects.filter(pk=section.data["meeting"].pk).update(
        minutes_status=Meeting.MinutesStatus.APPROVED
    )
    approved = sections.decisions(_source(september))
    assert "not approved yet" not in _html(approved)


def test_without_a_held_steering_meeting_it_says_so(september):
    september.steering.meetings.all().delete()

    section = sections.decisions(_source(september))

    assert not section.has_data
    assert section.no_data_text == "The steering group has not met yet."


def test_the_period_before_is_as_long_and_ends_the_day_before(september):
    before = sections.previous_period(_source(september))

    assert before.period == Period(
        start=datetime.date(september.period.start.year, 8, 2),
        end=datetime.date(september.period.start.year, 8, 31),
    )
