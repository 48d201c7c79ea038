"""A paid representative's own hours: months, entries, one-tap meetings, sending the month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed, keep_typed, kept_typed

from .. import access as rules
from ..forms.hours import TimeEntryForm
from ..money import hours_text
from ..selectors.hours import (
    attended_meeting,
    contracts_visible_to,
    month_or_404,
    month_page,
    my_months,
    own_entry,
)
from ..services import timesheets as service
from ..services.timesheets import month_start


def _rep_access(request, slug):
    access = access_programme(request.user, slug)
    if not rules.has_hours(access=access, user=request.user):
        raise Http404
    return access


@login_required
def my_hours(request, slug):
    access = _rep_access(request, slug)
    today = timezone.localdate()
    return render(
        request,
        "resourcegroup/hours/my_hours.html",
        {
            "access": access,
            "programme": access.programme,
            "months": my_months(programme=access.programme, person=request.user, today=today),
            "contracts": contracts_visible_to(access=access, user=request.user).filter(
                person=request.user
            ),
        },
    )


@login_required
def my_month(request, slug, year, month):
    access = _rep_access(request, slug)
    month = month_or_404(year, month)
    today = timezone.localdate()
    initial_day = today if (today.year, today.month) == (month.year, month.month) else month
    if request.method == "POST":
        form = TimeEntryForm(request.POST)
    else:
        kept = kept_typed(request, page=_hours_page(month))
        form = TimeEntryForm(initial=kept or {"date": initial_day})
        form.is_kept = kept is not None
    if request.method == "POST" and form.is_valid():
        try:
            entry = service.time_entry_add(
                programme=access.programme, person=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_hours_page(month))
            messages.success(
                request,
                _("%(hours)s hours on %(date)s are saved.")
                % {
                    "hours": hours_text(entry.hours),
                    "date": date_format(entry.date, "MONTH_DAY_FORMAT"),
                },
            )
            return redirect(_month_url(slug, entry.date))
    page = month_page(programme=access.programme, person=request.user, month=month, today=today)
    return render(
        request,
        "resourcegroup/hours/my_month.html",
        {
            "access": access,
            "programme": access.programme,
            "page": page,
            "form": form,
            "previous_month": (month.replace(day=1) - timezone.timedelta(days=1)).replace(day=1),
            "next_month": (month.replace(day=28) + timezone.timedelta(days=4)).replace(day=1),
        },
    )


@login_required
@require_POST
def my_month_add_meeting(request, slug, year, month, meeting_id):
    access = _rep_access(request, slug)
    month = month_or_404(year, month)
    meeting = attended_meeting(
        programme=access.programme, person=request.user, meeting_id=meeting_id
    )
    _keep_hours_typed(request, month)
    try:
        entry = service.time_entry_add_from_meeting(
            programme=access.programme, person=request.user, meeting=meeting
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(hours)s hours for the meeting on %(date)s are saved.")
            % {
                "hours": hours_text(entry.hours),
                "date": date_format(entry.date, "MONTH_DAY_FORMAT"),
            },
        )
    return redirect(_month_url(slug, month))


@login_required
@require_POST
def entry_delete(request, slug, entry_id):
    access = _rep_access(request, slug)
    entry = own_entry(programme=access.programme, person=request.user, entry_id=entry_id)
    _keep_hours_typed(request, month_start(entry.date))
    try:
        service.time_entry_delete(entry=entry, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry was removed."))
    return redirect(_month_url(slug, entry.date))


@login_required
@require_POST
def my_month_submit(request, slug, year, month):
    access = _rep_access(request, slug)
    month = month_or_404(year, month)
    if _keep_hours_typed(request, month):
        messages.error(
            request,
            _(
                "You have started on hours that are not saved. Save them, or empty the fields, "
                "before you send the month."
            ),
        )
        return redirect(_month_url(slug, month))
    timesheet = access.programme.timesheets.filter(person=request.user, month=month).first()
    if timesheet is None:
        messages.error(request, _("Log some hours before you send the month."))
        return redirect(_month_url(slug, month))
    try:
        service.timesheet_submit(timesheet=timesheet, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(month)s is sent for approval. You will see here when it is approved.")
            % {"month": date_format(month, "YEAR_MONTH_FORMAT")},
        )
    return redirect(_month_url(slug, month))


def _hours_page(month) -> str:
    return f"hours:{month:%Y-%m}"


def _keep_hours_typed(request, month) -> bool:
    """The month page's other buttons post the hours form too (HTML's form attribute): keep
    what was typed there, shown again on the page. True when something was typed."""
    keep_typed(
        request,
        page=_hours_page(month),
        fields=TimeEntryForm.base_fields,
        text_fields=("hours", "comment"),
    )
    return kept_typed(request, page=_hours_page(month)) is not None


def _month_url(slug, day):
    return reverse(
        "resourcegroup:my_month", kwargs={"slug": slug, "year": day.year, "month": day.month}
    )


BASE = "p/<slug:slug>/resource-group/hours/"
urlpatterns = [
    path(BASE, my_hours, name="my_hours"),
    path(BASE + "<int:year>/<int:month>/", my_month, name="my_month"),
    path(
        BASE + "<int:year>/<int:month>/meetings/<int:meeting_id>/add/",
        my_month_add_meeting,
        name="my_month_add_meeting",
    ),
    path(BASE + "<int:year>/<int:month>/send/", my_month_submit, name="my_month_submit"),
    path(BASE + "entries/<int:entry_id>/remove/", entry_delete, name="entry_delete"),
]
