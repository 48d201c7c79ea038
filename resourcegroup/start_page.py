"""The resource group's part of the coordinator's task list (participation.selectors.tasks)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from participation.access import ProgrammeAccess
from participation.selectors.tasks import Task

from .models import Application, Honorarium, Timesheet, TravelClaim


def coordinator_tasks(*, access: ProgrammeAccess, user, now) -> list[Task]:
    """Months, claims and honoraria to approve, and new applications: one count query each.
    A coordinator's own months and claims are not theirs to approve, so they are left out."""
    programme, slug = access.programme, access.programme.slug
    timesheets = (
        Timesheet.objects.filter(programme=programme, status=Timesheet.Status.SUBMITTED)
        .exclude(person=user)
        .count()
    )
    travel = (
        TravelClaim.objects.filter(programme=programme, status=TravelClaim.Status.SUBMITTED)
        .exclude(person=user)
        .count()
    )
    honoraria = Honorarium.objects.filter(
        programme=programme, status=Honorarium.Status.PROPOSED
    ).count()
    applications = Application.objects.filter(
        posting__programme=programme, status=Application.Status.RECEIVED
    ).count()
    return [
        Task(
            "timesheets",
            _("Timesheets to approve"),
            timesheets,
            reverse("resourcegroup:timesheet_list", args=[slug]) + "?status=submitted",
        ),
        Task(
            "travel",
            _("Travel claims to approve"),
            travel,
            reverse("resourcegroup:travel_list", args=[slug]) + "?status=submitted",
        ),
        Task(
            "honoraria",
            _("Honoraria to approve"),
            honoraria,
            reverse("resourcegroup:honoraria", args=[slug]),
        ),
        Task(
            "applications",
            _("New applications"),
            applications,
            reverse("resourcegroup:posting_list", args=[slug]),
        ),
    ]
