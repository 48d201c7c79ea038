"""The coordinator's side of the hours: approving months and the payroll file."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed, keep_typed, kept_typed
from participation.models import AuditEvent
from participation.services.audit import audit_event
from participation.spreadsheets import csv_response

from .. import access as rules
from ..forms.hours import ReturnForm
from ..models import Timesheet
from ..payroll import PAYROLL_NUMBER_COLUMNS, payroll_table, payroll_totals
from ..selectors.budget import spend_totals
from ..selectors.honoraria import payroll_extra_months, payroll_extras
from ..selectors.hours import (
    month_or_404,
    payroll_months,
    payroll_rows,
    timesheet_for_coordinator,
    timesheet_rows,
)
from ..services import timesheets as service


class TimesheetFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *Timesheet.Status.choices],
    )
    month = forms.DateField(
        label=gettext_lazy("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )


def _coordinator(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    return access


@login_required
def timesheet_list(request, slug):
    access = _coordinator(request, slug)
    filter_form = TimesheetFilterForm(request.GET or None)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    rows = timesheet_rows(
        programme=access.programme,
        status=filters.get("status", ""),
        month=filters.get("month"),
    )
    return render(
        request,
        "resourcegroup/hours/timesheet_list.html",
        {
            "access": access,
            "programme": access.programme,
            "rows": rows,
            "filter_form": filter_form,
            "is_filtered": bool(filters.get("status") or filters.get("month")),
        },
    )


@login_required
def timesheet_detail(request, slug, timesheet_id):
    access = _coordinator(request, slug)
    row = timesheet_for_coordinator(access=access, timesheet_id=timesheet_id)
    return_form = return_form_with_kept(request, page=_return_page(row.timesheet))
    return _detail(request, access, row, return_form)


def _return_page(timesheet) -> str:
    return f"timesheet:{timesheet.pk}:return"


def return_form_with_kept(request, *, page: str) -> ReturnForm:
    """The return form, holding the comment kept for `page` (with a note) if there is one."""
    kept = kept_typed(request, page=page)
    return_form = ReturnForm(initial=kept)
    return_form.is_kept = kept is not None
    return return_form


def keep_return_comment(request, *, page: str) -> bool:
    """The approve button posts the return form too (HTML's form attribute): keep the
    comment typed there, shown again on the page. True when a comment was typed."""
    keep_typed(request, page=page, fields=ReturnForm.base_fields, text_fields=("comment",))
    return kept_typed(request, page=page) is not None


def _detail(request, access, row, return_form):
    return render(
        request,
        "resourcegroup/hours/timesheet_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "row": row,
            "timesheet": row.timesheet,
            "entries": row.timesheet.entries.all(),
            "return_form": return_form,
            "is_own": row.timesheet.person_id == request.user.pk,
        },
    )


@login_required
@require_POST
def timesheet_approve(request, slug, timesheet_id):
    access = _coordinator(request, slug)
    row = timesheet_for_coordinator(access=access, timesheet_id=timesheet_id)
    if keep_return_comment(request, page=_return_page(row.timesheet)):
        # A comment typed to return the month says the approver was about to return it.
        messages.error(
            request,
            _(
                "You have written a comment to return the month with. Return the month, or "
                "empty the comment, before you approve it."
            ),
        )
        return redirect("resourcegroup:timesheet_detail", slug=slug, timesheet_id=timesheet_id)
    try:
        timesheet = service.timesheet_approve(
            timesheet=row.timesheet,
            by=request.user,
            seen_submitted_at=seen_submitted_at(request, row.timesheet.submitted_at),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("resourcegroup:timesheet_detail", slug=slug, timesheet_id=timesheet_id)
    messages.success(
        request,
        _("%(month)s for %(name)s is approved.")
        % {
            "month": date_format(timesheet.month, "YEAR_MONTH_FORMAT"),
            "name": timesheet.person.display_name,
        },
    )
    return redirect("resourcegroup:timesheet_list", slug=slug)


def seen_submitted_at(request, submitted_at):
    """The sending the approver looked at: the page posts its time in whole seconds. A
    missing or changed value matches nothing, so nothing unseen is approved."""
    seen = request.POST.get("seen", "")
    if submitted_at is not None and seen == str(int(submitted_at.timestamp())):
        return submitted_at
    return datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@login_required
@require_POST
def timesheet_return(request, slug, timesheet_id):
    access = _coordinator(request, slug)
    row = timesheet_for_coordinator(access=access, timesheet_id=timesheet_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            timesheet = service.timesheet_return(
                timesheet=row.timesheet, by=request.user, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_return_page(timesheet))
            messages.success(
                request,
                _("%(month)s is returned to %(name)s with your comment.")
                % {
                    "month": date_format(timesheet.month, "YEAR_MONTH_FORMAT"),
                    "name": timesheet.person.display_name,
                },
            )
            return redirect("resourcegroup:timesheet_list", slug=slug)
    return _detail(request, access, row, form)


@login_required
def payroll(request, slug):
    """The month's payroll file as a table: exactly its header, rows and totals, so that what
    the coordinator checks here is what the file holds."""
    access = _coordinator(request, slug)
    programme = access.programme
    months = sorted(
        set(payroll_months(programme=programme)) | set(payroll_extra_months(programme=programme)),
        reverse=True,
    )
    chosen = _month_from(request.GET.get("month", "")) or (months[0] if months else None)
    header, lines, footer = [], [], []
    if chosen:
        rows = payroll_rows(programme=programme, month=chosen)
        extras = payroll_extras(programme=programme, month=chosen)
        header, lines = payroll_table(rows, extras)
        footer = payroll_totals(rows, extras)
    return render(
        request,
        "resourcegroup/hours/payroll.html",
        {
            "access": access,
            "programme": programme,
            "months": months,
            "chosen": chosen,
            "header": header,
            "lines": lines,
            "footer": footer,
            "number_columns": PAYROLL_NUMBER_COLUMNS,
            # The programme's totals so far: the same selector as the budget page and report.
            "totals": spend_totals(programme=programme),
        },
    )


def _month_from(text: str) -> datetime.date | None:
    """ "2024-03" → 1 March 2024; anything else → None."""
    year, _dash, month = text.partition("-")
    try:
        return datetime.date(int(year), int(month), 1)
    except ValueError:
        return None


@login_required
def payroll_download(request, slug, year, month):
    access = _coordinator(request, slug)
    month = month_or_404(year, month)
    rows = payroll_rows(programme=access.programme, month=month)
    # Approved honoraria and travel of volunteers go in the same file (selectors/honoraria.py).
    extras = payroll_extras(programme=access.programme, month=month)
    people = {row.person.pk for row in rows} | set(extras)
    service.payroll_export_log(
        programme=access.programme, month=month, rows=len(people), by=request.user
    )
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.EXPORTED,
        programme=access.programme,
        subject=_("Payroll %(month)s") % {"month": f"{month:%Y-%m}"},  # a record: ISO
        detail=_("%(count)s people") % {"count": len(people)},
    )
    header, lines = payroll_table(rows, extras)
    return csv_response(
        filename=f"lonn-{access.programme.slug}-{month:%Y-%m}.csv", header=header, rows=lines
    )


BASE = "p/<slug:slug>/resource-group/"
urlpatterns = [
    path(BASE + "timesheets/", timesheet_list, name="timesheet_list"),
    path(BASE + "timesheets/<int:timesheet_id>/", timesheet_detail, name="timesheet_detail"),
    path(
        BASE + "timesheets/<int:timesheet_id>/approve/",
        timesheet_approve,
        name="timesheet_approve",
    ),
    path(BASE + "timesheets/<int:timesheet_id>/return/", timesheet_return, name="timesheet_return"),
    path(BASE + "payroll/", payroll, name="payroll"),
    path(BASE + "payroll/<int:year>/<int:month>/csv/", payroll_download, name="payroll_download"),
]
