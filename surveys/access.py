"""Who may see and do what with surveys. The one place the survey views and selectors ask.

Coordinators build, publish and export every survey and read the free text; the steering group
sees every office's results and may export the figures; advisors see their own office's
results; resource-group members comment on drafts shared with their group. Outsiders get a 404
whether the survey exists or not. The public answer pages need no access at all.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme, require_manage
from participation.models import User

from .models import Survey

__all__ = [
    "access_survey",
    "can_export",
    "can_export_each_response",
    "can_manage_surveys",
    "can_read_free_text",
    "can_see_results",
    "require_manage",
    "result_office_ids",
    "surveys_visible_to",
]


def can_manage_surveys(access: ProgrammeAccess) -> bool:
    """Coordinators build, share, publish and close surveys."""
    return access.is_coordinator


def can_read_free_text(access: ProgrammeAccess) -> bool:
    """Free-text answers (masked) are for the coordinators only."""
    return access.is_coordinator


def can_export(access: ProgrammeAccess, survey: Survey) -> bool:
    """The figures as CSV: coordinators and the steering group, once the survey is out."""
    return survey.is_published and access.can_see_programme_overview


def can_export_each_response(access: ProgrammeAccess) -> bool:
    """One row per response: coordinators only."""
    return access.is_coordinator


def surveys_visible_to(access: ProgrammeAccess) -> QuerySet[Survey]:
    """Coordinators see every survey of the programme; the steering group and advisors the
    published ones; resource-group members the drafts shared with their group for comments."""
    surveys = Survey.objects.filter(programme=access.programme)
    if can_manage_surveys(access):
        return surveys
    visible = Q(status=Survey.Status.REVIEW, review_group__in=access.group_ids())
    if access.can_see_programme_overview or access.is_advisor:
        visible |= Q(status__in=[Survey.Status.PUBLISHED, Survey.Status.CLOSED])
    return surveys.filter(visible)


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
