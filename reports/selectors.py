"""Reads for the report pages, always scoped to the programme the user may see."""

from django.db.models import QuerySet

from participation.access import ProgrammeAccess

# The access rules live in access.py; these names stay here for older imports.
from .access import access_report, access_reports  # noqa: F401
from .models import Report


def report_list(*, access: ProgrammeAccess) -> QuerySet[Report]:
    """The programme's reports, newest first, with who asked for them."""
    return (
        Report.objects.filter(programme=access.programme)
        .select_related("requested_by", "for_meeting__group", "programme")
        .order_by("-requested_at", "-pk")
    )
