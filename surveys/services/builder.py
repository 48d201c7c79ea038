"""Building a survey: its settings, and questions added, changed, moved and removed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from participation.models import Office, Programme

from ..answering import choices_for
from ..models import Question, QuestionOption, Survey
from ..models.surveys import EXTRA_LANGUAGES

SURVEY_TEXT_FIELDS = (
    "title",
    "title_nn",
    "title_en",
    "introduction",
    "introduction_nn",
    "introduction_en",
    "anonymity_promise",
    "anonymity_promise_nn",
    "anonymity_promise_en",
    "purpose",
    "purpose_nn",
    "purpose_en",
)
QUESTION_FIELDS = (
    "kind",
    "text",
    "text_nn",
    "text_en",
    "help_text",
    "help_text_nn",
    "help_text_en",
    "is_required",
    "allows_dont_know",
    "min_value",
    "max_value",
    "starts_new_page",
)


def _check_offices(programme: Programme, offices) -> list[Office]:
    offices = list(offices)
    allowed = set(programme.offices.values_list("pk", flat=True))
    if not offices:
        raise ValidationError({"offices": _("Choose at least one office.")})
    if any(office.pk not in allowed for office in offices):
        raise ValidationError({"offices": _("Choose among the programme's offices.")})
    return offices


def _set_survey_fields(survey: Survey, fields: dict, languages) -> None:
    settings_fields = {"slug", "opens_on", "closes_on", "requires_code"}
    unknown = set(fields) - set(SURVEY_TEXT_FIELDS) - settings_fields
    if unknown:
        raise TypeError(f"unknown survey fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.languages = [code for code in EXTRA_LANGUAGES if code in (languages or [])]


@transaction.atomic
def survey_create(*, programme: Programme, offices, languages=(), review_group=None, **fields):
    """A new draft survey of the programme, open to answers from the chosen offices."""
    offices = _check_offices(programme, offices)
    survey = Survey(programme=programme, review_group=review_group)
    _set_survey_fields(survey, fields, languages)
    survey.full_clean()
    survey.save()
    survey.offices.set(offices)
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, offices, languages=(), **fields) -> Survey:
    """Change the survey's texts, dates and offices; the link never changes once published."""
    offices = _check_offices(survey.programme, offices)
    if survey.is_published and fields.get("slug", survey.slug) != survey.slug:
        raise ValidationError(
            {"slug": _("The link is printed on posters: it cannot change after publishing.")}
        )
    _set_survey_fields(survey, fields, languages)
    survey.full_clean()
    survey.save()
    survey.offices.set(offices)
    return survey


def _require_editable(survey: Survey) -> None:
    if not survey.is_editable:
        raise ValidationError(
            _("The questions cannot change after publishing, or the answers would not match.")
        )


def _split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _check_options(kind: str, options: str, options_nn: str, options_en: str) -> list[tuple]:
    """Choice questions need two or more choices; translations, one line per choice."""
    if kind not in Question.OPTION_KINDS:
        return []
    labels = _split_lines(options)
    if len(labels) < 2:
        raise ValidationError({"options": _("Write at least two choices, one on each line.")})
    if len(labels) > 30:
        raise ValidationError({"options": _("Thirty choices at most: keep it short.")})
    if any(len(label) > 200 for label in labels):
        raise ValidationError({"options": _("Keep each choice under 200 characters.")})
    rows = []
    translated = {}
    for code, text in (("nn", options_nn), ("en", options_en)):
        lines = _split_lines(text)
        if lines and len(lines) != len(labels):
            raise ValidationError(
                {f"options_{code}": _("Write as many lines as there are choices.")}
            )
        translated[code] = lines or [""] * len(labels)
    for index, label in enumerate(labels):
        rows.append((label, translated["nn"][index][:200], translated["en"][index][:200]))
    return rows


def _check_condition(question: Question) -> None:
    """A question may depend on an earlier one shown on an earlier screen (the answer must be
    known before the screen is shown, without JavaScript)."""
    condition = question.show_if_question
    if condition is None:
        question.show_if_value = ""
        return
    errors = {}
    if condition.survey_id != question.survey_id or condition.kind not in Question.CONDITION_KINDS:
        errors["show_if_question"] = _("Choose a question with fixed answers from this survey.")
    elif condition.position >= question.position:
        errors["show_if_question"] = _("The question must come before this one.")
    elif not _screen_break_between(condition, question):
        errors["show_if_question"] = _(
            "The question must be on an earlier screen. Let this question start a new screen."
        )
    elif question.show_if_value not in {value for value, _label in choices_for(condition)}:
        errors["show_if_value"] = _("Choose one of that question's answers.")
    if errors:
        raise ValidationError(errors)


def _screen_break_between(earlier: Question, later: Question) -> bool:
    if later.starts_new_page:
        return True
    return Question.objects.filter(
        survey_id=later.survey_id,
        position__gt=earlier.position,
        position__lt=later.position,
        starts_new_page=True,
    ).exists()


def _save_options(question: Question, rows: list[tuple]) -> None:
    existing = {option.position: option for option in question.options.all()}
    keep = set()
    for position, (label, label_nn, label_en) in enumerate(rows, start=1):
        option = existing.get(position) or QuestionOption(question=question, position=position)
        option.label, option.label_nn, option.label_en = label, label_nn, label_en
        option.save()
        keep.add(option.pk)
    removed = [option.pk for option in existing.values() if option.pk not in keep]
    if removed:
        if question.dependent_questions.filter(show_if_value__in=[str(pk) for pk in removed]):
            raise ValidationError(
                {"options": _("A later question is shown only after a choice you removed.")}
            )
        QuestionOption.objects.filter(pk__in=removed).delete()


def _check_all_conditions(survey: Survey) -> None:
    for question in survey.questions.select_related("show_if_question").exclude(
        show_if_question=None
    ):
        try:
            _check_condition(question)
        except ValidationError as error:
            raise ValidationError(
                _("“%(question)s” would come before the question it depends on.")
                % {"question": question.text}
            ) from error


@transaction.atomic
def question_create(
    *,
    survey: Survey,
    options: str = "",
    options_nn: str = "",
    options_en: str = "",
    show_if_question: Question | None = None,
    show_if_value: str = "",
    **fields,
) -> Question:
    """Add a question at the end of the survey."""
    _require_editable(survey)
    last = survey.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(
        survey=survey,
        position=last + 1,
        show_if_question=show_if_question,
        show_if_value=show_if_value or "",
    )
    return _save_question(question, fields, options, options_nn, options_en)


@transaction.atomic
def question_update(
    *,
    question: Question,
    options: str = "",
    options_nn: str = "",
    options_en: str = "",
    show_if_question: Question | None = None,
    show_if_value: str = "",
    **fields,
) -> Question:
    """Change a question of a survey that is not yet published."""
    _require_editable(question.survey)
    question.show_if_question = show_if_question
    question.show_if_value = show_if_value or ""
    question = _save_question(question, fields, options, options_nn, options_en)
    _check_all_conditions(question.survey)
    return question


def _save_question(question, fields, options, options_nn, options_en) -> Question:
    unknown = set(fields) - set(QUESTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown question fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(question, name, value)
    if question.kind != Question.Kind.NUMBER:
        question.min_value = question.max_value = None
    rows = _check_options(question.kind, options, options_nn, options_en)
    question.full_clean(exclude=["show_if_value"])
    question.save()
    if question.kind in Question.OPTION_KINDS:
        _save_options(question, rows)
    else:
        if question.dependent_questions.exists() and question.kind not in Question.CONDITION_KINDS:
            raise ValidationError(
                {"kind": _("A later question is shown only after an answer to this one.")}
            )
        question.options.all().delete()
    # Checked after the options exist: the condition's value may be one of them.
    _check_condition(question)
    question.save(update_fields=["show_if_value"])
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    """Remove a question; questions that depended on it are then always shown."""
    _require_editable(question.survey)
    question.dependent_questions.update(show_if_question=None, show_if_value="")
    question.delete()


@transaction.atomic
def question_move(*, question: Question, direction: str) -> None:
    """Swap the question with its neighbour above or below; refuse if skip logic would break."""
    _require_editable(question.survey)
    siblings = question.survey.questions.select_for_update()
    if direction == "up":
        neighbour = siblings.filter(position__lt=question.position).order_by("-position").first()
    elif direction == "down":
        neighbour = siblings.filter(position__gt=question.position).order_by("position").first()
    else:
        raise ValidationError(_("Move up or down."))
    if neighbour is None:
        return
    mine, theirs = question.position, neighbour.position
    # Through 0, so that the unique position is never held by two questions at once.
    Question.objects.filter(pk=question.pk).update(position=0)
    Question.objects.filter(pk=neighbour.pk).update(position=mine)
    Question.objects.filter(pk=question.pk).update(position=theirs)
    question.position = theirs
    _check_all_conditions(question.survey)
