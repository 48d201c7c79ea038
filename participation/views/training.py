"""Training modules: the coordinator writes them, records who did them and reads the table;
everyone reads the modules meant for them and sees their own standing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..access import (
    access_programme,
    access_training_module,
    can_mark_training_done,
    require_manage,
)
from ..forms import add_service_errors
from ..forms.training import TrainingModuleForm, TrainingRecordForm, TrainingSelfReportForm
from ..selectors.training import (
    modules_in_use,
    training_for_person,
    training_offices,
    training_record_choices,
    training_state,
    training_table,
)
from ..services.training import (
    training_completions_record,
    training_module_archive,
    training_module_delete,
    training_module_save,
    training_self_report,
)


def _office_filter(request, programme):
    """The office chosen in ?office=, among the programme's; None for all (or a bad value)."""
    offices = list(training_offices(programme=programme))
    wanted = request.GET.get("office", "")
    chosen = next((office for office in offices if str(office.pk) == wanted), None)
    return offices, chosen


@login_required
@require_safe
def training_overview(request, slug):
    """The coordinator's page: every module in use with who has done it, by office."""
    access = access_programme(request.user, slug)
    require_manage(access)
    programme = access.programme
    offices, office = _office_filter(request, programme)
    return render(
        request,
        "participation/training/overview.html",
        {
            "access": access,
            "programme": programme,
            "offices": offices,
            "office": office,
            "tables": training_table(
                programme=programme,
                today=timezone.localdate(),
                office_id=office.pk if office else None,
            ),
            "archived": programme.training_modules.filter(archived_at__isnull=False),
        },
    )


def _module_form(request, access, module):
    """The module's form, and the redirect once it is saved (None while there is none)."""
    form = TrainingModuleForm(request.POST or None, instance=module)
    if request.method == "POST" and form.is_valid():
        try:
            saved = training_module_save(
                programme=access.programme, module=module, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(module)s” is saved.") % {"module": saved.title})
            return form, redirect("training_module", slug=access.programme.slug, module_id=saved.pk)
    return form, None


@login_required
def training_module_create(request, slug):
    access = access_programme(request.user, slug)
    require_manage(access)
    form, saved = _module_form(request, access, None)
    return saved or render(
        request,
        "participation/training/module_form.html",
        {"access": access, "programme": access.programme, "form": form, "module": None},
    )


@login_required
def training_module_edit(request, slug, module_id):
    access, module = access_training_module(request.user, slug, module_id)
    require_manage(access)
    form, saved = _module_form(request, access, module)
    return saved or render(
        request,
        "participation/training/module_form.html",
        {"access": access, "programme": access.programme, "form": form, "module": module},
    )


def _module_page(request, access, module, form=None):
    today = timezone.localdate()
    done = module.completions.filter(person_id=request.user.pk).order_by("-completed_on").first()
    due_on, state = training_state(module, done.completed_on if done else None, today=today)
    can_report = can_mark_training_done(access, module)
    if can_report and form is None:
        form = TrainingSelfReportForm(initial={"completed_on": today})
    return render(
        request,
        "participation/training/module.html",
        {
            "access": access,
            "programme": access.programme,
            "module": module,
            "done": done,
            "due_on": due_on,
            "state": state,
            "form": form if can_report else None,
        },
    )


@login_required
@require_safe
def training_module(request, slug, module_id):
    """A module's material, and the reader's own standing with it."""
    access, module = access_training_module(request.user, slug, module_id)
    return _module_page(request, access, module)


@login_required
@require_POST
def training_module_done(request, slug, module_id):
    """ "I have done this", for a self-study module meant for the person; they are recorded as
    the one who recorded it."""
    access, module = access_training_module(request.user, slug, module_id)
    if not can_mark_training_done(access, module):
        raise Http404
    form = TrainingSelfReportForm(request.POST)
    if form.is_valid():
        try:
            training_self_report(
                module=module,
                person=request.user,
                completed_on=form.cleaned_data["completed_on"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(module)s” is marked as done.") % {"module": module})
            return redirect("training_mine", slug=slug)
    return _module_page(request, access, module, form=form)


@login_required
def training_module_remove(request, slug, module_id):
    """The check step: delete a module nobody has done, or archive one somebody has (or take
    an archived one back in use)."""
    access, module = access_training_module(request.user, slug, module_id)
    require_manage(access)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "restore":
        training_module_archive(module=module, is_archived=False)
        messages.success(request, _("“%(module)s” is in use again.") % {"module": module})
        return redirect("training_module", slug=slug, module_id=module.pk)
    if action == "archive":
        training_module_archive(module=module, is_archived=True)
        messages.success(request, _("“%(module)s” is archived.") % {"module": module})
        return redirect("training_overview", slug=slug)
    error = None
    if action == "delete":
        try:
            training_module_delete(module=module)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("“%(module)s” is deleted.") % {"module": module})
            return redirect("training_overview", slug=slug)
    return render(
        request,
        "participation/training/module_remove.html",
        {
            "access": access,
            "programme": access.programme,
            "module": module,
            "done_count": module.completions.count(),
            "error": error,
        },
    )


@login_required
def training_record(request, slug):
    """After a session: the module, the day, and the people who took part, ticked."""
    access = access_programme(request.user, slug)
    require_manage(access)
    programme = access.programme
    today = timezone.localdate()
    modules = modules_in_use(programme=programme)
    trainees = training_record_choices(programme=programme, today=today)
    initial = {"completed_on": today}
    wanted = request.GET.get("module", "")
    chosen = modules.filter(pk=int(wanted)).first() if wanted.isdigit() else None
    if chosen is not None:
        initial["module"] = chosen
    form = TrainingRecordForm(
        request.POST or None, initial=initial, modules=modules, trainees=trainees
    )
    if request.method == "POST" and form.is_valid():
        module = form.cleaned_data["module"]
        try:
            added = training_completions_record(
                module=module,
                people=list(form.cleaned_data["people"]),
                completed_on=form.cleaned_data["completed_on"],
                by=request.user,
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(module)s”: %(count)s recorded as done.") % {"module": module, "count": added},
            )
            return redirect("training_overview", slug=slug)
    return render(
        request,
        "participation/training/record.html",
        {"access": access, "programme": programme, "form": form},
    )


@login_required
@require_safe
def training_mine(request, slug):
    """The person's own modules: what they have done, when the refresher is due, what is left."""
    access = access_programme(request.user, slug)
    return render(
        request,
        "participation/training/mine.html",
        {
            "access": access,
            "programme": access.programme,
            "rows": training_for_person(
                programme=access.programme, person=request.user, today=timezone.localdate()
            ),
        },
    )


urlpatterns = [
    path("p/<slug:slug>/training/", training_overview, name="training_overview"),
    path("p/<slug:slug>/training/new/", training_module_create, name="training_module_create"),
    path("p/<slug:slug>/training/record/", training_record, name="training_record"),
    path("p/<slug:slug>/training/mine/", training_mine, name="training_mine"),
    path("p/<slug:slug>/training/<int:module_id>/", training_module, name="training_module"),
    path(
        "p/<slug:slug>/training/<int:module_id>/edit/",
        training_module_edit,
        name="training_module_edit",
    ),
    path(
        "p/<slug:slug>/training/<int:module_id>/done/",
        training_module_done,
        name="training_module_done",
    ),
    path(
        "p/<slug:slug>/training/<int:module_id>/remove/",
        training_module_remove,
        name="training_module_remove",
    ),
]
