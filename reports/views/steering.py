"""The steering report: the archive, "make a report", its page while it renders, the
download, a retry, and the schedule before steering meetings.

Coordinators and steering-group members only; everybody else gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from participation.forms import add_service_errors
from participation.models import AuditEvent
from participation.services.audit import audit_event

from .. import services
from ..access import access_report, access_reports, require_manage
from ..failures import failed_part
from ..forms import ReportRequestForm, ReportScheduleForm
from ..selectors import report_list

# The page of a report being made reloads itself this often (no JavaScript needed).
REFRESH_SECONDS = 5
ARCHIVE_SIZE = 50


def _archive_page(request, access, form):
    programme = access.programme
    return render(
        request,
        "reports/report_list.html",
        {
            "access": access,
            "programme": programme,
            "form": form,
            "reports": report_list(access=access)[:ARCHIVE_SIZE],
            "schedule": services.schedule_for(programme),
        },
    )


@login_required
def report_archive(request, slug):
    access = access_reports(request.user, slug)
    period = services.default_period(programme=access.programme)
    form = ReportRequestForm(initial={"period_start": period.start, "period_end": period.end})
    return _archive_page(request, access, form)


@login_required
@require_POST
def report_create(request, slug):
    access = access_reports(request.user, slug)
    form = ReportRequestForm(request.POST)
    if form.is_valid():
        try:
            report = services.report_request(
                programme=access.programme,
                requested_by=request.user,
                language=translation.get_language(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The report is being made. This page shows when it is ready.")
            )
            return redirect("reports:report_detail", slug=slug, report_id=report.pk)
    return _archive_page(request, access, form)


@login_required
def report_detail(request, slug, report_id):
    access, report = access_report(request.user, slug, report_id)
    return render(
        request,
        "reports/report_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "report": report,
            "failed_part": failed_part(report) if report.is_failed else None,
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@login_required
def report_download(request, slug, report_id):
    access, report = access_report(request.user, slug, report_id)
    if not report.is_done:
        raise Http404
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=access.programme,
        subject=_("Report %(name)s") % {"name": report.filename},
    )
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.filename,
        content_type="application/pdf",
    )


@login_required
@require_POST
def report_retry(request, slug, report_id):
    _access, report = access_report(request.user, slug, report_id)
    try:
        services.report_retry(report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("We are trying again."))
    return redirect("reports:report_detail", slug=slug, report_id=report.pk)


@login_required
@require_GET
def report_internal(request, slug):
    """The coordinators' internal version of the steering report, which names young members
    and says so on every page. Made at once for the period asked (the default period if none),
    never archived or sent; everybody but coordinators gets a 404."""
    access = access_reports(request.user, slug)
    require_manage(access)
    programme = access.programme
    if "period_start" in request.GET or "period_end" in request.GET:
        form = ReportRequestForm(request.GET)
        if not form.is_valid():
            return _archive_page(request, access, form)
        try:
            period = services.period_validate(
                start=form.cleaned_data["period_start"], end=form.cleaned_data["period_end"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return _archive_page(request, access, form)
    else:
        period = services.default_period(programme=programme)
    pdf = services.steering_report_pdf(
        programme=programme, period=period, language=translation.get_language(), internal=True
    )
    filename = f"internal-{programme.slug}-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.pdf"
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=programme,
        subject=_("Report %(name)s") % {"name": filename},
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@login_required
def report_schedule(request, slug):
    access = access_reports(request.user, slug)
    require_manage(access)
    schedule = services.schedule_for(access.programme)
    form = ReportScheduleForm(
        request.POST or None,
        initial={
            "is_active": schedule.is_active,
            "days_before": schedule.days_before,
            "attach_pdf": schedule.attach_pdf,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_schedule_save(programme=access.programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The schedule is saved."))
            return redirect("reports:report_archive", slug=slug)
    return render(
        request,
        "reports/report_schedule.html",
        {"access": access, "programme": access.programme, "form": form},
    )


urlpatterns = [
    path("p/<slug:slug>/reports/", report_archive, name="report_archive"),
    path("p/<slug:slug>/reports/new/", report_create, name="report_create"),
    path("p/<slug:slug>/reports/schedule/", report_schedule, name="report_schedule"),
    path("p/<slug:slug>/reports/internal/", report_internal, name="report_internal"),
    path("p/<slug:slug>/reports/<int:report_id>/", report_detail, name="report_detail"),
    path(
        "p/<slug:slug>/reports/<int:report_id>/download/",
        report_download,
        name="report_download",
    ),
    path("p/<slug:slug>/reports/<int:report_id>/retry/", report_retry, name="report_retry"),
]
