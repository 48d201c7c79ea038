"""Inputs (innspill): "you said — we did". Every input followed until NAV has answered it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import (
    access_input,
    access_programme,
    inputs_visible_to,
    require_answer,
    require_manage,
)
from ..forms import add_service_errors
from ..forms.inputs import (
    InputAssignForm,
    InputCreateForm,
    InputFeedbackForm,
    InputFilterForm,
    InputStatusForm,
)
from ..forms.kept import forget_typed, keep_typed, kept_typed
from ..selectors import input_list as select_input_list
from ..selectors import input_stats, inputs_for_member
from ..selectors.inputs import input_owner_overview, inputs_owed_by, inputs_recently_answered


@login_required
def input_list(request, slug):
    access = access_programme(request.user, slug)
    filter_form = InputFilterForm(request.GET or None)
    filters = filter_form.filters()
    context = {
        "access": access,
        "programme": access.programme,
        "filter_form": filter_form,
        "filters": filters,
        "inputs": select_input_list(access=access, **filters),
        "stats": input_stats(inputs=inputs_visible_to(access)),
    }
    return render(request, "participation/inputs/input_list.html", context)


@login_required
def input_create(request, slug):
    access = access_programme(request.user, slug)
    require_manage(access)
    form = InputCreateForm(request.POST or None, programme=access.programme)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.input_create(
                programme=access.programme, raised_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The input “%(title)s” is registered. Feedback is due by %(date)s.")
                % {"title": item.title, "date": date_format(item.feedback_due_on, "DATE_FORMAT")},
            )
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return render(
        request,
        "participation/inputs/input_form.html",
        {"access": access, "programme": access.programme, "form": form},
    )


@login_required
def input_detail(request, slug, input_id):
    access, item = access_input(request.user, slug, input_id)
    return _render_detail(request, access, item)


@login_required
@require_POST
def input_status(request, slug, input_id):
    access, item = access_input(request.user, slug, input_id)
    require_answer(access, item)
    form = InputStatusForm(request.POST, input=item, prefix="status")
    if item.is_closed:
        # Answered by someone else meanwhile: say so, and keep what this person wrote.
        form.is_valid()
        form.add_error(
            None,
            _("This input is closed. Its steps cannot be changed.")
            + " "
            + _("What you wrote is kept below."),
        )
        return _render_detail(request, access, item, status_form=form)
    if form.is_valid():
        try:
            services.input_change_status(input=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            # The service may have changed the object before refusing; show what is stored.
            item.refresh_from_db()
        else:
            forget_typed(request, page=_answer_page(item))
            messages.success(
                request,
                _("The input is now: %(status)s.") % {"status": item.get_status_display()},
            )
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return _render_detail(request, access, item, status_form=form)


@login_required
@require_POST
def input_feedback(request, slug, input_id):
    access, item = access_input(request.user, slug, input_id)
    require_manage(access)
    form = InputFeedbackForm(request.POST, prefix="feedback")
    if form.is_valid():
        try:
            services.input_give_feedback(
                input=item, feedback=form.cleaned_data["feedback"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_answer_page(item))
            messages.success(request, _("The feedback is saved. The users can read it now."))
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return _render_detail(request, access, item, feedback_form=form)


@login_required
@require_POST
def input_assign(request, slug, input_id):
    access, item = access_input(request.user, slug, input_id)
    require_manage(access)
    _keep_answer(request, item)
    form = InputAssignForm(request.POST, programme=access.programme, prefix="assign")
    if form.is_valid():
        try:
            services.input_assign(
                input=item,
                office=form.cleaned_data["assigned_office"],
                group=form.cleaned_data["assigned_group"],
                person=form.cleaned_data["assigned_to"],
                due_on=form.cleaned_data["due_on"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved who follows the input up."))
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return _render_detail(request, access, item, assign_form=form)


@login_required
def inputs_for_members(request, slug):
    """ "What happened with what we said": one card per input, made for a phone."""
    access = access_programme(request.user, slug)
    inputs = inputs_for_member(access=access)
    return render(
        request,
        "participation/inputs/inputs_for_members.html",
        {"access": access, "programme": access.programme, "inputs": inputs},
    )


@login_required
def inputs_mine(request, slug):
    """ "Inputs I must answer": what the person owes, due first, made for a phone."""
    access = access_programme(request.user, slug)
    return render(
        request,
        "participation/inputs/inputs_mine.html",
        {
            "access": access,
            "programme": access.programme,
            "inputs": inputs_owed_by(access=access),
            "today": timezone.localdate(),
        },
    )


@login_required
def input_owners(request, slug):
    """Who owes what: every open input with its owners, due date and days overdue."""
    access = access_programme(request.user, slug)
    require_manage(access)
    return render(
        request,
        "participation/inputs/input_owners.html",
        {
            "access": access,
            "programme": access.programme,
            "rows": input_owner_overview(programme=access.programme, today=timezone.localdate()),
            "answered": inputs_recently_answered(programme=access.programme),
        },
    )


def _answer_page(item) -> str:
    return f"input:{item.pk}:answer"


def _keep_answer(request, item) -> None:
    """The "who follows it up" button posts the answer form too: keep the answer typed there."""
    if item.is_closed:
        keep_typed(
            request,
            page=_answer_page(item),
            fields=InputFeedbackForm.base_fields,
            text_fields=("feedback",),
            prefix="feedback",
        )
    else:
        keep_typed(
            request,
            page=_answer_page(item),
            fields=InputStatusForm.base_fields,
            text_fields=("feedback", "decline_reason", "note"),
            prefix="status",
        )


def _render_detail(request, access, item, **bound_forms):
    """The detail page; a form that was posted and refused is shown again as it was sent, and
    an answer typed before another button was pressed is shown again until it is saved."""
    context = {
        "access": access,
        "programme": access.programme,
        "input": item,
        "events": item.events.select_related("by"),
        "owner_changes": item.owner_changes.select_related(
            "by", "from_office", "from_group", "from_person", "to_office", "to_group", "to_person"
        ),
    }
    kept = kept_typed(request, page=_answer_page(item))
    context["can_answer"] = access.can_answer(item)
    posted = bound_forms.get("status_form")
    if context["can_answer"] and (posted is not None or not item.is_closed):
        context["status_form"] = (
            posted
            if posted is not None
            else InputStatusForm(input=item, initial=kept or {}, prefix="status")
        )
    if access.can_manage:
        forms = {
            "feedback_form": lambda: InputFeedbackForm(
                initial=kept if kept and item.is_closed else {"feedback": item.feedback},
                prefix="feedback",
            ),
            "assign_form": lambda: InputAssignForm(
                programme=access.programme,
                initial={
                    "assigned_office": item.assigned_office_id,
                    "assigned_group": item.assigned_group_id,
                    "assigned_to": item.assigned_to_id,
                    "due_on": item.feedback_due_on,
                },
                prefix="assign",
            ),
        }
        for name, blank_form in forms.items():
            posted = bound_forms.get(name)
            context[name] = posted if posted is not None else blank_form()
        # The assign fields and button belong to the answer form (HTML's form attribute), so
        # saving who follows it up posts the answer being typed as well, and it is kept.
        answer_form_id = "input-answer-form" if "status_form" in context else "input-feedback-form"
        for field in context["assign_form"].fields.values():
            field.widget.attrs["form"] = answer_form_id
        context["answer_form_id"] = answer_form_id
    context["answer_is_kept"] = kept is not None
    return render(request, "participation/inputs/input_detail.html", context)


urlpatterns = [
    path("p/<slug:slug>/inputs/", input_list, name="input_list"),
    path("p/<slug:slug>/inputs/new/", input_create, name="input_create"),
    path("p/<slug:slug>/inputs/<int:input_id>/", input_detail, name="input_detail"),
    path("p/<slug:slug>/inputs/<int:input_id>/status/", input_status, name="input_status"),
    path("p/<slug:slug>/inputs/<int:input_id>/feedback/", input_feedback, name="input_feedback"),
    path("p/<slug:slug>/inputs/<int:input_id>/assign/", input_assign, name="input_assign"),
    path("p/<slug:slug>/inputs/mine/", inputs_mine, name="inputs_mine"),
    path("p/<slug:slug>/inputs/owners/", input_owners, name="input_owners"),
    path("p/<slug:slug>/what-happened/", inputs_for_members, name="inputs_for_members"),
]
