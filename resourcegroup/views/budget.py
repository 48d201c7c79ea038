"""The budget page (coordinators keep it, the steering group reads it), its other costs, and
the setup page where the coordinator creates and changes the budget lines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as rules
from ..forms.budget import BudgetLineForm, OtherCostForm
from ..models import BudgetLine, OtherCost
from ..selectors.budget import budget_lines as lines_of
from ..selectors.budget import budget_status
from ..services import budget as service


@login_required
def budget(request, slug):
    """Each line's amount, used, committed and left; coordinators add other costs here."""
    access = access_programme(request.user, slug)
    rules.require_budget(access)
    can_edit = rules.can_manage(access)
    if request.method == "POST" and not can_edit:
        raise Http404
    form = None
    if can_edit:
        form = OtherCostForm(
            request.POST or None,
            programme=access.programme,
            initial={"date": timezone.localdate()},
        )
    if request.method == "POST" and form.is_valid():
        try:
            service.other_cost_add(programme=access.programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The cost is recorded."))
            return redirect("resourcegroup:budget", slug=slug)
    return render(
        request,
        "resourcegroup/budget/budget.html",
        {
            "access": access,
            "programme": access.programme,
            "status": budget_status(programme=access.programme, today=timezone.localdate()),
            "form": form,
            "can_edit": can_edit,
        },
    )


@login_required
def budget_lines(request, slug):
    """The setup page: the programme's lines, and a form to add one."""
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    return _line_form(request, access, line=None)


@login_required
def budget_line_edit(request, slug, line_id):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    line = get_object_or_404(BudgetLine, programme=access.programme, pk=line_id)
    return _line_form(request, access, line=line)


def _line_form(request, access, *, line):
    initial = {"kind": line.kind, "name": line.name, "amount": line.amount} if line else None
    form = BudgetLineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service.budget_line_save(programme=access.programme, line=line, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The budget line is saved."))
            return redirect("resourcegroup:budget_lines", slug=access.programme.slug)
    return render(
        request,
        "resourcegroup/budget/lines.html",
        {
            "access": access,
            "programme": access.programme,
            "lines": lines_of(programme=access.programme),
            "line": line,
            "form": form,
        },
    )


@login_required
def other_cost_delete(request, slug, cost_id):
    """A check step, then the cost recorded by mistake is removed."""
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    cost = get_object_or_404(
        OtherCost.objects.select_related("line"), programme=access.programme, pk=cost_id
    )
    if request.method == "POST":
        service.other_cost_delete(programme=access.programme, cost=cost)
        messages.success(request, _("The cost is removed."))
        return redirect("resourcegroup:budget", slug=slug)
    return render(
        request,
        "resourcegroup/budget/cost_delete.html",
        {"access": access, "programme": access.programme, "cost": cost},
    )


BASE = "p/<slug:slug>/resource-group/budget/"
urlpatterns = [
    path(BASE, budget, name="budget"),
    path(BASE + "lines/", budget_lines, name="budget_lines"),
    path(BASE + "lines/<int:line_id>/", budget_line_edit, name="budget_line_edit"),
    path(BASE + "costs/<int:cost_id>/remove/", other_cost_delete, name="other_cost_delete"),
]
