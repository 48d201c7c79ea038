"""Who may see and do what with reports. The one place the report views ask.

Steering reports are for the coordinators and the steering group; only coordinators set the
schedule. An office's card is for them and for the office's own leader. Everybody else, and
everybody outside the programme, gets a 404.
"""

from django.db.models import QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme, require_manage
from participation.models import Office, User

from .models import Goal, Report

__all__ = [
    "access_goal",
    "access_goals",
    "access_office_card",
    "access_office_cards",
    "access_report",
    "access_reports",
    "can_change_goals",
    "can_read_goals",
    "can_read_reports",
    "office_cards_visible_to",
    "require_manage",
]


def can_read_reports(access: ProgrammeAccess) -> bool:
    return access.can_see_programme_overview


def access_reports(user: User, slug: str) -> ProgrammeAccess:
    """Reports are for coordinators and the steering group; everybody else gets a 404."""
    access = access_programme(user, slug)
    if not can_read_reports(access):
        raise Http404
    return access


def access_report(user: User, slug: str, report_id: int) -> tuple[ProgrammeAccess, Report]:
    """One report of the programme; 404 for another programme's or for those not allowed."""
    access = access_reports(user, slug)
    report = (
        Report.objects.filter(programme=access.programme, pk=report_id)
        .select_related("requested_by", "for_meeting__group", "programme")
        .first()
    )
    if report is None:
        raise Http404
    return access, report


def can_read_goals(access: ProgrammeAccess) -> bool:
    """The programme's goals are for its staff: coordinators, the steering group, advisors."""
    return access.is_coordinator or access.is_steering_member or access.is_advisor


def access_goals(user: User, slug: str) -> ProgrammeAccess:
    """The goals page; 404 for young members and for everybody outside the programme."""
    access = access_programme(user, slug)
    if not can_read_goals(access):
        raise Http404
    return access


def can_change_goals(access: ProgrammeAccess) -> bool:
    """Only coordinators add, change, archive and restore goals."""
    return access.can_manage


def access_goal(user: User, slug: str, goal_id: int) -> tuple[ProgrammeAccess, Goal]:
    """One goal to change: coordinators of its programme only; 404 for everybody else."""
    access = access_goals(user, slug)
    require_manage(access)
    goal = Goal.objects.filter(programme=access.programme, pk=goal_id).first()
    if goal is None:
        raise Http404
    return access, goal


def office_cards_visible_to(access: ProgrammeAccess) -> QuerySet[Office]:
    """The offices in use whose card the user may open: every one for coordinators and the
    steering group, their own for an office's leader, none for anybody else."""
    offices = access.programme.offices.filter(is_active=True)
    if not can_read_reports(access):
        offices = offices.filter(pk__in=access.led_office_ids)
    return offices.order_by("name")


def access_office_cards(user: User, slug: str) -> ProgrammeAccess:
    """The list of offices' cards; 404 for those who may open none."""
    access = access_programme(user, slug)
    if not office_cards_visible_to(access).exists():
        raise Http404
    return access


def access_office_card(user: User, slug: str, office_id: int) -> tuple[ProgrammeAccess, Office]:
    """One office's card; 404 for another programme's office or for those not allowed."""
    access = access_programme(user, slug)
    office = office_cards_visible_to(access).filter(pk=office_id).first()
    if office is None:
        raise Http404
    return access, office
