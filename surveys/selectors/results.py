"""Results of a survey round: per question and office the distribution, mean and share who
agree, with small groups suppressed (surveys.suppression) before any filtering by viewer."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import import_module

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Office

from .. import access as rules
from ..answering import choices_for
from ..charts import question_chart
from ..masking import mask_personal_details
from ..models import Answer, AnswerCode, Question, Round, Survey, SurveyResponse
from ..suppression import SUBTRACTION, has_small_cell, is_too_few, suppress, suppress_cells
from .surveys import last_release, result_office_ids

AGREE = ("4", "5")


@dataclass
class Cell:
    value: str
    label: str
    count: int
    percent: float
    # A small cell, or one hidden so that a small cell cannot be worked out by subtraction.
    is_hidden: bool = False


@dataclass
class ResultRow:
    """One office's (or all offices') figures for one question; hidden rows carry no figures."""

    label: str
    office_id: int | None
    n: int
    hidden_reason: str | None = None
    cells: list[Cell] = field(default_factory=list)
    mean: float | None = None
    agree_percent: float | None = None
    # The offices the row is built from: one, or several for a total.
    office_ids: list[int] = field(default_factory=list)

    @property
    def has_hidden_cells(self) -> bool:
        return any(cell.is_hidden for cell in self.cells)

    @property
    def is_total(self) -> bool:
        return self.office_id is None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_reason is not None


@dataclass
class QuestionResult:
    number: int
    question: Question
    choices: list[tuple[str, str]]
    rows: list[ResultRow]

    @property
    def chart_row(self) -> ResultRow | None:
        """The row the chart draws: the (shown) total when there is one, else the first office
        shown."""
        shown = [row for row in self.rows if not row.is_hidden and row.n]
        totals = [row for row in shown if row.is_total]
        return (totals or shown or [None])[0]

    @property
    def has_distribution(self) -> bool:
        return bool(self.choices)


@dataclass
class SurveyResults:
    survey: Survey
    round: Round | None
    rounds: list[Round]
    responses: list[ResultRow]
    questions: list[QuestionResult]

    @property
    def response_total(self) -> ResultRow | None:
        return next((row for row in self.responses if row.is_total), None)


def _offices(survey: Survey, office_ids_with_answers) -> list[Office]:
    """The survey's offices, and any office that has answers from before it was removed."""
    ids = set(survey.offices.values_list("pk", flat=True)) | set(office_ids_with_answers)
    return list(Office.objects.filter(pk__in=ids).order_by("name"))


def _rows(offices, visible_ids, counts_by_office: dict[int, int], build) -> list[ResultRow]:
    """Decide suppression over every office, then keep the rows the viewer may see.

    `build(label, office_id, n, reason, member_ids)` makes one row; a total has office_id None
    and aggregates `member_ids`. When the total is hidden by the subtraction rule, a row for
    the offices shown, together, takes its place: it is the sum of rows already on the page,
    so it reveals nothing, and the steering group keeps a headline figure.
    """
    decision = suppress({office.pk: counts_by_office.get(office.pk, 0) for office in offices})
    rows = []
    for office in offices:
        if visible_ids is not None and office.pk not in visible_ids:
            continue
        n = counts_by_office.get(office.pk, 0)
        rows.append(build(office.name, office.pk, n, decision.reason(office.pk), [office.pk]))
    if visible_ids is None:
        every = [office.pk for office in offices]
        n = sum(counts_by_office.get(pk, 0) for pk in every)
        rows.append(build(_("All offices"), None, n, decision.total_reason, every))
        if decision.total_reason == SUBTRACTION:
            shown = [pk for pk in every if not decision.is_hidden(pk)]
            n_shown = sum(counts_by_office.get(pk, 0) for pk in shown)
            rows.append(build(_("The offices shown, together"), None, n_shown, None, shown))
    return rows


def survey_results(
    *, survey: Survey, round: Round | None = None, office_ids: set[int] | None = None
) -> SurveyResults:
    """Every question's figures for one round (default: the latest), in five queries."""
    rounds = list(survey.rounds.order_by("starts_on"))
    if round is None and rounds:
        round = rounds[-1]
    questions = list(survey.questions.prefetch_related("options").order_by("position"))
    answers = Answer.objects.filter(
        response__survey=survey, response__round=round, response__is_released=True
    )
    grouped = answers.values(
        "question_id", "response__office_id", "option_id", "number", "choice"
    ).annotate(count=Count("id"))
    sizes = answers.values("question_id", "response__office_id").annotate(
        n=Count("response_id", distinct=True)
    )
    response_counts = dict(
        SurveyResponse.objects.filter(survey=survey, round=round, is_released=True)
        .values_list("office_id")
        .annotate(n=Count("id"))
    )
    values: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    numbers: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for row in grouped:
        key = _value_key(row)
        by_value = values[row["question_id"]][row["response__office_id"]]
        by_value[key] = by_value.get(key, 0) + row["count"]
        if row["number"] is not None:
            numbers[row["question_id"]][row["response__office_id"]].append(
                (row["number"], row["count"])
            )
    n_by_question: dict[int, dict[int, int]] = defaultdict(dict)
    for row in sizes:
        n_by_question[row["question_id"]][row["response__office_id"]] = row["n"]
    offices = _offices(survey, response_counts)

    def response_row(label, office_id, n, reason, member_ids):
        return ResultRow(label, office_id, n, reason, office_ids=member_ids)

    results = []
    for index, question in enumerate(questions, start=1):
        choices = choices_for(question)
        builder = _question_row_builder(
            question, choices, values[question.pk], numbers[question.pk], n_by_question[question.pk]
        )
        rows = _rows(offices, office_ids, n_by_question[question.pk], builder)
        results.append(QuestionResult(index, question, choices, rows))
    return SurveyResults(
        survey=survey,
        round=round,
        rounds=rounds,
        responses=_rows(offices, office_ids, response_counts, response_row),
        questions=results,
    )


def _value_key(row) -> str:
    if row["option_id"] is not None:
        return str(row["option_id"])
    if row["choice"]:
        return row["choice"]
    if row["number"] is not None:
        return str(row["number"])
    return ""


def hidden_cells_for(choices, values_by_office, n_by_office, member_ids) -> set[str]:
    """The answer categories a row hides (surveys.suppression rules 4 and 5).

    One office: its small cells and their complements. Several offices together: every
    category, when any office shown among them hides a cell or the offices hidden under
    rule 1 hold a small cell together; else none."""
    keys = [value for value, _label in choices]

    def counts(ids):
        return {key: sum(values_by_office.get(pk, {}).get(key, 0) for pk in ids) for key in keys}

    if len(member_ids) == 1:
        return suppress_cells(counts(member_ids))
    shown = [pk for pk in member_ids if not is_too_few(n_by_office.get(pk, 0))]
    hidden = [pk for pk in member_ids if pk not in shown]
    if any(suppress_cells(counts([pk])) for pk in shown) or has_small_cell(counts(hidden)):
        return set(keys)
    return set()


# A mean or a share of those who agree is shown only when none of these categories is hidden:
# from it and the shown cells, a hidden cell could be solved.
SHARE_INPUTS = {"4", "5", "dont_know"}


def _question_row_builder(question, choices, values, numbers, n_by_office):
    """A function making one question's row for an office (or None: all offices)."""

    def build(label, office_id, n, reason, member_ids):
        row = ResultRow(label, office_id, n, reason, office_ids=member_ids)
        if reason is not None or not n:
            return row
        hidden = hidden_cells_for(choices, values, n_by_office, member_ids)
        counts: dict[str, int] = defaultdict(int)
        pairs: list[tuple[int, int]] = []
        for pk in member_ids:
            for key, count in values.get(pk, {}).items():
                counts[key] += count
            pairs.extend(numbers.get(pk, []))
        row.cells = [
            Cell(
                value,
                label,
                0 if value in hidden else counts.get(value, 0),
                0.0 if value in hidden else 100 * counts.get(value, 0) / n,
                is_hidden=value in hidden,
            )
            for value, label in choices
        ]
        if question.kind == Question.Kind.SCALE:
            pairs = [(number, count) for number, count in pairs if 1 <= number <= 5]
            rated = sum(count for _number, count in pairs)
            if rated and not hidden:
                row.mean = sum(number * count for number, count in pairs) / rated
            if rated and not hidden & SHARE_INPUTS:
                agreed = sum(counts.get(value, 0) for value in AGREE)
                row.agree_percent = 100 * agreed / rated
        elif question.kind == Question.Kind.NUMBER and pairs:
            row.mean = sum(number * count for number, count in pairs) / sum(c for _n, c in pairs)
        return row

    return build


@dataclass
class RoundComparison:
    """A scale question's mean and share who agree, per office and round."""

    question: Question
    rounds: list[Round]
    # (label, office_id, [ResultRow per round, or None where the round has no such row])
    rows: list[tuple[str, int | None, list[ResultRow | None]]]


def round_comparison(
    *, survey: Survey, office_ids: set[int] | None = None
) -> list[RoundComparison]:
    """The scale questions compared over the rounds; each round is suppressed on its own."""
    rounds = list(survey.rounds.order_by("starts_on"))
    questions = list(survey.questions.filter(kind=Question.Kind.SCALE).order_by("position"))
    if not rounds or not questions:
        return []
    answers = Answer.objects.filter(
        response__survey=survey, response__is_released=True, question__in=questions
    )
    grouped = answers.values(
        "question_id", "response__round_id", "response__office_id", "number", "choice"
    ).annotate(count=Count("id"))
    data: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for row in grouped:
        data[row["question_id"]][row["response__round_id"]][row["response__office_id"]].append(
            (row["number"], row["count"])
        )
    offices = _offices(survey, {row["response__office_id"] for row in grouped})
    comparisons = []
    for question in questions:
        per_round = []
        for each in rounds:
            by_office = data[question.pk][each.pk]
            n_by_office = {pk: sum(c for _n, c in pairs) for pk, pairs in by_office.items()}
            builder = _mean_builder(question, by_office, n_by_office)
            per_round.append(_rows(offices, office_ids, n_by_office, builder))
        # Rows by label: "the offices shown, together" may be in one round and not another.
        labels: dict[str, int | None] = {}
        for rows in per_round:
            for row in rows:
                labels.setdefault(row.label, row.office_id)
        labelled = [
            (
                label,
                office_id,
                [next((r for r in rows if r.label == label), None) for rows in per_round],
            )
            for label, office_id in labels.items()
        ]
        comparisons.append(RoundComparison(question, rounds, labelled))
    return comparisons


def _mean_builder(question, by_office, n_by_office):
    """Rows of a mean and a share who agree, hidden where the results page hides them."""
    choices = choices_for(question)
    values = {
        pk: {("dont_know" if number is None else str(number)): count for number, count in pairs}
        for pk, pairs in by_office.items()
    }

    def build(label, office_id, n, reason, member_ids):
        row = ResultRow(label, office_id, n, reason, office_ids=member_ids)
        if reason is not None or not n:
            return row
        hidden = hidden_cells_for(choices, values, n_by_office, member_ids)
        pairs = [pair for pk in member_ids for pair in by_office.get(pk, [])]
        rated = [(number, count) for number, count in pairs if number is not None]
        total = sum(count for _number, count in rated)
        if total and not hidden:
            row.mean = sum(number * count for number, count in rated) / total
        if total and not hidden & SHARE_INPUTS:
            row.agree_percent = 100 * sum(c for n, c in rated if n >= 4) / total
        return row

    return build


@dataclass
class OfficeRate:
    """Responses against what could have answered. With answer codes, `first_meetings` holds
    the codes handed out: each code gives one answer, so the response rate cannot pass 100 %.
    With an open link it holds the first meetings recorded with the checklist, which the
    answers can outnumber (not every first meeting is recorded): that is not a response rate,
    only answers per first meeting recorded, shown as it is and never capped."""

    label: str
    office_id: int | None
    responses: ResultRow
    first_meetings: int | None
    is_response_rate: bool = False

    @property
    def percent(self) -> float | None:
        """The response rate (codes only); None for an open link or a hidden count."""
        if not self.is_response_rate or self.responses.is_hidden or not self.first_meetings:
            return None
        return 100 * self.responses.n / self.first_meetings

    @property
    def per_first_meeting(self) -> float | None:
        """Answers per first meeting recorded (open links only; may be above 1)."""
        if self.is_response_rate or self.responses.is_hidden or not self.first_meetings:
            return None
        return self.responses.n / self.first_meetings


def first_meetings_per_office(*, programme, start, end) -> dict[int, int] | None:
    """First meetings per office from the checklists app, or None where it cannot tell."""
    try:
        selectors = import_module("checklists.selectors")
        counter = selectors.first_meetings_per_office
    except (ImportError, AttributeError):
        return None
    return counter(programme=programme, start=start, end=end)


def codes_handed_out(*, survey: Survey, end) -> dict[int, int]:
    """Answer codes per office from every batch made by the round's end: a code made before
    the round can be answered in it, so counting only the round's own batches let the
    responses outnumber the codes. Each code gives exactly one response, so the rate built on
    this never passes 100 %."""
    return dict(
        AnswerCode.objects.filter(survey=survey, batch__made_on__lte=end)
        .values_list("batch__office_id")
        .annotate(n=Count("id"))
    )


def response_rates(
    *, results: SurveyResults, today: datetime.date | None = None
) -> list[OfficeRate] | None:
    """Responses per office against first meetings recorded in the round, or, with answer
    codes, against the codes handed out (None: unknown). A hidden response count hides its
    rate too."""
    current = results.round
    if current is None:
        return None
    end = current.ends_on or today or timezone.localdate()
    if results.survey.requires_code:
        meetings = codes_handed_out(survey=results.survey, end=end)
    else:
        meetings = first_meetings_per_office(
            programme=results.survey.programme, start=current.starts_on, end=end
        )
    if meetings is None:
        return None
    rates = []
    for row in results.responses:
        known = sum(meetings.get(pk, 0) for pk in row.office_ids) or None
        rates.append(
            OfficeRate(
                row.label, row.office_id, row, known, is_response_rate=results.survey.requires_code
            )
        )
    return rates


@dataclass
class FreeTextAnswer:
    office: str | None
    text: str


def free_text_answers(*, results: SurveyResults) -> list[tuple[Question, list[FreeTextAnswer]]]:
    """The round's free-text answers, masked; the office is left out where it has few answers."""
    questions = [q.question for q in results.questions if q.question.is_text]
    if not questions:
        return []
    hidden_offices = {row.office_id for row in results.responses if row.is_hidden}
    answers = (
        Answer.objects.filter(
            response__survey=results.survey,
            response__round=results.round,
            response__is_released=True,
            question__in=questions,
        )
        .exclude(text="")
        .select_related("response__office")
        .order_by("question__position", "response_id")
    )
    by_question: dict[int, list[FreeTextAnswer]] = defaultdict(list)
    for answer in answers:
        office = answer.response.office
        label = None if office.pk in hidden_offices else office.name
        by_question[answer.question_id].append(
            FreeTextAnswer(office=label, text=mask_personal_details(answer.text))
        )
    return [(question, by_question[question.pk]) for question in questions]


def results_context(*, access, survey: Survey, round_id: int | None = None) -> dict:
    """Everything the results page and the results PDF show, for this viewer."""
    round = survey.rounds.filter(pk=round_id).first() if round_id else None
    office_ids = result_office_ids(access)
    results = survey_results(survey=survey, round=round, office_ids=office_ids)
    return {
        "access": access,
        "programme": access.programme,
        "survey": survey,
        "results": results,
        "question_items": [(q, question_chart(q)) for q in results.questions],
        "comparisons": round_comparison(survey=survey, office_ids=office_ids),
        "rates": response_rates(results=results),
        "free_text": free_text_answers(results=results) if rules.can_read_free_text(access) else [],
        "is_office_view": office_ids is not None,
        "last_release": last_release(survey=survey),
    }
