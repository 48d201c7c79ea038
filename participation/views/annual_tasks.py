"""Recurring yearly tasks of the annual plan: the coordinator defines them; the coordinator
or the person responsible marks each year's task done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import access_programme, can_mark_annual_task, require_manage
from ..forms import add_service_errors
from ..forms.annual_tasks import AnnualTaskForm
from ..selectors.annual_tasks import annual_task_owner_choices
from ..services.annual_tasks import annual_task_mark, annual_task_save
from .calendars import FIRST_PLAN_YEAR, LAST_PLAN_YEAR


def _task_form(request, access, task):
    """The task's form, and the redirect once it is saved (None while there is none)."""
    programme = access.programme
    form = AnnualTaskForm(
        request.POST or None,
        instance=task,
        owners=annual_task_owner_choices(programme=programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = annual_task_save(programme=programme, task=task, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(task)s” is saved.") % {"task": saved.title})
            return form, redirect("annual_tasks", slug=programme.slug)
    return form, None


@login_required
def annual_tasks(request, slug):
    """The programme's yearly tasks, and a form to add one (coordinators)."""
    access = access_programme(request.user, slug)
    require_manage(access)
    form, saved = _task_form(request, access, None)
    if saved:
        return saved
    return render(
        request,
        "participation/plan/annual_tasks.html",
        {
            "access": access,
            "programme": access.programme,
            "form": form,
            "tasks": access.programme.annual_tasks.select_related("owner").order_by(
                "-is_active", "month", "day", "title"
            ),
        },
    )


@login_required
def annual_task_edit(request, slug, task_id):
    access = access_programme(request.user, slug)
    require_manage(access)
    task = access.programme.annual_tasks.filter(pk=task_id).first()
    if task is None:
        raise Http404
    form, saved = _task_form(request, access, task)
    if saved:
        return saved
    return render(
        request,
        "participation/plan/annual_task_form.html",
        {"access": access, "programme": access.programme, "task": task, "form": form},
    )


@login_required
@require_POST
def annual_task_done(request, slug, task_id, year):
    """Done, or not done after all, for one year: the coordinator or the person responsible."""
    access = access_programme(request.user, slug)
    task = access.programme.annual_tasks.filter(pk=task_id).first()
    if task is None or not can_mark_annual_task(access, task):
        raise Http404
    if not FIRST_PLAN_YEAR <= year <= LAST_PLAN_YEAR:
        raise Http404
    is_done = annual_task_mark(
        task=task, year=year, is_done=request.POST.get("done") == "1", by=request.user
    )
    if is_done:
        messages.success(request, _("“%(task)s” is marked as done.") % {"task": task.title})
    else:
        messages.success(request, _("“%(task)s” is marked as not done.") % {"task": task.title})
    return redirect("annual_plan_year", slug=slug, year=year)


urlpatterns = [
    path("p/<slug:slug>/plan/tasks/", annual_tasks, name="annual_tasks"),
    path("p/<slug:slug>/plan/tasks/<int:task_id>/", annual_task_edit, name="annual_task_edit"),
    path(
        "p/<slug:slug>/plan/tasks/<int:task_id>/<int:year>/done/",
        annual_task_done,
        name="annual_task_done",
    ),
]
