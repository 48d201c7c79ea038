"""Programme goals: the page the programme's staff read (baseline, latest value, trend and
target of each goal), and the coordinators' pages to add, change, archive and restore them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.forms import add_service_errors

from .. import goal_services
from ..access import access_goal, access_goals, can_change_goals, require_manage
from ..goal_forms import GoalForm, initial_for
from ..goals import archived_goals, baseline_warnings, goal_progress, progress_chart


@login_required
def goal_list(request, slug):
    access = access_goals(request.user, slug)
    today = timezone.localdate()
    progress = goal_progress(access.programme, today=today)
    can_change = can_change_goals(access)
    archived = archived_goals(programme=access.programme) if can_change else []
    return render(
        request,
        "reports/goals/goal_list.html",
        {
            "access": access,
            "programme": access.programme,
            "today": today,
            "goals": [(each, progress_chart(each)) for each in progress],
            "archived": archived,
            "can_change": can_change,
        },
    )


def _form_page(request, access, form, *, goal=None, warnings=()):
    return render(
        request,
        "reports/goals/goal_form.html",
        {
            "access": access,
            "programme": access.programme,
            "form": form,
            "goal": goal,
            "warnings": warnings,
        },
    )


def _save(request, access, form, goal=None):
    """Save a valid form, unless the baseline rule is broken and the coordinator has not
    chosen to save anyway: then the form comes back, values kept, with the warning."""
    values = form.cleaned_data
    preview = goal_services.goal_preview(programme=access.programme, goal=goal, **values)
    warnings = baseline_warnings(preview)
    if warnings and "save_anyway" not in request.POST:
        return _form_page(request, access, form, goal=goal, warnings=warnings)
    try:
        if goal is None:
            goal_services.goal_create(programme=access.programme, **values)
        else:
            goal_services.goal_update(goal=goal, **values)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, access, form, goal=goal, warnings=warnings)
    messages.success(request, _("The goal is saved."))
    return redirect("reports:goal_list", slug=access.programme.slug)


@login_required
def goal_create(request, slug):
    access = access_goals(request.user, slug)
    require_manage(access)
    form = GoalForm(request.POST or None, programme=access.programme)
    if request.method == "POST" and form.is_valid():
        return _save(request, access, form)
    return _form_page(request, access, form)


@login_required
def goal_edit(request, slug, goal_id):
    access, goal = access_goal(request.user, slug, goal_id)
    form = GoalForm(request.POST or None, programme=access.programme, initial=initial_for(goal))
    if request.method == "POST" and form.is_valid():
        return _save(request, access, form, goal)
    return _form_page(request, access, form, goal=goal, warnings=baseline_warnings(goal))


@login_required
@require_POST
def goal_archive(request, slug, goal_id):
    _access, goal = access_goal(request.user, slug, goal_id)
    goal_services.goal_archive(goal=goal)
    messages.success(
        request, _("The goal is archived. You can put it back from the list of archived goals.")
    )
    return redirect("reports:goal_list", slug=slug)


@login_required
@require_POST
def goal_restore(request, slug, goal_id):
    _access, goal = access_goal(request.user, slug, goal_id)
    goal_services.goal_restore(goal=goal)
    messages.success(request, _("The goal is back on the goals page."))
    return redirect("reports:goal_list", slug=slug)


urlpatterns = [
    path("p/<slug:slug>/reports/goals/", goal_list, name="goal_list"),
    path("p/<slug:slug>/reports/goals/new/", goal_create, name="goal_create"),
    path("p/<slug:slug>/reports/goals/<int:goal_id>/edit/", goal_edit, name="goal_edit"),
    path("p/<slug:slug>/reports/goals/<int:goal_id>/archive/", goal_archive, name="goal_archive"),
    path("p/<slug:slug>/reports/goals/<int:goal_id>/restore/", goal_restore, name="goal_restore"),
]
