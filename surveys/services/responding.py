"""Storing one anonymous response: all of it, once, or nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Office

from ..answering import Answers, FormToken, clean_answer, required_missing, visible_answers
from ..masking import remove_personal_details
from ..models import Answer, Question, Round, SubmissionToken, Survey, SurveyResponse
from .codes import code_use
from .releases import results_release


class AlreadySubmitted(Exception):
    """The form's one-time token was used before: these answers are stored already."""


class CodeNotValid(Exception):
    """The survey needs an answer code and this one is unknown or used: nothing was stored."""


def round_for(survey: Survey, day: datetime.date) -> Round:
    """The round a response given on the day belongs to: the latest one started by then."""
    rounds = survey.rounds.order_by("starts_on")
    current = rounds.filter(starts_on__lte=day).last() or rounds.first()
    if current is None:
        current = Round.objects.create(survey=survey, name="Runde 1", starts_on=day)
    return current


def stored_day(today: datetime.date, current: Round) -> datetime.date:
    """The day stored with a response: the Monday of its week, not before the round began."""
    monday = today - datetime.timedelta(days=today.weekday())
    return max(monday, current.starts_on) if current.starts_on <= today else monday


def response_submit(
    *,
    survey: Survey,
    office: Office,
    token: FormToken,
    answers: Answers,
    language: str = "nb",
    today: datetime.date | None = None,
    code: str = "",
) -> SurveyResponse:
    """Store the answers as one response, the day only; refuse a used token, a closed survey,
    an office outside the survey, any answer that is not valid and, where the survey needs
    one, an answer code that is not an unused code of the office (it is used up here)."""
    today = today or timezone.localdate()
    if not survey.is_open(today=today):
        raise ValidationError(_("The survey is closed."))
    if token.survey_id != survey.pk or token.office_id != office.pk:
        raise ValidationError(_("This form does not belong to this survey."))
    if not survey.offices.filter(pk=office.pk).exists():
        raise ValidationError(_("This survey does not take answers for that office."))
    questions = list(survey.questions.prefetch_related("options").order_by("position"))
    rows = _answer_rows(questions, answers)
    try:
        with transaction.atomic():
            # The unique digest is the lock: a second submission fails here and stores nothing.
            SubmissionToken.objects.create(digest=token.digest)
            if survey.requires_code and not code_use(survey=survey, office=office, code=code):
                raise CodeNotValid
            current = round_for(survey, today)
            response = SurveyResponse.objects.create(
                survey=survey,
                round=current,
                office=office,
                submitted_on=stored_day(today, current),
                language=language if language in survey.language_codes else "nb",
                # Waits outside every figure until its office's batch is full (releases.py).
                is_released=False,
            )
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
    except IntegrityError as error:
        raise AlreadySubmitted from error
    results_release(survey=survey, today=today)
    return response


def _answer_rows(questions: list[Question], answers: Answers) -> list[Answer]:
    by_id = {question.pk: question for question in questions}
    checked: Answers = {}
    for question_id, value in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValidationError(_("An answer belongs to a question that is not in the survey."))
        raw = list(value) if isinstance(value, tuple) else [value]
        clean, error = clean_answer(question, raw)
        if error:
            raise ValidationError({f"q{question_id}": error})
        if clean is not None:
            checked[question_id] = clean
    checked = visible_answers(questions, checked)
    missing = required_missing(questions, checked)
    if missing:
        raise ValidationError({f"q{pk}": message for pk, message in missing.items()})
    rows = []
    for question in questions:
        value = checked.get(question.pk)
        if value is None:
            continue
        rows.extend(_rows_for(question, value))
    return rows


def _rows_for(question: Question, value) -> list[Answer]:
    kind = question.kind
    if kind == Question.Kind.MULTIPLE:
        return [Answer(question=question, option_id=int(pk)) for pk in value]
    if kind == Question.Kind.SINGLE:
        return [Answer(question=question, option_id=int(value))]
    if kind in Question.TEXT_KINDS:
        # Never stored: an anonymous answer may not hold a number or address to reach someone.
        return [Answer(question=question, text=remove_personal_details(value))]
    if kind == Question.Kind.NUMBER or (kind == Question.Kind.SCALE and value.isdigit()):
        return [Answer(question=question, number=int(value))]
    return [Answer(question=question, choice=value)]
