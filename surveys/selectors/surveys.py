"""Which surveys a user may reach, and a survey with what its pages need."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme
from participation.models import User

from ..models import Question, ReviewComment, Survey


def surveys_visible_to(access: ProgrammeAccess) -> QuerySet[Survey]:
    """Coordinators see every survey of the programme; the steering group and advisors the
    published ones; resource-group members the drafts shared with their group for comments."""
    surveys = Survey.objects.filter(programme=access.programme)
    if access.is_coordinator:
        return surveys
    visible = Q(status=Survey.Status.REVIEW, review_group__in=access.group_ids())
    if access.can_see_programme_overview or access.is_advisor:
        visible |= Q(status__in=[Survey.Status.PUBLISHED, Survey.Status.CLOSED])
    return surveys.filter(visible)


def survey_list(*, access: ProgrammeAccess) -> QuerySet[Survey]:
    """The surveys a user sees, with their counts, newest first."""
    return (
        surveys_visible_to(access)
        .annotate(
            question_count=Count("questions", distinct=True),
            response_count=Count("responses", distinct=True),
        )
        .order_by("-created_at")
    )


def access_survey(user: User, slug: str, survey_id: int) -> tuple[ProgrammeAccess, Survey]:
    """A survey of the programme the user may see; 404 otherwise (also for other programmes)."""
    access = access_programme(user, slug)
    survey = (
        surveys_visible_to(access)
        .select_related("programme", "review_group")
        .filter(pk=survey_id)
        .first()
    )
    if survey is None:
        raise Http404
    return access, survey


def can_see_results(access: ProgrammeAccess, survey: Survey) -> bool:
    """Coordinators and the steering group see every office; advisors their own."""
    return survey.is_published and (access.can_see_programme_overview or access.is_advisor)


def result_office_ids(access: ProgrammeAccess) -> set[int] | None:
    """The offices whose figures the user sees; None means every office."""
    if access.can_see_programme_overview:
        return None
    return access.office_ids


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
