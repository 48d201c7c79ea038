"""Results for coordinators, the steering group and advisors; the CSV export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from participation.access import access_programme, require_manage
from participation.forms import add_service_errors
from participation.models import AuditEvent
from participation.services.audit import audit_event
from participation.spreadsheets import csv_response

from .. import access as rules
from .. import services
from ..forms import ChecklistLinkForm
from ..selectors import (
    access_survey,
    can_see_results,
    check_in_overview,
    figures_export_rows,
    response_export_rows,
    result_office_ids,
    results_context,
)
from ..selectors.comparison import checklist_comparison, linkable_items


def _round_id(request) -> int | None:
    value = request.GET.get("round", "")
    return int(value) if value.isdigit() else None


@login_required
def survey_results_page(request, slug, survey_id):
    access, survey = access_survey(request.user, slug, survey_id)
    if not can_see_results(access, survey):
        raise Http404
    context = results_context(access=access, survey=survey, round_id=_round_id(request))
    return render(request, "surveys/results.html", context)


@login_required
def survey_export(request, slug, survey_id):
    """The figures as the results page shows them; for coordinators who ask (?all=1), one row
    per response with the time made coarse (surveys.selectors.exports)."""
    access, survey = access_survey(request.user, slug, survey_id)
    if not rules.can_export(access, survey):
        raise Http404
    by_response = rules.can_export_each_response(access) and request.GET.get("all") == "1"
    kind = "responses" if by_response else "figures"
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.EXPORTED,
        programme=access.programme,
        subject=_("Survey answers: %(title)s") % {"title": survey.title},
        detail=kind,
    )
    if by_response:
        rows = response_export_rows(survey=survey)
    else:
        rows = figures_export_rows(survey=survey)
    header = next(rows)
    return csv_response(filename=f"{survey.slug}-{kind}.csv", header=header, rows=rows)


@login_required
def check_in_results(request, slug):
    """The coordinator's view of the meeting check-ins: aggregates over five or more only."""
    access = access_programme(request.user, slug)
    require_manage(access)
    rows = check_in_overview(access=access, total_label=_("All these meetings"))
    return render(
        request,
        "surveys/check_in_results.html",
        {"access": access, "programme": access.programme, "rows": rows},
    )


@login_required
def checklist_comparison_page(request, slug, survey_id):
    """Checklist ticks beside young people's agreement, per office and round."""
    access, survey = access_survey(request.user, slug, survey_id)
    if not can_see_results(access, survey):
        raise Http404
    items = linkable_items(survey=survey)
    form = None
    if rules.can_manage_surveys(access):
        form = ChecklistLinkForm(request.POST or None, survey=survey, items=items)
        if request.method == "POST" and form.is_valid():
            try:
                services.question_link_checklist_item(
                    question=form.cleaned_data["question"], item=form.cleaned_data["item"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The question is linked to the checklist point."))
                return redirect("surveys:checklist_comparison", slug=slug, survey_id=survey.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "surveys/checklist_comparison.html",
        {
            "access": access,
            "programme": access.programme,
            "survey": survey,
            "comparisons": checklist_comparison(
                survey=survey, office_ids=result_office_ids(access)
            ),
            "form": form,
        },
    )
