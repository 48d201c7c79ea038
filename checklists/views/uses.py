"""The advisor's pages: the checklist home, recording a first meeting, correcting a record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as rules
from .. import selectors, services
from ..forms import ChecklistUseForm


@login_required
def checklist_home(request, slug):
    """Where advisors record and see their own records; where others find the checklists."""
    access = access_programme(request.user, slug)
    if not rules.can_read_checklists(access):
        raise Http404
    own_office_ids = rules.recording_office_ids(access)
    recent = (
        selectors.recent_uses_of(programme=access.programme, advisor=request.user)
        if own_office_ids
        else []
    )
    for use in recent:
        use.is_correctable = services.use_is_correctable(use=use, by=request.user)
    return render(
        request,
        "checklists/home.html",
        {
            "access": access,
            "programme": access.programme,
            "can_record": bool(own_office_ids),
            "can_see_figures": rules.can_see_figures(access),
            "in_use": selectors.published_templates_with_current_version(
                programme=access.programme
            ),
            "templates": rules.templates_visible_to(access),
            "recent_uses": recent,
        },
    )


def _points_form(request, *, form_kwargs, instance_initial, version):
    """The recording form; the "All points covered" button ticks every point for the user."""
    if request.method != "POST":
        return ChecklistUseForm(initial=instance_initial, **form_kwargs)
    data = request.POST
    if "all_covered" in data:
        data = data.copy()
        data.setlist("items_covered", [str(item.pk) for item in version.items.all()])
    return ChecklistUseForm(data, **form_kwargs)


def _ticked_ids(form) -> set[str]:
    return {str(value) for value in (form["items_covered"].value() or [])}


@login_required
def use_record(request, slug, template_id):
    """Record a first meeting in a few taps: office and today's date come filled in."""
    access, template = rules.access_template(request.user, slug, template_id)
    own_office_ids = rules.recording_office_ids(access)
    if not own_office_ids:
        raise Http404
    version = selectors.current_version(template=template)
    if version is None or template.status != template.Status.PUBLISHED:
        messages.info(request, _("This checklist is not in use any more."))
        return redirect("checklists:home", slug=slug)
    form = _points_form(
        request,
        form_kwargs={
            "programme": access.programme,
            "version": version,
            "own_office_ids": own_office_ids,
        },
        instance_initial={"office": min(own_office_ids), "met_on": timezone.localdate()},
        version=version,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.use_record(
                version=version,
                advisor=request.user,
                office=form.cleaned_data["office"],
                met_on=form.cleaned_data["met_on"],
                items=form.cleaned_data["items_covered"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! The first meeting is recorded."))
            return redirect("checklists:home", slug=slug)
    return render(
        request,
        "checklists/use_form.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "version": version,
            "form": form,
            "ticked_ids": _ticked_ids(form),
            "single_office": len(own_office_ids) == 1,
        },
    )


@login_required
def use_update(request, slug, use_id):
    """Correct one of one's own records from the last 30 days; it keeps its version."""
    access, use = rules.access_use(request.user, slug, use_id)
    if not services.use_is_correctable(use=use, by=request.user):
        messages.info(request, _("Records older than 30 days can no longer be changed."))
        return redirect("checklists:home", slug=slug)
    own_office_ids = rules.recording_office_ids(access)
    form = _points_form(
        request,
        form_kwargs={
            "programme": access.programme,
            "version": use.version,
            "own_office_ids": own_office_ids,
        },
        instance_initial={
            "office": use.office_id,
            "met_on": use.met_on,
            "items_covered": list(use.items_covered.values_list("pk", flat=True)),
            "note": use.note,
        },
        version=use.version,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.use_update(
                use=use,
                by=request.user,
                office=form.cleaned_data["office"],
                met_on=form.cleaned_data["met_on"],
                items=form.cleaned_data["items_covered"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The record is corrected."))
            return redirect("checklists:home", slug=slug)
    return render(
        request,
        "checklists/use_form.html",
        {
            "access": access,
            "programme": access.programme,
            "template": use.version.template,
            "version": use.version,
            "use": use,
            "form": form,
            "ticked_ids": _ticked_ids(form),
            "single_office": len(own_office_ids) == 1,
        },
    )


urlpatterns = [
    path("p/<slug:slug>/checklist/", checklist_home, name="home"),
    path("p/<slug:slug>/checklist/<int:template_id>/record/", use_record, name="use_record"),
    path("p/<slug:slug>/checklist/uses/<int:use_id>/edit/", use_update, name="use_update"),
]
