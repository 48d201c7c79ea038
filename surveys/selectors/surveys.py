"""Which surveys a user may reach, and a survey with what its pages need."""

from django.db.models import Count, Prefetch, Q, QuerySet

from checklists import selectors as checklist_selectors
from participation.access import ProgrammeAccess

# The access rules live in surveys/access.py; these names stay here for older imports.
from ..access import (  # noqa: F401
    access_survey,
    can_see_results,
    result_office_ids,
    surveys_visible_to,
)
from ..models import Question, ResultRelease, ReviewComment, Survey


def survey_list(*, access: ProgrammeAccess) -> QuerySet[Survey]:
    """The surveys a user sees, with their counts, newest first."""
    return (
        surveys_visible_to(access)
        .annotate(
            question_count=Count("questions", distinct=True),
            # Released responses only: a count that moved with each answer would tell when
            # someone answered (surveys.services.releases).
            response_count=Count("responses", filter=Q(responses__is_released=True), distinct=True),
        )
        .order_by("-created_at")
    )


def survey_questions(*, survey: Survey, with_comments: bool = False) -> list[Question]:
    """The survey's questions in order, with options, conditions and (optionally) comments."""
    questions = survey.questions.select_related("show_if_question").prefetch_related("options")
    if with_comments:
        questions = questions.prefetch_related(
            Prefetch(
                "review_comments",
                queryset=ReviewComment.objects.select_related("author").order_by("created_at"),
            )
        )
    return list(questions.order_by("position"))


def survey_for_respondent(slug: str) -> Survey | None:
    """The survey at the public link, if it has been published (open or closed)."""
    return (
        Survey.objects.filter(slug=slug, status__in=[Survey.Status.PUBLISHED, Survey.Status.CLOSED])
        .prefetch_related("offices")
        .first()
    )


def last_release(*, survey: Survey):
    """The day the survey's results last took in a batch of answers, or None."""
    return (
        ResultRelease.objects.filter(survey=survey)
        .order_by("-released_on")
        .values_list("released_on", flat=True)
        .first()
    )


def card_checklist(*, survey: Survey):
    """The checklist printed on the survey's first-meeting cards (the programme's first one in
    use, by title), with `.current` its version; None when there is none."""
    templates = checklist_selectors.published_templates_with_current_version(
        programme=survey.programme
    )
    return min(templates, key=lambda t: (t.title, t.pk), default=None)


def agreement_statements(*, programme) -> QuerySet[Question]:
    """The programme's agreement-scale statements (1–5), with their survey, for choosing the
    one a programme goal is measured by."""
    return (
        Question.objects.filter(survey__programme=programme, kind=Question.Kind.SCALE)
        .select_related("survey")
        .order_by("survey__title", "position")
    )
