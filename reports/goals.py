"""Programme goals measured over time: the baseline (T0) before the change, then each quarter
or survey round after it (T1, T2...), against the target.

Every indicator is computed here from the other apps' public selectors; nothing is typed in
by hand. A survey figure follows the surveys' suppression (fewer than five answers: hidden).
"""

import datetime
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from checklists.selectors import point_coverage_by_use
from participation.formatting import format_days, format_number, format_percent
from participation.models import Group, Membership, Programme
from participation.selectors.attendance import attendance_by_day
from participation.selectors.groups import membership_spans
from participation.selectors.inputs import input_answer_days
from resourcegroup.selectors.budget import budget_status
from surveys.selectors import round_comparison

from .charts import data_url, trend_columns
from .models import Goal

PERCENT = "percent"
DAYS = "days"
RATIO = "ratio"
COUNT = "count"

UNITS = {
    Goal.Indicator.SURVEY_AGREE: PERCENT,
    Goal.Indicator.CHECKLIST_COVERAGE: PERCENT,
    Goal.Indicator.ATTENDANCE: PERCENT,
    Goal.Indicator.INPUT_DAYS: DAYS,
    Goal.Indicator.DROPOUT: PERCENT,
    Goal.Indicator.BUDGET_PACE: RATIO,
}
# Kinds an office can narrow; the budget belongs to the programme as a whole.
OFFICE_KINDS = {
    Goal.Indicator.SURVEY_AGREE,
    Goal.Indicator.CHECKLIST_COVERAGE,
    Goal.Indicator.ATTENDANCE,
    Goal.Indicator.INPUT_DAYS,
    Goal.Indicator.DROPOUT,
}
YOUNG_ROLES = (Membership.Role.MEMBER, Membership.Role.PAID_REPRESENTATIVE)


@dataclass
class GoalProgress:
    goal: Goal
    indicator_label: str
    unit: str  # "percent" | "days" | "ratio" | "count"
    baseline: Decimal | None
    previous: Decimal | None
    latest: Decimal | None
    target: Decimal | None
    higher_is_better: bool
    moving_wrong_way: bool
    suppressed: bool
    trend: list[tuple[str, Decimal | None]] = field(default_factory=list)
    # What the baseline and the latest value were measured over, for the page's table.
    baseline_label: str = ""
    latest_label: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def is_target_met(self) -> bool:
        if self.latest is None or self.target is None:
            return False
        return self.latest >= self.target if self.higher_is_better else self.latest <= self.target


@dataclass(frozen=True)
class Span:
    """Whole days, both ends included."""

    label: str
    start: datetime.date
    end: datetime.date

    def holds(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Point:
    label: str
    value: Decimal | None
    has_data: bool = True  # something was measured (a hidden survey figure has data)
    is_hidden: bool = False
    starts_on: datetime.date | None = None


def active_goals(*, programme: Programme) -> QuerySet[Goal]:
    """The programme's goals that are not archived, oldest first."""
    return (
        Goal.objects.filter(programme=programme, archived_at__isnull=True)
        .select_related("survey", "question", "office")
        .order_by("created_at", "pk")
    )


def archived_goals(*, programme: Programme) -> QuerySet[Goal]:
    """The programme's archived goals, the latest archived first."""
    return Goal.objects.filter(programme=programme, archived_at__isnull=False).order_by(
        "-archived_at", "pk"
    )


def goal_progress(programme: Programme, *, today: datetime.date) -> list[GoalProgress]:
    """Each active goal's baseline, previous and latest value, trend and target, as of today."""
    return [progress_of(goal, today=today) for goal in active_goals(programme=programme)]


def progress_of(goal: Goal, *, today: datetime.date) -> GoalProgress:
    """One goal's figures as of today."""
    baseline, points = MEASURES[goal.indicator](goal, today)
    after = [p for p in points if p.has_data]
    latest = after[-1] if after else None
    previous = after[-2] if len(after) > 1 else None
    reference = previous if previous is not None else baseline
    latest_value = latest.value if latest else None
    wrong_way = False
    if latest_value is not None and reference is not None and reference.value is not None:
        if goal.higher_is_better:
            wrong_way = latest_value < reference.value
        else:
            wrong_way = latest_value > reference.value
    trend = [(p.label, p.value) for p in ([baseline] if baseline else []) + points]
    return GoalProgress(
        goal=goal,
        indicator_label=indicator_label(goal),
        unit=UNITS[goal.indicator],
        baseline=baseline.value if baseline else None,
        previous=previous.value if previous else None,
        latest=latest_value,
        target=goal.target,
        higher_is_better=goal.higher_is_better,
        moving_wrong_way=wrong_way,
        suppressed=bool((baseline and baseline.is_hidden) or (latest and latest.is_hidden)),
        trend=trend,
        baseline_label=baseline.label if baseline else "",
        latest_label=latest.label if latest else "",
        warnings=baseline_warnings(goal),
    )


def indicator_label(goal: Goal) -> str:
    """The indicator in words, with its survey statement and office where it has them."""
    label = str(goal.get_indicator_display())
    if goal.indicator == Goal.Indicator.SURVEY_AGREE and goal.question_id:
        label = _("Share who agree (4–5): “%(statement)s”") % {"statement": goal.question.text}
    if goal.office_id:
        label = f"{label} – {goal.office.name}"
    return label


# --- The baseline rule ---------------------------------------------------------------------


def baseline_round(goal: Goal):
    """The survey round the baseline is read from: the latest one starting in the baseline
    period, else the latest one under way in it; None when no round touches it."""
    if goal.survey_id is None:
        return None
    rounds = list(goal.survey.rounds.order_by("starts_on"))
    inside = [r for r in rounds if goal.baseline_from <= r.starts_on <= goal.baseline_to]
    if inside:
        return inside[-1]
    under_way = [
        r
        for r in rounds
        if r.starts_on <= goal.baseline_to
        and (r.ends_on is None or r.ends_on >= goal.baseline_from)
    ]
    return under_way[-1] if under_way else None


def baseline_warnings(goal: Goal) -> list[str]:
    """What breaks the rule that a baseline is measured before the change starts: a survey
    round that ends on or after the start (or has no end), or a baseline period that does."""
    warnings = []
    if goal.baseline_to >= goal.intervention_on:
        warnings.append(
            _(
                "The baseline period ends on or after the day the change started. A baseline "
                "must be measured before the change, or it cannot show what the change did."
            )
        )
    if goal.indicator == Goal.Indicator.SURVEY_AGREE and goal.survey_id:
        chosen = baseline_round(goal)
        if chosen is None:
            warnings.append(_("No round of the survey falls in the baseline period."))
        elif chosen.ends_on is None or chosen.ends_on >= goal.intervention_on:
            warnings.append(
                _(
                    "The baseline round “%(round)s” does not end before the change started. "
                    "End the round before the change starts, or choose another baseline."
                )
                % {"round": chosen.name}
            )
    return warnings


# --- Periods ---------------------------------------------------------------------------------


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(start: datetime.date) -> datetime.date:
    month = start.month + 3
    return datetime.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def quarter_label(start: datetime.date) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (start.month - 1) // 3 + 1, "year": start.year}


def periods_after(goal: Goal, today: datetime.date) -> list[Span]:
    """The quarters from the change's start to today; the first starts on the change's day
    and the last ends today."""
    spans = []
    start = goal.intervention_on
    while start <= today:
        end = min(next_quarter(quarter_start(start)) - datetime.timedelta(days=1), today)
        spans.append(Span(quarter_label(quarter_start(start)), start, end))
        start = end + datetime.timedelta(days=1)
    return spans


def baseline_span(goal: Goal, today: datetime.date) -> Span | None:
    if goal.baseline_from > today:
        return None
    label = pgettext("goal figure", "Baseline")
    return Span(label, goal.baseline_from, min(goal.baseline_to, today))


def _measured(goal: Goal, today: datetime.date, rows, value_of: Callable) -> tuple:
    """The baseline and each quarter after the change, from rows whose first item is a day."""
    spans = periods_after(goal, today)
    base = baseline_span(goal, today)

    def point(span: Span) -> Point:
        inside = [row for row in rows if span.holds(row[0])]
        value = value_of(inside) if inside else None
        return Point(span.label, value, has_data=value is not None, starts_on=span.start)

    return (point(base) if base else None), [point(span) for span in spans]


def _rows_from(goal: Goal, today: datetime.date) -> datetime.date:
    return min(goal.baseline_from, goal.intervention_on)


# --- The indicators --------------------------------------------------------------------------


def percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def survey_agree(goal: Goal, today: datetime.date):
    """The share who agree (4–5) with the statement, in the baseline round and each round
    after the change, suppressed as the survey's results are."""
    if goal.survey_id is None or goal.question_id is None:
        return None, []
    office_ids = {goal.office_id} if goal.office_id else None
    comparisons = round_comparison(survey=goal.survey, office_ids=office_ids)
    comparison = next((c for c in comparisons if c.question.pk == goal.question_id), None)
    if comparison is None:
        return None, []
    if goal.office_id:
        row = next((r for r in comparison.rows if r[1] == goal.office_id), None)
    else:
        row = next((r for r in comparison.rows if r[1] is None), None)
    per_round = row[2] if row else [None] * len(comparison.rounds)

    def point(index: int) -> Point:
        each, result = comparison.rounds[index], per_round[index]
        if result is None or not result.n:
            return Point(each.name, None, has_data=False, starts_on=each.starts_on)
        if result.is_hidden or result.agree_percent is None:
            return Point(each.name, None, is_hidden=True, starts_on=each.starts_on)
        value = Decimal(str(result.agree_percent)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return Point(each.name, value, starts_on=each.starts_on)

    chosen = baseline_round(goal)
    baseline = None
    if chosen is not None:
        baseline = point(next(i for i, r in enumerate(comparison.rounds) if r.pk == chosen.pk))
        baseline.label = pgettext("goal figure", "Baseline: %(round)s") % {"round": chosen.name}
    after = [
        point(i)
        for i, each in enumerate(comparison.rounds)
        if goal.intervention_on <= each.starts_on <= today
    ]
    return baseline, after


def _share_of_rows(inside) -> Decimal | None:
    """Rows of (day, part, whole): the parts' share of the wholes, over the rows in a period."""
    return percent(sum(r[1] for r in inside), sum(r[2] for r in inside))


def checklist_coverage(goal: Goal, today: datetime.date):
    """The share of the checklist's points ticked in the first meetings recorded."""
    rows = point_coverage_by_use(
        programme=goal.programme,
        start=_rows_from(goal, today),
        end=today,
        office_id=goal.office_id,
    )
    return _measured(
        goal,
        today,
        rows,
        _share_of_rows,
    )


def attendance(goal: Goal, today: datetime.date):
    """Present of those recorded at the resource group's meetings held."""
    rows = attendance_by_day(
        programme=goal.programme,
        group_kind=Group.Kind.RESOURCE,
        start=_rows_from(goal, today),
        end=today,
        office_id=goal.office_id,
    )
    return _measured(
        goal,
        today,
        rows,
        _share_of_rows,
    )


def input_days(goal: Goal, today: datetime.date):
    """The median days from raised to feedback, of inputs answered in each period."""
    rows = input_answer_days(
        programme=goal.programme,
        start=_rows_from(goal, today),
        end=today,
        office_id=goal.office_id,
    )
    return _measured(
        goal,
        today,
        rows,
        lambda inside: Decimal(str(statistics.median(r[1] for r in inside))),
    )


def dropout(goal: Goal, today: datetime.date):
    """Of the young members in the resource group on a period's first day, the share whose
    seat ended in the period (those who joined later are not counted, so it never passes
    100 %)."""
    seats = membership_spans(
        programme=goal.programme,
        group_kind=Group.Kind.RESOURCE,
        roles=YOUNG_ROLES,
        office_id=goal.office_id,
    )

    def point(span: Span) -> Point:
        at_start = [
            (starts, ends)
            for starts, ends in seats
            if starts <= span.start and (ends is None or ends >= span.start)
        ]
        ended = [1 for _starts, ends in at_start if ends is not None and ends <= span.end]
        value = percent(len(ended), len(at_start))
        return Point(span.label, value, has_data=value is not None, starts_on=span.start)

    base = baseline_span(goal, today)
    return (point(base) if base else None), [point(s) for s in periods_after(goal, today)]


def budget_pace(goal: Goal, today: datetime.date):
    """The share of the budget used by a period's last day divided by the share of the
    programme's period gone by then: 1 is on pace, above 1 spends faster than time passes."""

    def point(span: Span) -> Point:
        status = budget_status(programme=goal.programme, today=span.end, until=span.end)
        value = None
        if status.amount and status.period_share:
            used = status.used / status.amount
            value = (used * 100 / status.period_share).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return Point(span.label, value, has_data=value is not None, starts_on=span.start)

    base = baseline_span(goal, today)
    # One budget reading per quarter: a handful of queries each, bounded by the quarters.
    return (point(base) if base else None), [point(s) for s in periods_after(goal, today)]


MEASURES: dict[str, Callable] = {
    Goal.Indicator.SURVEY_AGREE: survey_agree,
    Goal.Indicator.CHECKLIST_COVERAGE: checklist_coverage,
    Goal.Indicator.ATTENDANCE: attendance,
    Goal.Indicator.INPUT_DAYS: input_days,
    Goal.Indicator.DROPOUT: dropout,
    Goal.Indicator.BUDGET_PACE: budget_pace,
}


# --- Showing a goal ----------------------------------------------------------------------------


def format_goal_value(value, unit: str) -> str:
    """A goal's figure as pages and the PDF print it: 82 %, 12,5 days, 1,08."""
    if value is None:
        return ""
    if unit == PERCENT:
        return format_percent(value)
    if unit == DAYS:
        return _("%(days)s days") % {"days": format_days(value)}
    if unit == RATIO:
        return format_number(value, 2)
    return format_number(value, 0)


def progress_chart(progress: GoalProgress) -> str:
    """The trend as columns with the target line, as a data: URL for an <img>."""
    unit = progress.unit
    points = [
        (label, None if value is None else float(value), format_goal_value(value, unit))
        for label, value in progress.trend
    ]
    target = None if progress.target is None else float(progress.target)
    target_text = _("Target %(value)s") % {"value": format_goal_value(progress.target, unit)}
    svg = trend_columns(points, target=target, target_text=target_text, title=progress.goal.title)
    return data_url(svg)
