"""Each indicator of a programme goal, computed from data made with the apps' factories:
the baseline before the change, each quarter or round after it, and the target."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from participation.models import Attendance, Input, Meeting, Membership
from reports.goals import baseline_warnings, goal_progress
from reports.models import Goal
from surveys.models import Round
from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.participation.factories import MembershipFactory
from tests.reports.goal_factories import BASELINE_TO, CHANGE_ON, TODAY, GoalFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory, add_responses

pytestmark = pytest.mark.django_db


def only(programme):
    [progress] = goal_progress(programme, today=TODAY)
    return progress


def survey_with_rounds(cast, *, baseline_ends=BASELINE_TO):
    survey = SurveyFactory(programme=cast.programme, status="published")
    statement = QuestionFactory(survey=survey, text="Jeg forsto hvorfor vi hadde møtet.")
    before = Round.objects.create(
        survey=survey, name="Før", starts_on=datetime.date(2026, 1, 10), ends_on=baseline_ends
    )
    after = Round.objects.create(
        survey=survey, name="Etter", starts_on=datetime.date(2026, 5, 1), ends_on=None
    )
    return survey, statement, before, after


def test_survey_goal_is_the_share_agreeing_in_the_baseline_round_and_the_latest(cast):
    survey, statement, before, after = survey_with_rounds(cast)
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    # Baseline: 15 answers, 5 agree (4 or 5) → 33.3 %. (No answer category under five: the
    # survey's suppression would hide a small cell and the share with it.)
    add_responses(survey, gjovik, 5, {statement: 5}, round=before)
    add_responses(survey, gjovik, 10, {statement: 2}, round=before)
    # After: 15 answers, 10 agree → 66.7 %.
    add_responses(survey, gjovik, 5, {statement: 4}, round=after)
    add_responses(survey, gjovik, 5, {statement: 2}, round=after)
    add_responses(survey, toten, 5, {statement: 5}, round=after)
    GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.SURVEY_AGREE,
        survey=survey,
        question=statement,
        target=Decimal("65"),
    )

    progress = only(cast.programme)

    assert progress.unit == "percent"
    assert progress.baseline == Decimal("33.3")
    assert progress.latest == Decimal("66.7")
    assert progress.previous is None
    assert progress.moving_wrong_way is False
    assert progress.is_target_met
    assert not progress.suppressed
    assert [value for _label, value in progress.trend] == [Decimal("33.3"), Decimal("66.7")]
    assert "Jeg forsto hvorfor" in progress.indicator_label


def test_survey_goal_with_too_few_answers_is_suppressed_not_shown(cast):
    survey, statement, before, after = survey_with_rounds(cast)
    add_responses(survey, cast.offices.gjovik, 8, {statement: 5}, round=before)
    add_responses(survey, cast.offices.gjovik, 3, {statement: 5}, round=after)
    GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.SURVEY_AGREE,
        survey=survey,
        question=statement,
        office=cast.offices.gjovik,
    )

    progress = only(cast.programme)

    assert progress.suppressed
    assert progress.latest is None
    assert progress.baseline == Decimal("100.0")
    assert progress.moving_wrong_way is False


def test_a_baseline_round_ending_after_the_change_started_is_warned_about(cast):
    survey, statement, _before, _after = survey_with_rounds(
        cast, baseline_ends=CHANGE_ON + datetime.timedelta(days=10)
    )
    goal = GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.SURVEY_AGREE,
        survey=survey,
        question=statement,
    )

    [warning] = baseline_warnings(goal)

    assert "“Før” does not end before the change started" in warning
    assert only(cast.programme).warnings == [warning]


def test_a_baseline_round_ending_before_the_change_is_fine(cast):
    survey, statement, _before, _after = survey_with_rounds(cast)
    goal = GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.SURVEY_AGREE,
        survey=survey,
        question=statement,
    )

    assert baseline_warnings(goal) == []


def _meeting(group, day, present, absent):
    meeting = Meeting.objects.create(
        group=group,
        title="Ressursgruppemøte",
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(16))),
        ends_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))),
    )
    seats = list(Membership.objects.filter(group=group).order_by("pk"))
    for index, seat in enumerate(seats[: present + absent]):
        Attendance.objects.create(
            meeting=meeting,
            membership=seat,
            status=Attendance.Status.PRESENT if index < present else Attendance.Status.ABSENT,
        )
    return meeting


def test_attendance_goal_reads_the_resource_group_per_quarter_after_the_change(cast):
    for _ in range(3):
        MembershipFactory(group=cast.resource_group, starts_on=datetime.date(2025, 6, 1))
    # Baseline: 2 of 4 present (the cast's member and three more).
    _meeting(cast.resource_group, datetime.date(2026, 2, 10), present=2, absent=2)
    # Q2 2026: 3 of 4; Q3 2026: 1 of 4 → moving the wrong way.
    _meeting(cast.resource_group, datetime.date(2026, 5, 12), present=3, absent=1)
    _meeting(cast.resource_group, datetime.date(2026, 7, 14), present=1, absent=3)
    # Another kind of group is not counted.
    _meeting(cast.project_group, datetime.date(2026, 7, 15), present=1, absent=0)
    GoalFactory(programme=cast.programme, indicator=Goal.Indicator.ATTENDANCE)

    progress = only(cast.programme)

    assert progress.baseline == Decimal("50.0")
    assert progress.previous == Decimal("75.0")
    assert progress.latest == Decimal("25.0")
    assert progress.moving_wrong_way is True
    assert [label for label, _value in progress.trend] == ["Baseline", "Q2 2026", "Q3 2026"]


def test_input_goal_is_the_median_days_to_feedback_and_lower_is_better(cast):
    def answered(raised, days):
        feedback = timezone.make_aware(
            datetime.datetime.combine(raised + datetime.timedelta(days=days), datetime.time(12))
        )
        Input.objects.create(
            programme=cast.programme,
            group=cast.resource_group,
            title="Innspill",
            source=Input.Source.choices[0][0],
            raised_on=raised,
            feedback_due_on=raised + datetime.timedelta(days=30),
            feedback="Vi har gjort det",
            feedback_at=feedback,
            status=Input.Status.DONE,
        )

    # Baseline: answered after 20, 30 and 40 days → median 30.
    for days in (20, 30, 40):
        answered(datetime.date(2026, 1, 5), days)
    # After the change: 10 and 15 days → median 12.5.
    answered(datetime.date(2026, 5, 1), 10)
    answered(datetime.date(2026, 5, 1), 15)
    GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.INPUT_DAYS,
        target=Decimal("14"),
        higher_is_better=False,
    )

    progress = only(cast.programme)

    assert progress.unit == "days"
    assert progress.baseline == Decimal("30")
    assert progress.latest == Decimal("12.5")
    assert progress.is_target_met
    assert progress.moving_wrong_way is False


def test_dropout_goal_counts_seats_ended_of_those_seated_on_the_first_day(cast):
    start = datetime.date(2025, 6, 1)
    # Four members at the baseline's start (the cast's member joined later); one leaves in it.
    seats = [MembershipFactory(group=cast.resource_group, starts_on=start) for _ in range(4)]
    Membership.objects.filter(pk=seats[0].pk).update(ends_on=datetime.date(2026, 2, 1))
    # On 1 April three are left (and the cast's member); two leave in Q2.
    Membership.objects.filter(pk__in=[seats[1].pk, seats[2].pk]).update(
        ends_on=datetime.date(2026, 5, 20)
    )
    Membership.objects.filter(group=cast.resource_group, person=cast.member).update(
        starts_on=datetime.date(2026, 3, 1)
    )
    # Someone joining and leaving within Q2 is not counted (never passes 100 %).
    MembershipFactory(
        group=cast.resource_group,
        starts_on=datetime.date(2026, 4, 10),
        ends_on=datetime.date(2026, 4, 20),
    )
    GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.DROPOUT,
        higher_is_better=False,
        target=Decimal("10"),
    )

    progress = only(cast.programme)

    assert progress.baseline == Decimal("25.0")
    assert progress.trend[1] == ("Q2 2026", Decimal("50.0"))


def test_checklist_goal_is_the_share_of_points_covered(cast):
    _template, version, items = published_checklist(cast.programme)
    office = cast.offices.gjovik
    # Baseline: one use with 1 of 3 points.
    ChecklistUseFactory(
        version=version, office=office, met_on=datetime.date(2026, 2, 1), items_covered=items[:1]
    )
    # After: two uses with 3 and 2 of 3 points → 5 of 6.
    ChecklistUseFactory(
        version=version, office=office, met_on=datetime.date(2026, 6, 1), items_covered=items
    )
    ChecklistUseFactory(
        version=version, office=office, met_on=datetime.date(2026, 6, 2), items_covered=items[:2]
    )
    # Another office's use is left out of an office's goal.
    ChecklistUseFactory(
        version=version,
        office=cast.offices.toten,
        met_on=datetime.date(2026, 6, 2),
        items_covered=[],
    )
    GoalFactory(
        programme=cast.programme, indicator=Goal.Indicator.CHECKLIST_COVERAGE, office=office
    )

    progress = only(cast.programme)

    assert progress.baseline == Decimal("33.3")
    assert progress.latest == Decimal("83.3")


def test_archived_goals_are_left_out(cast):
    GoalFactory(programme=cast.programme, archived_at=timezone.now())

    assert goal_progress(cast.programme, today=TODAY) == []


def test_goals_of_another_programme_are_left_out(cast):
    GoalFactory(programme=cast.other_programme)

    assert goal_progress(cast.programme, today=TODAY) == []


def test_budget_pace_is_the_share_used_over_the_share_of_the_period_gone(cast):
    from participation.models import Programme
    from resourcegroup.models import BudgetLine, OtherCost

    Programme.objects.filter(pk=cast.programme.pk).update(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    line = BudgetLine.objects.create(
        programme=cast.programme, kind=BudgetLine.Kind.OTHER, name="Mat", amount=Decimal("10000")
    )
    OtherCost.objects.create(
        programme=cast.programme,
        line=line,
        date=datetime.date(2026, 2, 15),
        text="Pizza",
        amount=Decimal("2000"),
    )
    OtherCost.objects.create(
        programme=cast.programme,
        line=line,
        date=datetime.date(2026, 5, 10),
        text="Fagdag",
        amount=Decimal("6000"),
    )
    GoalFactory(
        programme=cast.programme,
        indicator=Goal.Indicator.BUDGET_PACE,
        target=Decimal("1"),
        higher_is_better=False,
    )

    progress = only(cast.programme)

    assert progress.unit == "ratio"
    # 31 March: 20 % used, 90 of 365 days gone (25 %) → 0.80.
    assert progress.baseline == Decimal("0.80")
    # 30 June: 80 % used, 181 days gone (50 %) → 1.60; 15 August: 227 days (62 %) → 1.29.
    assert progress.previous == Decimal("1.60")
    assert progress.latest == Decimal("1.29")
    assert progress.moving_wrong_way is False
    assert not progress.is_target_met


def test_an_office_narrows_attendance_to_members_seated_for_it(cast):
    seats = [
        MembershipFactory(
            group=cast.resource_group, starts_on=datetime.date(2025, 6, 1), office=office
        )
        for office in (cast.offices.gjovik, cast.offices.toten)
    ]
    held = _meeting(cast.resource_group, datetime.date(2026, 5, 12), present=0, absent=0)
    Attendance.objects.create(meeting=held, membership=seats[0], status=Attendance.Status.PRESENT)
    Attendance.objects.create(meeting=held, membership=seats[1], status=Attendance.Status.ABSENT)
    GoalFactory(
        programme=cast.programme, indicator=Goal.Indicator.ATTENDANCE, office=cast.offices.gjovik
    )

    progress = only(cast.programme)

    assert progress.latest == Decimal("100.0")
    assert progress.baseline is None
    assert "NAV Gjøvik" in progress.indicator_label
