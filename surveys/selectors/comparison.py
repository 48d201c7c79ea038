"""What advisors ticked on the checklist beside what young people answered: per office and
round, the share of checklist uses where a point was ticked, and the share of young people who
agreed (4–5) with the question that measures it. The young people's side follows the
suppression rules (surveys.suppression); the checklist side holds no young person's answer."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from checklists import selectors as checklist_selectors
from checklists.models import ChecklistItem

from ..models import Question, Round, Survey
from .results import ResultRow, round_comparison


@dataclass
class ComparisonCell:
    round: Round
    answers: ResultRow | None
    ticked: int
    offered: int

    @property
    def checklist_percent(self) -> float | None:
        return 100 * self.ticked / self.offered if self.offered else None


@dataclass
class ItemComparison:
    question: Question
    item: ChecklistItem
    rounds: list[Round]
    # (label, office_id or None for a total, [ComparisonCell per round])
    rows: list[tuple[str, int | None, list[ComparisonCell]]]


def linkable_items(*, survey: Survey):
    """The checklist points of the survey's programme, newest version first."""
    return (
        ChecklistItem.objects.filter(version__template__programme=survey.programme)
        .select_related("version__template")
        .order_by("version__template__title", "-version__number", "order", "pk")
    )


def checklist_comparison(
    *, survey: Survey, office_ids: set[int] | None = None
) -> list[ItemComparison]:
    """Each linked question: per office and round, checklist ticks beside agreement."""
    linked = {
        q.pk: q
        for q in survey.questions.filter(
            kind=Question.Kind.SCALE, measures_checklist_item__isnull=False
        ).select_related("measures_checklist_item__version")
    }
    if not linked:
        return []
    comparisons = {c.question.pk: c for c in round_comparison(survey=survey, office_ids=office_ids)}
    rounds = list(survey.rounds.order_by("starts_on"))
    today = timezone.localdate()
    coverage_by_round = [
        checklist_selectors.item_coverage_per_office(
            programme=survey.programme, start=each.starts_on, end=each.ends_on or today
        )
        for each in rounds
    ]
    result = []
    for question in linked.values():
        item = question.measures_checklist_item
        # The same point in every version of the checklist counts as one point.
        same_point = checklist_selectors.same_point_item_ids(item=item)
        comparison = comparisons.get(question.pk)
        if comparison is None:
            continue
        rows = []
        for label, office_id, answer_rows in comparison.rows:
            cells = []
            for index, each in enumerate(rounds):
                answers = answer_rows[index]
                offices = answers.office_ids if answers else ([office_id] if office_id else [])
                ticked, offered = _coverage(coverage_by_round[index], offices, same_point)
                cells.append(ComparisonCell(each, answers, ticked, offered))
            rows.append((label, office_id, cells))
        result.append(ItemComparison(question, item, rounds, rows))
    return result


def _coverage(coverage, office_ids, item_ids) -> tuple[int, int]:
    totals = defaultdict(int)
    for (office_id, item_id), (ticked, offered) in coverage.items():
        if office_id in office_ids and item_id in item_ids:
            totals["ticked"] += ticked
            totals["offered"] += offered
    return totals["ticked"], totals["offered"]
