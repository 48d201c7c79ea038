"""Who may see and do what with the checklists. The one place views and selectors ask.

Coordinators write and publish checklists; advisors record the first meetings of their own
office; the steering group and advisors read the figures; the resource group, who wrote the
checklist with the coordinators, may read it. Outsiders get a 404 whether it exists or not.
"""

from django.db.models import QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme, require_manage
from participation.models import Membership, Office, User

from .models import ChecklistTemplate, ChecklistUse

__all__ = [
    "access_template",
    "access_template_to_manage",
    "access_use",
    "can_manage_checklists",
    "can_read_checklists",
    "can_see_figures",
    "figure_offices",
    "recording_office_ids",
    "require_manage",
    "templates_visible_to",
]


def can_manage_checklists(access: ProgrammeAccess) -> bool:
    """Coordinators write, revise, publish and retire checklists and see drafts."""
    return access.can_manage


def can_read_checklists(access: ProgrammeAccess) -> bool:
    """Coordinators, the steering group and advisors use the checklist; the resource group
    wrote it and may read it."""
    return access.can_see_programme_overview or access.is_advisor or access.is_resource_group_member


def can_see_figures(access: ProgrammeAccess) -> bool:
    """Coordinators and the steering group see every office; advisors see their own."""
    return access.can_see_programme_overview or access.is_advisor


def recording_office_ids(access: ProgrammeAccess) -> set[int]:
    """Offices where the user is an advisor now: where they may record first meetings."""
    return {
        m.office_id
        for m in access.memberships
        if m.role == Membership.Role.ADVISOR and m.office_id is not None
    }


def figure_offices(access: ProgrammeAccess) -> QuerySet[Office]:
    """The offices whose figures the user sees."""
    offices = access.programme.offices.order_by("name")
    if access.can_see_programme_overview:
        return offices
    if access.is_advisor:
        return offices.filter(pk__in=recording_office_ids(access))
    return offices.none()


def templates_visible_to(access: ProgrammeAccess) -> QuerySet[ChecklistTemplate]:
    """Coordinators see drafts too; other readers only published and retired checklists."""
    if not can_read_checklists(access):
        return ChecklistTemplate.objects.none()
    templates = ChecklistTemplate.objects.filter(programme=access.programme)
    if not can_manage_checklists(access):
        templates = templates.exclude(status=ChecklistTemplate.Status.DRAFT)
    return templates.order_by("status", "title")


def access_template(
    user: User, slug: str, template_id: int
) -> tuple[ProgrammeAccess, ChecklistTemplate]:
    """A checklist of the programme the user may read; 404 otherwise."""
    access = access_programme(user, slug)
    template = templates_visible_to(access).filter(pk=template_id).first()
    if template is None:
        raise Http404
    return access, template


def access_use(user: User, slug: str, use_id: int) -> tuple[ProgrammeAccess, ChecklistUse]:
    """One of the user's own recorded uses in the programme; 404 otherwise (also for
    coordinators: a use is the advisor's own record to correct)."""
    access = access_programme(user, slug)
    use = (
        ChecklistUse.objects.filter(
            pk=use_id, advisor=user, version__template__programme=access.programme
        )
        .select_related("version__template", "office")
        .first()
    )
    if use is None:
        raise Http404
    return access, use


def access_template_to_manage(
    user: User, slug: str, template_id: int
) -> tuple[ProgrammeAccess, ChecklistTemplate]:
    """A checklist the user may change (a coordinator's); 404 for everyone else."""
    access, template = access_template(user, slug, template_id)
    if not can_manage_checklists(access):
        raise Http404
    return access, template
