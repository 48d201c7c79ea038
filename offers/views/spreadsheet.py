"""The register as CSV: export for anyone who keeps it, import with a check step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.models import AuditEvent
from participation.services.audit import audit_event
from participation.spreadsheets import csv_response

from .. import access as offer_access
from .. import selectors
from ..forms import ImportForm
from ..spreadsheet import COLUMNS, export_rows, register_import


@login_required
def register_export(request, slug):
    access = access_programme(request.user, slug)
    offer_access.require(offer_access.can_keep_offers(access))
    header, rows = export_rows(selectors.register_rows(programme=access.programme))
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.EXPORTED,
        programme=access.programme,
        subject=_("Activity offers register"),
    )
    return csv_response(
        filename=f"activity-offers-{slug}-{timezone.localdate().isoformat()}.csv",
        header=header,
        rows=rows,
    )


@login_required
def register_import_page(request, slug):
    """Upload, see every row checked, then add them all at once (or nothing)."""
    access = access_programme(request.user, slug)
    offer_access.require(offer_access.can_keep_offers(access))
    offices = list(offer_access.keeping_offices(access))
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        confirmed = request.POST.get("action") == "import"
        result = register_import(
            programme=access.programme,
            by=request.user,
            text=form.cleaned_data["text"],
            offices=offices,
            save=confirmed,
        )
        if confirmed and result.created:
            messages.success(
                request,
                _("%(count)s offers are added to the register.") % {"count": result.created},
            )
            return redirect("offers:list", slug=slug)
    return render(
        request,
        "offers/import.html",
        {
            "access": access,
            "programme": access.programme,
            "form": form,
            "result": result,
            "text": form.cleaned_data.get("text", "") if form.is_bound and form.is_valid() else "",
            "headings": [str(h) for key, h in COLUMNS if key != "last_checked_on"],
            "offices": offices,
        },
    )
