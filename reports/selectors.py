"""Reads for the report pages, always scoped to the programme the user may see."""

from django.db.models import QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme
from participation.models import User

from .models import Report


def access_reports(user: User, slug: str) -> ProgrammeAccess:
    """Reports are for coordinators and the steering group; everybody else gets a 404."""
    access = access_programme(user, slug)
    if not access.can_see_programme_overview:
        raise Http404
    return access


def report_list(*, access: ProgrammeAccess) -> QuerySet[Report]:
    """The programme's reports, newest first, with who asked for them."""
    return (
        Report.objects.filter(programme=access.programme)
        .select_related("requested_by", "for_meeting__group", "programme")
        .order_by("-requested_at", "-pk")
    )


def access_report(user: User, slug: str, report_id: int) -> tuple[ProgrammeAccess, Report]:
    """One report of the programme; 404 for another programme's or for those not allowed."""
    access = access_reports(user, slug)
    report = report_list(access=access).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return access, report
