"""Counts for the coordinator's front page of the resource group."""

from dataclasses import dataclass

from participation.models import Programme

from ..models import Timesheet
from .followup import drifting_members
from .recruitment import open_application_count


@dataclass
class CoordinatorCounts:
    timesheets_waiting: int
    drifting: int
    applications_open: int


def coordinator_counts(*, programme: Programme) -> CoordinatorCounts:
    """What waits for the coordinator: months to approve, members to contact, applications."""
    return CoordinatorCounts(
        timesheets_waiting=Timesheet.objects.filter(
            programme=programme, status=Timesheet.Status.SUBMITTED
        ).count(),
        drifting=len(drifting_members(programme=programme)),
        applications_open=open_application_count(programme=programme),
    )
