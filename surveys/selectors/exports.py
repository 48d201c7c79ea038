"""CSV export rows: one row per response, one column per question, with the office and day.

Suppressed export (for anyone but a coordinator who asks for all): the rules of
surveys.suppression applied to rows — responses from an office with 1–4 responses in the round
are left out; an answer is left blank where 1–4 in its office answered that question in the
round; free-text questions are left out; the day becomes the month.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from ..answering import choices_for
from ..masking import mask_personal_details
from ..models import Answer, Question, Survey, SurveyResponse
from ..suppression import is_too_few


def export_rows(
    *, survey: Survey, suppressed: bool, office_ids: set[int] | None = None
) -> Iterator[list[str]]:
    """The header, then one list of strings per response, in a fixed number of queries."""
    numbered = enumerate(survey.questions.prefetch_related("options").order_by("position"), 1)
    # Numbered before free text is left out, so that "3." means the same question everywhere.
    columns = [(n, q) for n, q in numbered if not (suppressed and q.is_text)]
    questions = [question for _n, question in columns]
    labels = {question.pk: dict(choices_for(question)) for question in questions}
    yield [_("Round"), _("Office"), _("Month") if suppressed else _("Day")] + [
        f"{index}. {question.text}" for index, question in columns
    ]
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .select_related("round", "office")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("option_id")))
        .order_by("round__starts_on", "office__name", "submitted_on", "id")
    )
    if office_ids is not None:
        responses = responses.filter(office__in=office_ids)
    small_groups: set = set()
    small_cells: set = set()
    if suppressed:
        groups = SurveyResponse.objects.filter(survey=survey).values_list("round_id", "office_id")
        small_groups = {
            (round_id, office_id)
            for round_id, office_id, n in groups.annotate(n=Count("id"))
            if is_too_few(n)
        }
        cells = (
            Answer.objects.filter(response__survey=survey)
            .values_list("response__round_id", "response__office_id", "question_id")
            .annotate(n=Count("response_id", distinct=True))
        )
        small_cells = {(r, o, q) for r, o, q, n in cells if is_too_few(n)}
    for response in responses:
        if (response.round_id, response.office_id) in small_groups:
            continue
        by_question = defaultdict(list)
        for answer in response.answers.all():
            by_question[answer.question_id].append(answer)
        day = (
            response.submitted_on.strftime("%Y-%m")
            if suppressed
            else response.submitted_on.isoformat()
        )
        row = [response.round.name, response.office.name, day]
        for question in questions:
            if (response.round_id, response.office_id, question.pk) in small_cells:
                row.append("")
                continue
            row.append(_cell(question, by_question.get(question.pk, []), labels[question.pk]))
        yield row


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
