"""What the demo promises a newcomer, whatever day `make run` is started (CONTRACT.md).

.ci/run runs this module pinned to the dates that have broken demos before: the first and last
day of a month, New Year, 29 February, both daylight-saving switches, a Sunday and a Monday.
"""

import datetime

import pytest
from django.utils import timezone

from checklists.models import ChecklistUse
from participation.models import Attendance, Group, Input, Meeting
from resourcegroup.models import Timesheet
from resourcegroup.selectors.hours import payroll_months, payroll_rows
from surveys.models import Round, Survey, SurveyResponse

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture
def demo(db, demo_programme):
    return demo_programme


def test_every_group_has_meetings_held_and_meetings_to_come(demo):
    now = timezone.now()
    for group in demo.groups.all():
        meetings = Meeting.objects.filter(group=group).exclude(status=Meeting.Status.CANCELLED)
        assert meetings.filter(ends_at__lt=now).count() >= 5, group.kind
        assert meetings.filter(starts_at__gt=now).exists(), group.kind


def test_the_meetings_held_have_attendance_and_approved_minutes(demo):
    resource = demo.groups.get(kind=Group.Kind.RESOURCE)
    held = Meeting.objects.filter(group=resource, ends_at__lt=timezone.now()).exclude(
        status=Meeting.Status.CANCELLED
    )
    assert Attendance.objects.filter(meeting__in=held).exists()
    assert held.filter(minutes_approved_at__isnull=False).exists()


def test_inputs_are_in_every_state(demo):
    statuses = set(Input.objects.filter(programme=demo).values_list("status", flat=True))

    assert statuses == set(Input.Status.values)


def test_timesheets_are_in_every_state_and_this_month_is_a_draft(demo):
    this_month = timezone.localdate().replace(day=1)

    assert set(Timesheet.objects.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "returned",
        "approved",
    }
    assert Timesheet.objects.filter(
        month=this_month, status="draft", entries__isnull=False
    ).exists()


def test_a_payroll_month_is_paid_at_two_rates(demo):
    two_rates = [
        row
        for month in payroll_months(programme=demo)
        for row in payroll_rows(programme=demo, month=month)
        if len(row.rates) == 2
    ]

    assert two_rates


def test_the_first_meeting_survey_has_rounds_with_answers_from_every_office(demo):
    survey = Survey.objects.get(slug="forste-mote")
    rounds = Round.objects.filter(survey=survey)

    assert rounds.count() >= 2
    assert rounds.filter(starts_on__lte=timezone.localdate()).count() >= 2
    answered = set(SurveyResponse.objects.filter(survey=survey).values_list("office", flat=True))
    assert answered == set(demo.offices.values_list("pk", flat=True))


def test_every_office_recorded_checklist_uses_in_the_last_three_months(demo):
    since = timezone.localdate() - datetime.timedelta(days=92)
    offices = set(ChecklistUse.objects.filter(met_on__gte=since).values_list("office", flat=True))

    assert offices == set(demo.offices.values_list("pk", flat=True))
