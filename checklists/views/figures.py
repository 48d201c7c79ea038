"""Adoption figures: where the checklist lives and where it does not, and what is skipped."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import formats
from django.utils.translation import gettext as _

from participation.models import AuditEvent
from participation.services.audit import audit_event
from participation.spreadsheets import csv_response

from .. import access as rules
from .. import selectors
from ..charts import bar_chart
from ..exports import points_table, uses_table
from ..forms import PeriodForm


def _figures(request, slug, template_id):
    access, template = rules.access_template(request.user, slug, template_id)
    if not rules.can_see_figures(access):
        raise Http404
    start, end = selectors.default_period()
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    figures = selectors.adoption(
        template=template, offices=rules.figure_offices(access), start=start, end=end
    )
    return access, template, form, figures


def _charts(figures: selectors.Adoption) -> dict:
    period = {
        "start": formats.date_format(figures.start, "DATE_FORMAT"),
        "end": formats.date_format(figures.end, "DATE_FORMAT"),
    }
    month_rows = []
    for month, _counts, total, published in figures.month_rows:
        label = formats.date_format(month, "YEAR_MONTH_FORMAT")
        if published:
            label += " – " + _("version %(numbers)s published") % {
                "numbers": ", ".join(str(n) for n in published)
            }
        month_rows.append((label, total, str(total)))
    skipped = figures.points_most_skipped_first
    return {
        "offices": bar_chart(
            chart_id="chart-offices",
            title=_("First meetings recorded per office"),
            description=_("From %(start)s to %(end)s. The figures are in the table below.")
            % period,
            rows=[(row.office.name, row.uses, str(row.uses)) for row in figures.offices],
        ),
        "months": bar_chart(
            chart_id="chart-months",
            title=_("First meetings recorded per month"),
            description=_(
                "All offices shown, from %(start)s to %(end)s. The figures are in the table below."
            )
            % period,
            rows=month_rows,
        ),
        "points": bar_chart(
            chart_id="chart-points",
            title=_("Share of first meetings where each point was covered"),
            description=_(
                "The most often skipped point first. The figures are in the table below."
            ),
            rows=[(point.text, point.share, f"{point.share} %") for point in skipped],
            max_value=100,
        ),
    }


@login_required
def figures(request, slug, template_id):
    access, template, form, adoption = _figures(request, slug, template_id)
    return render(
        request,
        "checklists/figures.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "form": form,
            "figures": adoption,
            "charts": _charts(adoption),
            "query": request.GET.urlencode(),
        },
    )


def _download(request, access, template, adoption, *, table, name: str):
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.EXPORTED,
        programme=access.programme,
        subject=_("Checklist figures: %(name)s") % {"name": template.title},
        detail=f"{name} {adoption.start} – {adoption.end}",
    )
    header, rows = table(adoption)
    return csv_response(
        filename=f"checklist-{template.pk}-{name}-{adoption.start}.csv", header=header, rows=rows
    )


@login_required
def figures_uses_csv(request, slug, template_id):
    access, template, _form, adoption = _figures(request, slug, template_id)
    return _download(request, access, template, adoption, table=uses_table, name="first-meetings")


@login_required
def figures_points_csv(request, slug, template_id):
    access, template, _form, adoption = _figures(request, slug, template_id)
    return _download(request, access, template, adoption, table=points_table, name="points")


_base = "p/<slug:slug>/checklist/<int:template_id>/figures/"
urlpatterns = [
    path(_base, figures, name="figures"),
    path(_base + "first-meetings.csv", figures_uses_csv, name="figures_uses_csv"),
    path(_base + "points.csv", figures_points_csv, name="figures_points_csv"),
]
