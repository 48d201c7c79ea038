"""Who may see and do what in the resource group's pages. The one place views and selectors ask.

Coordinators run recruitment, onboarding, follow-up, contracts, timesheets, honoraria and
payroll. A paid representative (or anyone with a contract) logs their own hours and sees their
own contract; resource-group members write stories and claim travel, each seeing their own.
Everybody else, and everybody outside the programme, gets a 404.
"""

from django.http import Http404

from participation.access import ProgrammeAccess, require_manage
from participation.models import Group, User

from .models import Contract

__all__ = [
    "can_claim_travel",
    "can_manage",
    "can_see_budget",
    "can_open_index",
    "can_read_stories",
    "has_hours",
    "require_budget",
    "require_manage",
    "require_index",
    "story_group_ids",
]


def can_manage(access: ProgrammeAccess) -> bool:
    """Coordinators run the resource group's work and see everyone's records."""
    return access.can_manage


def has_hours(*, access: ProgrammeAccess, user: User) -> bool:
    """Whether the user logs hours here: a paid representative, or anyone with a contract."""
    return (
        access.is_paid_representative
        or Contract.objects.filter(programme=access.programme, person=user).exists()
    )


def can_claim_travel(access: ProgrammeAccess) -> bool:
    """Members of the resource group claim travel (and see their honoraria)."""
    return access.is_resource_group_member


def can_read_stories(access: ProgrammeAccess) -> bool:
    """Stories are read and written by the resource group and its coordinators."""
    return can_manage(access) or access.is_resource_group_member


def can_open_index(access: ProgrammeAccess, *, logs_hours: bool) -> bool:
    """The resource group's front page: coordinators, its members and those who log hours."""
    return can_manage(access) or access.is_resource_group_member or logs_hours


def require_index(access: ProgrammeAccess, *, logs_hours: bool) -> None:
    if not can_open_index(access, logs_hours=logs_hours):
        raise Http404


def story_group_ids(access: ProgrammeAccess) -> set[int] | None:
    """The resource groups whose stories the user reads and writes; None means all of them."""
    if can_manage(access):
        return None
    return {m.group_id for m in access.memberships if m.group.kind == Group.Kind.RESOURCE}


def can_see_budget(access: ProgrammeAccess) -> bool:
    """The budget is the coordinators' to keep and the steering group's to read."""
    return access.can_see_programme_overview


def require_budget(access: ProgrammeAccess) -> None:
    if not can_see_budget(access):
        raise Http404
