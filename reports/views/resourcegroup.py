"""PDF views for resourcegroup: a paid representative's month timesheet.

Read through resourcegroup's selectors and the same access rules as the timesheet pages: the
representative gets their own months, a coordinator everyone's; anybody else a 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.models import AuditEvent
from participation.services.audit import audit_event
from resourcegroup import access as rules
from resourcegroup.selectors.hours import month_page, timesheet_for_coordinator

from ..pdf import render_pdf


def _timesheet(request, slug, timesheet_id):
    """The timesheet as the coordinator's page or the representative's own page finds it."""
    access = access_programme(request.user, slug)
    if rules.can_manage(access):
        return access, timesheet_for_coordinator(access=access, timesheet_id=timesheet_id).timesheet
    # As on the representative's month page: only their own months in this programme.
    if not rules.has_hours(access=access, user=request.user):
        raise Http404
    timesheet = (
        access.programme.timesheets.filter(pk=timesheet_id, person=request.user)
        .select_related("person", "decided_by")
        .first()
    )
    if timesheet is None:
        raise Http404
    return access, timesheet


@login_required
def timesheet_pdf(request, slug, timesheet_id):
    """One month's hours with the hourly pay, totals, status and who approved it."""
    access, timesheet = _timesheet(request, slug, timesheet_id)
    page = month_page(
        programme=access.programme,
        person=timesheet.person,
        month=timesheet.month,
        today=timezone.localdate(),
    )
    pdf = render_pdf(
        "reports/resourcegroup/timesheet.html",
        {
            "programme": access.programme,
            "timesheet": timesheet,
            "person": timesheet.person,
            "page": page,
            # The pay actually used for the month's entries; the contract's when none are.
            "rates": page.priced.rates or ([page.contract.hourly_pay] if page.contract else []),
            # Split only when the pay changed during the month.
            "hours_by_rate": (
                sorted(page.priced.hours_by_rate.items()) if len(page.priced.rates) > 1 else []
            ),
        },
    )
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=access.programme,
        subject=_("Timesheet %(month)s: %(person)s")
        % {"month": f"{timesheet.month:%Y-%m}", "person": timesheet.person},  # a record: ISO
        detail="PDF",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"timesheet-{timesheet.month:%Y-%m}-{timesheet.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


urlpatterns = [
    path(
        "p/<slug:slug>/resource-group/timesheets/<int:timesheet_id>/timesheet.pdf",
        timesheet_pdf,
        name="timesheet_pdf",
    ),
]
