"""Reading a checklist and its versions; coordinators write, revise, publish and retire."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed, keep_typed, kept_typed

from .. import access as rules
from .. import selectors, services
from ..forms import ItemForm, TemplateCreateForm, TemplateUpdateForm, VersionForm
from ..models import ChecklistItem


@login_required
def template_detail(request, slug, template_id):
    """The checklist as advisors use it now, and every version with what changed."""
    access, template = rules.access_template(request.user, slug, template_id)
    versions = selectors.template_versions(
        template=template, include_drafts=rules.can_manage_checklists(access)
    )
    current = next((v for v in versions if v.is_current), None)
    return render(
        request,
        "checklists/template_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "co_authors": template.co_authors.order_by("display_name"),
            "versions": versions,
            "current": current,
            "draft": next((v for v in versions if v.is_draft), None),
            "can_record": bool(rules.recording_office_ids(access)),
            "can_see_figures": rules.can_see_figures(access),
        },
    )


def _version(access, template, number):
    versions = template.versions.all()
    if not rules.can_manage_checklists(access):
        versions = versions.filter(published_at__isnull=False)
    return get_object_or_404(versions, number=number)


@login_required
def version_detail(request, slug, template_id, number):
    """One version's text and change log; drafts only for coordinators."""
    access, template = rules.access_template(request.user, slug, template_id)
    version = _version(access, template, number)
    return render(
        request,
        "checklists/version_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "version": version,
            "items": version.items.order_by("order", "pk"),
        },
    )


@login_required
def template_create(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    form = TemplateCreateForm(request.POST or None, programme=access.programme)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.template_create(programme=access.programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The checklist is created. Now write its points."))
            return redirect(
                "checklists:version_update", slug=slug, template_id=template.pk, number=1
            )
    return render(
        request,
        "checklists/template_form.html",
        {"access": access, "programme": access.programme, "form": form},
    )


@login_required
def template_update(request, slug, template_id):
    access, template = rules.access_template_to_manage(request.user, slug, template_id)
    form = TemplateUpdateForm(
        request.POST or None,
        programme=access.programme,
        initial={"title": template.title, "co_authors": list(template.co_authors.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.template_update(template=template, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The checklist is saved."))
            return redirect("checklists:template_detail", slug=slug, template_id=template.pk)
    return render(
        request,
        "checklists/template_form.html",
        {"access": access, "programme": access.programme, "form": form, "template": template},
    )


def _draft(request, slug, template_id, number):
    access, template = rules.access_template_to_manage(request.user, slug, template_id)
    version = get_object_or_404(template.versions, number=number, published_at__isnull=True)
    return access, template, version


@login_required
def version_update(request, slug, template_id, number):
    """A draft: its introduction, change log and points, and the button to publish it."""
    access, template, version = _draft(request, slug, template_id, number)
    kept = kept_typed(request, page=_version_text_page(version))
    form = VersionForm(
        request.POST or None,
        initial=kept or {"introduction": version.introduction, "change_log": version.change_log},
    )
    form.is_kept = kept is not None
    if request.method == "POST" and form.is_valid():
        try:
            services.version_update(version=version, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_version_text_page(version))
            messages.success(request, _("The draft is saved."))
            return redirect(
                "checklists:version_update", slug=slug, template_id=template.pk, number=number
            )
    return render(
        request,
        "checklists/version_form.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "version": version,
            "items": version.items.order_by("order", "pk"),
            "form": form,
            "item_form": ItemForm(with_order=False),
        },
    )


def _version_text_page(version) -> str:
    return f"checklist_version:{version.pk}:text"


def _keep_version_text(request, version) -> bool:
    """The page's Remove and Publish buttons post the introduction and change log too
    (HTML's form attribute): keep them when they differ from the saved draft, shown again
    on the page. True when unsaved text is kept."""
    posted = {name: request.POST.get(name) for name in VersionForm.base_fields}
    if None in posted.values():
        return False  # posted from elsewhere: it says nothing about the form
    saved = {"introduction": version.introduction, "change_log": version.change_log}
    if all(_same_text(posted[name], saved[name]) for name in saved):
        forget_typed(request, page=_version_text_page(version))
        return False
    keep_typed(
        request,
        page=_version_text_page(version),
        fields=VersionForm.base_fields,
        text_fields=VersionForm.base_fields,
    )
    return kept_typed(request, page=_version_text_page(version)) is not None


def _same_text(typed: str, saved: str) -> bool:
    return typed.replace("\r\n", "\n").strip() == saved.replace("\r\n", "\n").strip()


@login_required
def item_create(request, slug, template_id, number):
    access, template, version = _draft(request, slug, template_id, number)
    form = ItemForm(request.POST or None, with_order=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_create(version=version, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The point is added."))
            return redirect(
                "checklists:version_update", slug=slug, template_id=template.pk, number=number
            )
    return render(
        request,
        "checklists/item_form.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "version": version,
            "form": form,
        },
    )


@login_required
def item_update(request, slug, template_id, number, item_id):
    access, template, version = _draft(request, slug, template_id, number)
    item = get_object_or_404(ChecklistItem, pk=item_id, version=version)
    form = ItemForm(
        request.POST or None,
        initial={
            "text": item.text,
            "help_text": item.help_text,
            "category": item.category,
            "order": item.order,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The point is saved."))
            return redirect(
                "checklists:version_update", slug=slug, template_id=template.pk, number=number
            )
    return render(
        request,
        "checklists/item_form.html",
        {
            "access": access,
            "programme": access.programme,
            "template": template,
            "version": version,
            "item": item,
            "form": form,
        },
    )


@login_required
@require_POST
def item_delete(request, slug, template_id, number, item_id):
    access, template, version = _draft(request, slug, template_id, number)
    item = get_object_or_404(ChecklistItem, pk=item_id, version=version)
    _keep_version_text(request, version)
    services.item_delete(item=item)
    messages.success(request, _("The point is removed."))
    return redirect("checklists:version_update", slug=slug, template_id=template.pk, number=number)


@login_required
@require_POST
def version_revise(request, slug, template_id):
    access, template = rules.access_template_to_manage(request.user, slug, template_id)
    try:
        draft = services.version_revise(template=template)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("checklists:template_detail", slug=slug, template_id=template.pk)
    messages.success(
        request,
        _(
            "Version %(number)d is a draft copy. Advisors keep using the current version until "
            "you publish it."
        )
        % {"number": draft.number},
    )
    return redirect(
        "checklists:version_update", slug=slug, template_id=template.pk, number=draft.number
    )


@login_required
@require_POST
def version_publish(request, slug, template_id, number):
    access, template, version = _draft(request, slug, template_id, number)
    if _keep_version_text(request, version):
        messages.error(
            request,
            _(
                "You have changed the introduction or the change log without saving. Save the "
                "draft, or undo the changes, before you publish it."
            ),
        )
        return redirect(
            "checklists:version_update", slug=slug, template_id=template.pk, number=number
        )
    try:
        services.version_publish(version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            "checklists:version_update", slug=slug, template_id=template.pk, number=number
        )
    messages.success(
        request,
        _("Version %(number)d is published. Advisors record with it from now on.")
        % {"number": version.number},
    )
    return redirect("checklists:template_detail", slug=slug, template_id=template.pk)


@login_required
@require_POST
def template_retire(request, slug, template_id):
    access, template = rules.access_template_to_manage(request.user, slug, template_id)
    if template.status == template.Status.DRAFT:
        raise Http404
    services.template_retire(template=template)
    messages.success(request, _("The checklist is retired. Its records and figures are kept."))
    return redirect("checklists:template_detail", slug=slug, template_id=template.pk)


_base = "p/<slug:slug>/checklist/<int:template_id>/"
urlpatterns = [
    path("p/<slug:slug>/checklist/new/", template_create, name="template_create"),
    path(_base, template_detail, name="template_detail"),
    path(_base + "edit/", template_update, name="template_update"),
    path(_base + "revise/", version_revise, name="version_revise"),
    path(_base + "retire/", template_retire, name="template_retire"),
    path(_base + "v<int:number>/", version_detail, name="version_detail"),
    path(_base + "v<int:number>/edit/", version_update, name="version_update"),
    path(_base + "v<int:number>/publish/", version_publish, name="version_publish"),
    path(_base + "v<int:number>/points/new/", item_create, name="item_create"),
    path(_base + "v<int:number>/points/<int:item_id>/edit/", item_update, name="item_update"),
    path(_base + "v<int:number>/points/<int:item_id>/delete/", item_delete, name="item_delete"),
]
