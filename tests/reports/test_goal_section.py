"""The steering report's Goals section: the same figures as the goals page, in the PDF."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from participation.models import Attendance, Meeting, Membership
from reports import sections
from reports.sections import Period, ReportInput
from reports.services import steering_report_pdf
from tests.participation.factories import MembershipFactory
from tests.reports.goal_factories import GoalFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 10, 5, 12, tzinfo=ZoneInfo("Europe/Oslo"))
PERIOD = Period(start=datetime.date(2026, 7, 1), end=datetime.date(2026, 9, 30))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def source_for(programme):
    return ReportInput(
        programme=programme,
        period=PERIOD,
        now=NOW,
        groups=list(programme.groups.order_by("kind", "name")),
    )


def meeting(group, day, present, absent):
    held = Meeting.objects.create(
        group=group,
        title="Møte",
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(16))),
        ends_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))),
    )
    for index, seat in enumerate(Membership.objects.filter(group=group).order_by("pk")):
        if index < present + absent:
            Attendance.objects.create(
                meeting=held,
                membership=seat,
                status=Attendance.Status.PRESENT if index < present else Attendance.Status.ABSENT,
            )


def test_goals_section_is_in_the_report_and_measured_at_the_periods_end(cast):
    for _ in range(3):
        MembershipFactory(group=cast.resource_group, starts_on=datetime.date(2025, 6, 1))
    meeting(cast.resource_group, datetime.date(2026, 2, 10), present=2, absent=2)
    meeting(cast.resource_group, datetime.date(2026, 8, 11), present=4, absent=0)
    # After the period: not counted.
    meeting(cast.resource_group, datetime.date(2026, 10, 1), present=0, absent=4)
    GoalFactory(programme=cast.programme, title="Flere møter opp", target=Decimal("80"))

    section = sections.goals(source_for(cast.programme))

    assert sections.goals in sections.SECTIONS
    [block] = section.data["goals"]
    progress = block["progress"]
    assert (progress.baseline, progress.latest) == (Decimal("50.0"), Decimal("100.0"))
    assert progress.is_target_met
    assert block["chart"].startswith("data:image/svg+xml")
    html = render_to_string(section.template, {"data": section.data})
    assert "Flere møter opp" in html
    assert "50\xa0%" in html and "100\xa0%" in html and "80\xa0%" in html
    assert "Target met" in html


def test_a_programme_without_goals_says_so(cast):
    section = sections.goals(source_for(cast.programme))

    assert not section.has_data
    assert "no goals" in section.no_data_text


def test_the_report_with_goals_renders_as_a_pdf(cast):
    GoalFactory(programme=cast.programme, title="Flere møter opp")

    pdf = steering_report_pdf(
        programme=cast.programme,
        period=PERIOD,
        now=NOW,
        language="nb",
    )

    assert pdf.startswith(b"%PDF")
