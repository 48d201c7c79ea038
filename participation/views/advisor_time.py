"""Advisor time: planned against used per office and month, and recording the time used."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..access import (
    access_programme,
    advisor_time_office_ids,
    advisor_time_recording_office_ids,
)
from ..formatting import format_hours
from ..forms import add_service_errors
from ..forms.advisor_time import AdvisorTimeForm
from ..models import AdvisorTimeEntry
from ..selectors.advisor_time import advisor_time_months, advisor_time_overview
from ..services.advisor_time import advisor_time_record


@login_required
def advisor_time(request, slug):
    """Coordinators and the steering group see every office; leaders and advisors their own."""
    access = access_programme(request.user, slug)
    if not advisor_time_office_ids(access):
        raise Http404
    return render(
        request,
        "participation/advisor_time/overview.html",
        {
            "access": access,
            "programme": access.programme,
            "offices": advisor_time_overview(access=access),
            "can_record": bool(advisor_time_recording_office_ids(access)),
        },
    )


@login_required
def advisor_time_record_page(request, slug):
    """An office leader (for their office) or a coordinator records a month's time used."""
    access = access_programme(request.user, slug)
    office_ids = advisor_time_recording_office_ids(access)
    if not office_ids:
        raise Http404
    programme = access.programme
    offices = programme.offices.filter(pk__in=office_ids, is_active=True).order_by("name")
    months = advisor_time_months(programme=programme)
    initial = {"office": request.GET.get("office"), "month": request.GET.get("month")}
    entry = _entry_for(programme, request.GET.get("office"), request.GET.get("month"), office_ids)
    if entry is not None:
        initial.update(hours=entry.hours, note=entry.note)
    form = AdvisorTimeForm(request.POST or None, offices=offices, months=months, initial=initial)
    if request.method == "POST" and form.is_valid():
        office = offices.get(pk=form.cleaned_data["office"])
        try:
            entry = advisor_time_record(
                programme=programme,
                office=office,
                month=form.cleaned_data["month"],
                hours=form.cleaned_data["hours"],
                note=form.cleaned_data["note"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(office)s: %(hours)s hours recorded for %(month)s.")
                % {
                    "office": office.name,
                    "hours": _hours(entry.hours),
                    "month": date_format(entry.month, "YEAR_MONTH_FORMAT"),
                },
            )
            return redirect("advisor_time", slug=slug)
    return render(
        request,
        "participation/advisor_time/record.html",
        {"access": access, "programme": programme, "form": form},
    )


def _hours(hours) -> str:
    return format_hours(hours)


def _entry_for(programme, office, month, office_ids) -> AdvisorTimeEntry | None:
    """The record being corrected, when the link names an office and a month."""
    if not (office and month and office.isdigit() and int(office) in office_ids):
        return None
    try:
        first = datetime.date.fromisoformat(f"{month}-01")
    except ValueError:
        return None
    return AdvisorTimeEntry.objects.filter(
        programme=programme, office_id=int(office), month=first
    ).first()


urlpatterns = [
    path("p/<slug:slug>/advisor-time/", advisor_time, name="advisor_time"),
    path(
        "p/<slug:slug>/advisor-time/record/", advisor_time_record_page, name="advisor_time_record"
    ),
]
