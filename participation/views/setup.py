"""Setting up without the admin: the programme, its offices and its groups (coordinators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from .. import services
from ..access import access_group, access_programme, require_manage
from ..forms import GroupForm, OfficeCreateForm, OfficeEditForm, ProgrammeForm, add_service_errors
from ..models import AdvisorTimePlan
from ..selectors import setup_steps
from ..services.advisor_time import office_setup_save


def _coordinator_access(request, slug):
    access = access_programme(request.user, slug)
    require_manage(access)
    return access


@login_required
def setup_start(request, slug):
    """Getting started: each step of setting up, done or not, computed from the data."""
    access = _coordinator_access(request, slug)
    return render(
        request,
        "participation/setup/start.html",
        {
            "access": access,
            "programme": access.programme,
            "steps": setup_steps(programme=access.programme),
        },
    )


@login_required
def programme_edit(request, slug):
    access = _coordinator_access(request, slug)
    programme = access.programme
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_update(
                programme=programme, changed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect("setup_start", slug=programme.slug)
    return render(
        request,
        "participation/setup/programme_form.html",
        {
            "access": access,
            "programme": programme,
            "form": form,
            "versions": programme.mandate_versions.select_related("created_by"),
        },
    )


@login_required
def office_list(request, slug):
    """The programme's offices, and a form to add one."""
    access = _coordinator_access(request, slug)
    programme = access.programme
    form = OfficeCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            office = services.office_create(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(office)s has been added.") % {"office": office.name})
            return redirect("setup_offices", slug=programme.slug)
    return render(
        request,
        "participation/setup/offices.html",
        {
            "access": access,
            "programme": programme,
            "form": form,
            "offices": programme.offices.order_by("-is_active", "name"),
        },
    )


@login_required
def office_edit(request, slug, office_id):
    access = _coordinator_access(request, slug)
    office = access.programme.offices.filter(pk=office_id).first()
    if office is None:
        raise Http404
    plan = AdvisorTimePlan.objects.filter(programme=access.programme, office=office).first()
    form = OfficeEditForm(
        request.POST or None,
        instance=office,
        initial={"advisor_hours_per_month": plan.hours_per_month if plan else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            office_setup_save(programme=access.programme, office=office, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(office)s has been saved.") % {"office": office.name})
            return redirect("setup_offices", slug=slug)
    return render(
        request,
        "participation/setup/office_form.html",
        {"access": access, "programme": access.programme, "office": office, "form": form},
    )


@login_required
def group_setup_list(request, slug):
    access = _coordinator_access(request, slug)
    return render(
        request,
        "participation/setup/groups.html",
        {
            "access": access,
            "programme": access.programme,
            "groups": access.programme.groups.order_by("kind", "name"),
        },
    )


@login_required
def group_setup_create(request, slug):
    access = _coordinator_access(request, slug)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(
                programme=access.programme, changed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(group)s has been created.") % {"group": group.name})
            return redirect("setup_groups", slug=slug)
    return render(
        request,
        "participation/setup/group_form.html",
        {"access": access, "programme": access.programme, "form": form, "group": None},
    )


@login_required
def group_setup_edit(request, slug, group_id):
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(group=group, changed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(group)s has been saved.") % {"group": group.name})
            return redirect("setup_groups", slug=slug)
    return render(
        request,
        "participation/setup/group_form.html",
        {
            "access": access,
            "programme": access.programme,
            "form": form,
            "group": group,
            "versions": group.mandate_versions.select_related("created_by"),
        },
    )


urlpatterns = [
    path("p/<slug:slug>/setup/", setup_start, name="setup_start"),
    path("p/<slug:slug>/setup/programme/", programme_edit, name="setup_programme"),
    path("p/<slug:slug>/setup/offices/", office_list, name="setup_offices"),
    path("p/<slug:slug>/setup/offices/<int:office_id>/", office_edit, name="setup_office_edit"),
    path("p/<slug:slug>/setup/groups/", group_setup_list, name="setup_groups"),
    path("p/<slug:slug>/setup/groups/new/", group_setup_create, name="setup_group_create"),
    path("p/<slug:slug>/setup/groups/<int:group_id>/", group_setup_edit, name="setup_group_edit"),
]
