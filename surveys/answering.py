"""What a respondent may answer, and how a posted form becomes clean answers.

Every value posted to the public pages passes through here before anything is shown back or
stored: a value that is not one of the question's options, a number out of bounds or an
over-long text becomes a plain-language message, never an exception. Fields that are not
questions of this survey are ignored and never stored.

An answer is kept as a string, or a tuple of option ids for several choices; `None` is no
answer. Skip logic: a question with a condition is shown only when the earlier question's
answer is (or, for several choices, includes) the given value.
"""

import hashlib
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Question

SCALE_VALUES = ("1", "2", "3", "4", "5")
DONT_KNOW = "dont_know"
SCALE_LABELS = {
    "1": gettext_lazy("Completely disagree"),
    "2": gettext_lazy("Somewhat disagree"),
    "3": gettext_lazy("Neither agree nor disagree"),
    "4": gettext_lazy("Somewhat agree"),
    "5": gettext_lazy("Completely agree"),
    DONT_KNOW: gettext_lazy("Don't know"),
}
YES_NO = {"yes": gettext_lazy("Yes"), "no": gettext_lazy("No")}
AGE_BANDS = {
    "under-18": gettext_lazy("Under 18"),
    "18-20": gettext_lazy("18–20"),
    "21-24": gettext_lazy("21–24"),
    "25-29": gettext_lazy("25–29"),
    "30-plus": gettext_lazy("30 or older"),
}
MAX_LENGTH = {Question.Kind.SHORT_TEXT: 200, Question.Kind.LONG_TEXT: 2000}
# A number question without bounds still has sane ones.
NUMBER_LIMIT = 1_000_000
# Refuse a whole post that is absurdly large before looking at it.
MAX_FIELD_LENGTH = 10_000

Answers = dict[int, str | tuple[str, ...]]


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def choices_for(question: Question, language: str = "nb") -> list[tuple[str, str]]:
    """The (value, label) pairs a choice question offers, in order."""
    kind = question.kind
    if kind == Question.Kind.SCALE:
        values = [*SCALE_VALUES, DONT_KNOW] if question.allows_dont_know else list(SCALE_VALUES)
        return [(value, str(SCALE_LABELS[value])) for value in values]
    if kind == Question.Kind.YES_NO:
        return [(value, str(label)) for value, label in YES_NO.items()]
    if kind == Question.Kind.AGE_BAND:
        return [(value, str(label)) for value, label in AGE_BANDS.items()]
    if kind in Question.OPTION_KINDS:
        return [(str(option.pk), option.label_in(language)) for option in question.options.all()]
    return []


def clean_answer(question: Question, raw: list[str]) -> tuple[str | tuple[str, ...] | None, str]:
    """One question's posted values → (answer or None, error message or ""). Whether an
    answer is required is checked by `required_missing`, which knows what is shown."""
    values = [value.strip() for value in raw if isinstance(value, str)]
    values = [value for value in values if value]
    if any(len(value) > MAX_FIELD_LENGTH for value in values):
        return None, _("This answer is too long.")
    return _clean_values(question, values)


def _clean_values(question: Question, values: list[str]):
    kind = question.kind
    if not values:
        return None, ""
    if kind == Question.Kind.MULTIPLE:
        allowed = {value for value, _label in choices_for(question)}
        chosen = tuple(dict.fromkeys(values))
        if not set(chosen) <= allowed:
            return None, _("Please choose among the answers shown.")
        return chosen, ""
    if len(values) > 1:
        return None, _("Please give one answer only.")
    value = values[0]
    if kind in Question.TEXT_KINDS:
        limit = MAX_LENGTH[kind]
        if len(value) > limit:
            return None, _("Please keep your answer under %(limit)s characters.") % {"limit": limit}
        return value.replace("\x00", ""), ""
    if kind == Question.Kind.NUMBER:
        return _clean_number(question, value)
    allowed = {value for value, _label in choices_for(question)}
    if value not in allowed:
        return None, _("Please choose one of the answers shown.")
    return value, ""


def _clean_number(question: Question, value: str):
    try:
        number = int(value.replace(" ", ""))
    except ValueError:
        return None, _("Please write a whole number, for example 3.")
    low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
    high = question.max_value if question.max_value is not None else NUMBER_LIMIT
    if not low <= number <= high:
        return None, _("Please write a number from %(low)s to %(high)s.") % {
            "low": low,
            "high": high,
        }
    return str(number), ""


def is_visible(question: Question, answers: Mapping[int, object]) -> bool:
    """Skip logic: shown when it has no condition, or the condition's answer matches."""
    if question.show_if_question_id is None:
        return True
    answer = answers.get(question.show_if_question_id)
    if isinstance(answer, tuple):
        return question.show_if_value in answer
    return answer == question.show_if_value


def split_pages(questions: Iterable[Question]) -> list[list[Question]]:
    """Screens: a question that starts a new screen begins one; the first always does."""
    pages: list[list[Question]] = []
    for question in questions:
        if not pages or question.starts_new_page:
            pages.append([])
        pages[-1].append(question)
    return pages


def visible_answers(questions: Iterable[Question], answers: Mapping[int, object]) -> Answers:
    """Only the answers to questions that are shown, given the answers before them."""
    kept: Answers = {}
    for question in questions:
        if question.pk in answers and is_visible(question, kept):
            kept[question.pk] = answers[question.pk]
    return kept


def collect_answers(questions: Iterable[Question], data) -> tuple[Answers, dict[int, str]]:
    """Read each question's field from the posted data: the clean answers, and a message for
    each question whose posted value was refused (that value is dropped)."""
    answers: Answers = {}
    errors: dict[int, str] = {}
    for question in questions:
        answer, error = clean_answer(question, data.getlist(field_name(question)))
        if error:
            errors[question.pk] = error
        elif answer is not None:
            answers[question.pk] = answer
    return answers, errors


def required_missing(questions: Iterable[Question], answers: Answers) -> dict[int, str]:
    """Required questions that are shown but have no answer."""
    return {
        question.pk: _("Please answer this question.")
        for question in questions
        if question.is_required and question.pk not in answers and is_visible(question, answers)
    }


# --- The one-time form token -------------------------------------------------------------------

TOKEN_SALT = "surveys.respondent"
# Long enough to answer at the pace of real life; short enough to keep the used-token table small.
TOKEN_MAX_AGE = 2 * 24 * 60 * 60


@dataclass(frozen=True)
class FormToken:
    survey_id: int
    office_id: int
    nonce: str
    issued_at: float

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.nonce.encode()).hexdigest()

    def age_seconds(self) -> float:
        return time.time() - self.issued_at


def token_issue(*, survey_id: int, office_id: int) -> str:
    """A signed token for one filling-in of the survey: which survey, which office, when."""
    payload = {"s": survey_id, "o": office_id, "n": secrets.token_urlsafe(16), "t": time.time()}
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


def token_read(value: str) -> FormToken | None:
    """The token's content, or None if it was tampered with, expired or is not a token."""
    if not isinstance(value, str) or not value or len(value) > 500:
        return None
    try:
        payload = signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        return FormToken(
            survey_id=int(payload["s"]),
            office_id=int(payload["o"]),
            nonce=str(payload["n"]),
            issued_at=float(payload["t"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
