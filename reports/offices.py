"""Each office's card: one office's figures for its leader, beside the programme's.

Project-group attendance, planned and used advisor time, checklist use, the inputs the office
owed an answer to and whether it came on time, and the survey figures. Every figure is read
through the other apps' public selectors, for all offices at once (never a query per office),
and the survey figures are the survey results' own rows: the same suppression as there.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext as _

from checklists.selectors import adoption, published_templates_with_current_version
from participation.access import coordinators_view_of
from participation.models import Attendance, Group, Input, Office, Programme
from participation.selectors import attendance_overviews
from participation.selectors.advisor_time import MonthUse
from participation.selectors.offices import advisor_time_per_office, inputs_owed_per_office
from surveys.selectors import (
    OfficeRate,
    ResultRow,
    response_rates,
    survey_results,
    surveys_visible_to,
)

if TYPE_CHECKING:
    from .sections import Period

# A full position is 37.5 hours a week: 162.5 hours in an average month (a tenth is about 16).
FULL_POSITION_HOURS_A_MONTH = Decimal("162.5")


def _share(part, whole) -> float | None:
    return round(100 * float(part) / float(whole), 1) if whole else None


# --- Project-group attendance -----------------------------------------------------------------


@dataclass
class AdvisorAttendance:
    name: str
    present: int
    recorded: int

    @property
    def rate(self) -> float | None:
        return _share(self.present, self.recorded)


@dataclass
class ProjectGroupAttendance:
    """One project group's meetings in the period, seen from one office."""

    group: Group
    meetings: int  # meetings held in the period with attendance recorded
    represented: int  # ... where someone from the office was present
    streak: int  # meetings missed in a row, up to the period's end
    is_flagged: bool
    advisors: list[AdvisorAttendance] = field(default_factory=list)
    programme_rate: float | None = None  # the share of meetings each office came to, on average

    @property
    def rate(self) -> float | None:
        return _share(self.represented, self.meetings)


def _attendance(
    *, programme: Programme, period: "Period", until: datetime.datetime, unnamed: set[int]
) -> dict[int, list[ProjectGroupAttendance]]:
    groups = list(programme.groups.filter(kind=Group.Kind.PROJECT).order_by("name"))
    # From the beginning, so that a streak of absences running into the period counts.
    overviews = attendance_overviews(groups=groups, now=until)
    cards: dict[int, list[ProjectGroupAttendance]] = {}
    for group in groups:
        overview = overviews[group.pk]
        in_period = [
            index
            for index, meeting in enumerate(overview.meetings)
            if meeting.starts_at >= period.start_at
        ]
        rows_by_office: dict[int, ProjectGroupAttendance] = {}
        for office_row in overview.office_rows:
            cells = [office_row.cells[i] for i in in_period if office_row.cells[i] is not None]
            rows_by_office[office_row.office.pk] = ProjectGroupAttendance(
                group=group,
                meetings=len(cells),
                represented=sum(1 for cell in cells if cell),
                streak=office_row.streak,
                is_flagged=office_row.is_flagged,
            )
        for member in overview.rows:
            office_id = member.membership.office_id
            if office_id not in rows_by_office:
                continue
            cells = [member.cells[i] for i in in_period if member.cells[i] is not None]
            rows_by_office[office_id].advisors.append(
                AdvisorAttendance(
                    name=_("A member")
                    if member.membership.person_id in unnamed
                    else member.membership.person.display_name,
                    present=sum(1 for cell in cells if cell == Attendance.Status.PRESENT),
                    recorded=len(cells),
                )
            )
        rates = [row.rate for row in rows_by_office.values() if row.rate is not None]
        average = round(sum(rates) / len(rates), 1) if rates else None
        for office_id, row in rows_by_office.items():
            row.programme_rate = average
            cards.setdefault(office_id, []).append(row)
    return cards


# --- Advisor time ------------------------------------------------------------------------------


@dataclass
class OfficeAdvisorTime:
    planned_per_month: Decimal | None
    months: list[MonthUse]

    @property
    def has_plan(self) -> bool:
        return self.planned_per_month is not None

    @property
    def position_share(self) -> float | None:
        """The planned time as a share of a full position."""
        if self.planned_per_month is None:
            return None
        return _share(self.planned_per_month, FULL_POSITION_HOURS_A_MONTH)

    @property
    def recorded_months(self) -> list[MonthUse]:
        return [month for month in self.months if month.used is not None]

    @property
    def used_total(self) -> Decimal:
        return sum((m.used for m in self.recorded_months), Decimal(0))

    @property
    def planned_total(self) -> Decimal | None:
        """The plan for the months recorded (a month not yet recorded is not counted as unused)."""
        if self.planned_per_month is None:
            return None
        return self.planned_per_month * len(self.recorded_months)

    @property
    def used_share(self) -> float | None:
        return _share(self.used_total, self.planned_total) if self.planned_total else None


def period_months(period: "Period", today: datetime.date) -> list[datetime.date]:
    """The first day of each month of the period that has begun, oldest first."""
    last = min(period.end, today).replace(day=1)
    month, months = period.start.replace(day=1), []
    while month <= last:
        months.append(month)
        month += relativedelta(months=1)
    return months


# --- Checklist ---------------------------------------------------------------------------------


@dataclass
class OfficeChecklist:
    uses: int = 0  # first meetings recorded with the checklist in the period
    advisors: int = 0
    last_use: datetime.date | None = None
    ticked: int = 0
    offered: int = 0
    programme_uses: int = 0
    programme_ticked: int = 0
    programme_offered: int = 0
    offices: int = 0

    @property
    def coverage(self) -> float | None:
        """Of the points on the checklists used, the share that was covered."""
        return _share(self.ticked, self.offered)

    @property
    def programme_coverage(self) -> float | None:
        return _share(self.programme_ticked, self.programme_offered)

    @property
    def programme_average_uses(self) -> float | None:
        return round(self.programme_uses / self.offices, 1) if self.offices else None


def _checklists(*, programme: Programme, period: "Period") -> dict[int, OfficeChecklist]:
    """Every office of the programme, so that the programme's figures are whole even when
    only one office's card is shown."""
    offices = list(programme.offices.all())
    cards = {office.pk: OfficeChecklist(offices=len(offices)) for office in offices}
    for template in published_templates_with_current_version(programme=programme):
        figures = adoption(template=template, offices=offices, start=period.start, end=period.end)
        ticked = dict.fromkeys(cards, 0)
        offered = dict.fromkeys(cards, 0)
        for point in figures.points:
            for office_id, (t, o) in point.per_office.items():
                ticked[office_id] += t
                offered[office_id] += o
        for row in figures.offices:
            card = cards[row.office.pk]
            card.uses += row.uses
            card.advisors += row.advisors
            if row.last_use and (card.last_use is None or row.last_use > card.last_use):
                card.last_use = row.last_use
            card.ticked += ticked[row.office.pk]
            card.offered += offered[row.office.pk]
        for card in cards.values():
            card.programme_uses += figures.total_uses
            card.programme_ticked += sum(ticked.values())
            card.programme_offered += sum(offered.values())
    return cards


# --- Inputs ------------------------------------------------------------------------------------


@dataclass
class OwedInput:
    input: Input
    answered_on: datetime.date | None
    days_late: int  # after the due date: answered that late, or still unanswered this long

    @property
    def is_answered(self) -> bool:
        return self.answered_on is not None

    @property
    def is_late(self) -> bool:
        return self.days_late > 0


@dataclass
class OfficeInputs:
    items: list[OwedInput] = field(default_factory=list)

    @property
    def answered_on_time(self) -> int:
        return sum(1 for i in self.items if i.is_answered and not i.is_late)

    @property
    def answered_late(self) -> int:
        return sum(1 for i in self.items if i.is_answered and i.is_late)

    @property
    def open_late(self) -> list[OwedInput]:
        return [i for i in self.items if not i.is_answered and i.is_late]

    @property
    def open_not_due(self) -> int:
        return sum(1 for i in self.items if not i.is_answered and not i.is_late)

    @property
    def on_time_share(self) -> float | None:
        """Of the answers given, the share given by the due date."""
        return _share(self.answered_on_time, self.answered_on_time + self.answered_late)


def _answered_at(item: Input) -> datetime.datetime | None:
    if item.feedback_at is not None:
        return item.feedback_at
    return item.status_changed_at if item.is_closed else None


def _inputs(*, programme: Programme, period: "Period", until: datetime.datetime):
    end_day = min(period.end, timezone.localdate(until))
    owed = inputs_owed_per_office(programme=programme, end=period.end, since=period.start_at)
    cards = {}
    for office_id, items in owed.items():
        card = OfficeInputs()
        for item in items:
            answered = _answered_at(item)
            if answered is not None and answered < period.start_at:
                continue  # closed before the period without a feedback time of its own
            day = timezone.localdate(answered) if answered and answered < until else None
            late = max(0, ((day or end_day) - item.feedback_due_on).days)
            card.items.append(OwedInput(item, day, late))
        cards[office_id] = card
    return cards


# --- Surveys -----------------------------------------------------------------------------------


@dataclass
class QuestionFigures:
    question: object
    office: ResultRow | None
    programme: ResultRow | None


@dataclass
class OfficeSurvey:
    survey: object
    round: object
    office: ResultRow | None  # None: the office is not in the survey
    programme: ResultRow | None
    office_rate: OfficeRate | None
    programme_rate: OfficeRate | None
    questions: list[QuestionFigures] = field(default_factory=list)

    @property
    def questions_with_figures(self) -> list[QuestionFigures]:
        """The questions with a share who agree to show, for the office or the programme."""
        return [
            q
            for q in self.questions
            if any(
                row is not None and row.agree_percent is not None for row in (q.office, q.programme)
            )
        ]

    @property
    def questions_without_figures(self) -> int:
        """Questions whose shares are hidden on both sides (small groups) or have no answers."""
        return len(self.questions) - len(self.questions_with_figures)


def _programme_row(rows: list[ResultRow]) -> ResultRow | None:
    """All offices; or, where that is hidden (one office too small to subtract), the offices
    shown, together, as on the results page."""
    totals = [row for row in rows if row.is_total]
    shown = [row for row in totals if not row.is_hidden]
    return (shown or totals or [None])[0]


def _surveys(*, programme: Programme, period: "Period", today: datetime.date):
    """Per survey, the latest round begun by the period's end, with every office's rows."""
    reader = coordinators_view_of(programme)
    blocks = []
    for survey in surveys_visible_to(reader).prefetch_related("rounds").order_by("title"):
        if not survey.is_published:
            continue
        rounds = sorted(
            (r for r in survey.rounds.all() if r.starts_on <= period.end), key=lambda r: r.starts_on
        )
        if not rounds:
            continue
        results = survey_results(survey=survey, round=rounds[-1])
        if results.response_total is None or not results.response_total.n:
            continue
        rates = response_rates(results=results, today=today) or []
        blocks.append((results, {rate.label: rate for rate in rates}))
    return blocks


def _office_surveys(office: Office, blocks) -> list[OfficeSurvey]:
    shown = []
    for results, rates in blocks:
        office_row = next((r for r in results.responses if r.office_id == office.pk), None)
        programme_row = _programme_row(results.responses)
        figures = OfficeSurvey(
            survey=results.survey,
            round=results.round,
            office=office_row,
            programme=programme_row,
            office_rate=rates.get(office_row.label) if office_row else None,
            programme_rate=rates.get(programme_row.label) if programme_row else None,
        )
        for question in results.questions:
            if question.question.kind != question.question.Kind.SCALE:
                continue
            figures.questions.append(
                QuestionFigures(
                    question=question.question,
                    office=next((r for r in question.rows if r.office_id == office.pk), None),
                    programme=_programme_row(question.rows),
                )
            )
        shown.append(figures)
    return shown


# --- The card ----------------------------------------------------------------------------------


@dataclass
class OfficeCard:
    office: Office
    attendance: list[ProjectGroupAttendance]
    advisor_time: OfficeAdvisorTime
    checklist: OfficeChecklist
    inputs: OfficeInputs
    surveys: list[OfficeSurvey]


def office_cards(
    *,
    programme: Programme,
    period: "Period",
    now: datetime.datetime,
    offices: list[Office] | None = None,
    unnamed: set[int] = frozenset(),
) -> list[OfficeCard]:
    """A card for each office in use (or each office given), for the period up to `now`.
    People in `unnamed` (young members, in documents that leave the app) are "a member".
    A fixed number of queries whatever the number of offices."""
    if offices is None:
        offices = list(programme.offices.filter(is_active=True).order_by("name"))
    until = min(period.end_at, now)
    today = timezone.localdate(now)
    attendance = _attendance(programme=programme, period=period, until=until, unnamed=unnamed)
    time_used = advisor_time_per_office(programme=programme, months=period_months(period, today))
    checklists = _checklists(programme=programme, period=period)
    inputs = _inputs(programme=programme, period=period, until=until)
    surveys = _surveys(programme=programme, period=period, today=today)
    cards = []
    for office in offices:
        planned, months = time_used.get(office.pk, (None, []))
        cards.append(
            OfficeCard(
                office=office,
                attendance=attendance.get(office.pk, []),
                advisor_time=OfficeAdvisorTime(planned_per_month=planned, months=months),
                checklist=checklists[office.pk],
                inputs=inputs.get(office.pk, OfficeInputs()),
                surveys=_office_surveys(office, surveys),
            )
        )
    return cards
