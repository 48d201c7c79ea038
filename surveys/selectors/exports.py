"""CSV exports of a survey.

- The figures export (anyone who may see the programme's results): per round, question, office
  and answer category the count and share, with every rule of surveys.suppression applied —
  exactly what the results page shows, and nothing response by response.
- The response export (coordinators only): one row per response. It gives no time finer than
  what keeps at least 5 responses in every office and period (the week, else the month, else
  only the round), and its rows are sorted by their content, so neither a day nor the order in
  which answers came in can be matched with a first meeting. Free text is masked.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from participation.formatting import csv_number

from ..answering import choices_for
from ..masking import mask_personal_details
from ..models import Answer, Question, Survey, SurveyResponse
from ..suppression import is_too_few
from .results import survey_results

WEEK = "week"
MONTH = "month"
ROUND = "round"


def _week(day) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(day) -> str:
    return day.strftime("%Y-%m")


PERIODS = {WEEK: _week, MONTH: _month, ROUND: lambda day: ""}


def export_period(pairs: list[tuple[tuple, object]]) -> str:
    """The finest period (week, month, else round only) where every (group, period) holds at
    least 5 responses; `pairs` is (group key, day) per response."""
    for period in (WEEK, MONTH):
        counts = Counter((group, PERIODS[period](day)) for group, day in pairs)
        if not any(is_too_few(n) for n in counts.values()):
            return period
    return ROUND


def response_export_rows(*, survey: Survey) -> Iterator[list[str]]:
    """The header, then one list of strings per response, sorted by content, for coordinators."""
    questions = list(survey.questions.prefetch_related("options").order_by("position"))
    labels = {question.pk: dict(choices_for(question)) for question in questions}
    responses = list(
        SurveyResponse.objects.filter(survey=survey, is_released=True)
        .select_related("round", "office")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("option_id")))
    )
    period = export_period([((r.round_id, r.office_id), r.submitted_on) for r in responses])
    period_name = {WEEK: _("Week"), MONTH: _("Month"), ROUND: _("Period")}[period]
    yield [_("Round"), _("Office"), period_name] + [
        f"{index}. {question.text}" for index, question in enumerate(questions, 1)
    ]
    rows = []
    for response in responses:
        by_question = defaultdict(list)
        for answer in response.answers.all():
            by_question[answer.question_id].append(answer)
        row = [response.office.name, PERIODS[period](response.submitted_on)]
        row += [_cell(q, by_question.get(q.pk, []), labels[q.pk]) for q in questions]
        rows.append(((response.round.starts_on, response.round.name), row))
    # Sorted by what the rows say: the storage order (who answered first) is not kept.
    rows.sort(key=lambda item: (item[0], item[1]))
    for (_starts_on, round_name), row in rows:
        yield [round_name, *row]


def figures_export_rows(*, survey: Survey, office_ids: set[int] | None = None) -> Iterator[list]:
    """The header, then one row per round, question, office (or total) and answer category,
    as the results page shows them: hidden figures say so and carry no number."""
    yield [_("Round"), _("Question"), _("Office"), _("Answers"), _("Answer"), _("Count"), "%"]
    hidden = _("hidden")
    for each in survey.rounds.order_by("starts_on"):
        results = survey_results(survey=survey, round=each, office_ids=office_ids)
        for result in results.questions:
            if result.question.is_text:
                continue
            title = f"{result.number}. {result.question.text}"
            for row in result.rows:
                start = [each.name, title, row.label]
                if row.is_hidden:
                    yield [*start, hidden, "", "", ""]
                    continue
                if not row.n:
                    yield [*start, 0, "", "", ""]
                    continue
                if not row.cells:
                    mean = csv_number(row.mean, 1)
                    yield [*start, row.n, _("Mean"), mean, ""]
                for cell in row.cells:
                    if cell.is_hidden:
                        yield [*start, row.n, cell.label, hidden, hidden]
                    else:
                        yield [*start, row.n, cell.label, cell.count, csv_number(cell.percent, 0)]


def _cell(question: Question, answers: list[Answer], labels: dict[str, str]) -> str:
    if not answers:
        return ""
    if question.kind in Question.OPTION_KINDS:
        return "; ".join(labels.get(str(answer.option_id), "") for answer in answers)
    answer = answers[0]
    if question.is_text:
        return mask_personal_details(answer.text)
    if question.kind == Question.Kind.NUMBER:
        return str(answer.number)
    if question.kind == Question.Kind.SCALE and answer.number is not None:
        return str(answer.number)
    return str(labels.get(answer.choice, answer.choice))
