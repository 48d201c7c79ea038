"""Recruitment: postings and the pipeline for the coordinator, and the public phone form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.flood import FloodLimit, flood_exceeded, flood_refused
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed, keep_typed, kept_typed

from .. import access as rules
from ..forms.recruitment import (
    ApplicationForm,
    InviteForm,
    MoveForm,
    NoteForm,
    PostingForm,
    posting_initial,
)
from ..models import Application
from ..selectors.recruitment import (
    application_for,
    eligibility,
    municipalities,
    pipeline,
    posting_for,
    postings_for,
    public_posting,
)
from ..services import recruitment as service


@login_required
def posting_list(request, slug):
    access = access_programme(request.user, slug)
    return render(
        request,
        "resourcegroup/recruitment/posting_list.html",
        {"access": access, "programme": access.programme, "postings": postings_for(access=access)},
    )


@login_required
def posting_edit(request, slug, posting_id=None):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    posting = posting_for(access=access, posting_id=posting_id) if posting_id else None
    initial = posting_initial(posting) if posting else {"target_age_min": 18, "target_age_max": 29}
    form = PostingForm(request.POST or None, programme=access.programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = service.posting_save(
                programme=access.programme, posting=posting, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The posting is saved."))
            return redirect("resourcegroup:posting_detail", slug=slug, posting_id=saved.pk)
    return render(
        request,
        "resourcegroup/recruitment/posting_form.html",
        {"access": access, "programme": access.programme, "form": form, "posting": posting},
    )


@login_required
def posting_detail(request, slug, posting_id):
    access = access_programme(request.user, slug)
    posting = posting_for(access=access, posting_id=posting_id)
    rows, counts = pipeline(posting=posting)
    return render(
        request,
        "resourcegroup/recruitment/posting_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "posting": posting,
            "rows": rows,
            "counts": [
                (label, counts.get(status, 0)) for status, label in Application.Status.choices
            ],
            "public_url": request.build_absolute_uri(
                reverse("resourcegroup:apply", kwargs={"posting_slug": posting.slug})
            ),
        },
    )


@login_required
def application_new(request, slug, posting_id):
    """The coordinator enters an application that came by email, phone or on paper."""
    access = access_programme(request.user, slug)
    posting = posting_for(access=access, posting_id=posting_id)
    form = ApplicationForm(request.POST or None, municipalities=municipalities(access.programme))
    if request.method == "POST" and form.is_valid():
        try:
            application = service.application_submit(
                posting=posting,
                source=Application.Source.COORDINATOR,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The application is registered."))
            return redirect(
                "resourcegroup:application_detail", slug=slug, application_id=application.pk
            )
    return render(
        request,
        "resourcegroup/recruitment/application_new.html",
        {"access": access, "programme": access.programme, "posting": posting, "form": form},
    )


def _move_page(application) -> str:
    return f"application:{application.pk}:move"


def _note_page(application) -> str:
    return f"application:{application.pk}:note"


def _invite_page(application) -> str:
    return f"application:{application.pk}:invite"


def _keep_the_other_notes(request, application, action) -> None:
    """Moving on, inviting and adding a note are one HTML form: whichever button is pressed,
    the notes and the address typed for the others are posted along and kept until those are
    saved."""
    if action != "move":
        keep_typed(
            request,
            page=_move_page(application),
            fields=MoveForm.base_fields,
            text_fields=("note", "interview_at"),
        )
    if action != "note":
        keep_typed(
            request,
            page=_note_page(application),
            fields=NoteForm.base_fields,
            text_fields=("note",),
            prefix=NOTE_PREFIX,
        )
    if action != "invite":
        keep_typed(
            request,
            page=_invite_page(application),
            fields=InviteForm.base_fields,
            text_fields=("email",),
        )


def _form_with_kept(request, form_class, *, page, **kwargs):
    kept = kept_typed(request, page=page)
    form = form_class(initial=kept, **kwargs)
    form.is_kept = kept is not None
    return form


NOTE_PREFIX = "note"


@login_required
def application_detail(request, slug, application_id):
    access = access_programme(request.user, slug)
    application = application_for(access=access, application_id=application_id)
    posting = application.posting
    action = request.POST.get("action") if request.method == "POST" else None
    if action:
        _keep_the_other_notes(request, application, action)
    move_form = _form_with_kept(
        request, MoveForm, page=_move_page(application), application=application
    )
    note_form = _form_with_kept(request, NoteForm, page=_note_page(application), prefix=NOTE_PREFIX)
    kept_invite = kept_typed(request, page=_invite_page(application))
    invite_form = InviteForm(initial=kept_invite or {"email": application.email})
    try:
        if action == "move":
            move_form = MoveForm(request.POST, application=application)
            if move_form.is_valid():
                service.application_move(
                    application=application, by=request.user, **move_form.cleaned_data
                )
                forget_typed(request, page=_move_page(application))
                messages.success(request, _("The application has moved on."))
                return redirect(request.path)
        elif action == "note":
            note_form = NoteForm(request.POST, prefix=NOTE_PREFIX)
            if note_form.is_valid():
                service.application_note(
                    application=application, by=request.user, **note_form.cleaned_data
                )
                forget_typed(request, page=_note_page(application))
                messages.success(request, _("The note is saved."))
                return redirect(request.path)
        elif action == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid():
                service.application_invite(
                    application=application, by=request.user, **invite_form.cleaned_data
                )
                forget_typed(request, page=_invite_page(application))
                messages.success(
                    request,
                    _("%(name)s is now a member of %(group)s, and the invitation is on its way.")
                    % {"name": application.name, "group": posting.group.name},
                )
                return redirect(request.path)
    except ValidationError as error:
        form = {"move": move_form, "note": note_form, "invite": invite_form}[action]
        add_service_errors(form, error)
    return render(
        request,
        "resourcegroup/recruitment/application_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "posting": posting,
            "application": application,
            "events": application.events.select_related("by"),
            "eligibility": eligibility(
                application, posting=posting, municipalities=municipalities(access.programme)
            ),
            "move_form": move_form,
            "note_form": note_form,
            "invite_form": invite_form,
        },
    )


# A person sends one application, perhaps after a few corrections; a script sends hundreds.
APPLY_FLOOD = FloodLimit(scope="apply", per_address=10, per_target=200, window_seconds=3600)


@login_required
def application_withdraw_consent(request, slug, application_id):
    """The check step, then the deed: the applicant (through the coordinator) withdraws the
    consent to store the application, and it is deleted at once."""
    access = access_programme(request.user, slug)
    application = application_for(access=access, application_id=application_id)
    posting = application.posting
    if request.method == "POST":
        service.application_withdraw_consent(application=application)
        messages.success(
            request,
            _("The consent is withdrawn and the application from %(name)s is deleted.")
            % {"name": application.name},
        )
        return redirect("resourcegroup:posting_detail", slug=slug, posting_id=posting.pk)
    return render(
        request,
        "resourcegroup/recruitment/application_withdraw_consent.html",
        {
            "access": access,
            "programme": access.programme,
            "posting": posting,
            "application": application,
        },
    )


def apply(request, posting_slug):
    """The public application form: no login, no JavaScript, made for a phone."""
    posting = public_posting(slug=posting_slug)
    if request.method == "POST" and flood_exceeded(
        request, limit=APPLY_FLOOD, target=f"posting:{posting.pk}"
    ):
        return flood_refused(request)
    form = ApplicationForm(request.POST or None, municipalities=municipalities(posting.programme))
    is_open = posting.is_open()
    if request.method == "POST" and is_open and form.is_valid():
        try:
            service.application_submit(posting=posting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("resourcegroup:apply_thanks", posting_slug=posting.slug)
    return render(
        request,
        "resourcegroup/recruitment/apply.html",
        {"posting": posting, "form": form, "is_open": is_open},
    )


def apply_thanks(request, posting_slug):
    posting = public_posting(slug=posting_slug)
    return render(request, "resourcegroup/recruitment/apply_thanks.html", {"posting": posting})


# The key is long and random; this only keeps a script from trying keys by the thousand.
WITHDRAW_FLOOD = FloodLimit(
    scope="apply-withdraw", per_address=20, per_target=10, window_seconds=3600
)


def apply_withdraw(request, key):
    """The applicant's own link from the receipt: a check step, then the application is
    deleted at once. No login: the random key in the link is the proof. GET never deletes
    (mail programs open links to scan them)."""
    if flood_exceeded(request, limit=WITHDRAW_FLOOD, target=key):
        return flood_refused(request)
    application = service.application_by_withdraw_key(key)
    if application is None:
        return render(request, "resourcegroup/recruitment/apply_withdraw_gone.html", status=404)
    if request.method == "POST":
        service.application_withdraw_consent(application=application)
        return render(request, "resourcegroup/recruitment/apply_withdrawn.html")
    return render(
        request,
        "resourcegroup/recruitment/apply_withdraw.html",
        {"application": application, "posting": application.posting},
    )


BASE = "p/<slug:slug>/resource-group/recruitment/"
urlpatterns = [
    path(BASE, posting_list, name="posting_list"),
    path(BASE + "new/", posting_edit, name="posting_new"),
    path(BASE + "<int:posting_id>/", posting_detail, name="posting_detail"),
    path(BASE + "<int:posting_id>/edit/", posting_edit, name="posting_edit"),
    path(BASE + "<int:posting_id>/applications/new/", application_new, name="application_new"),
    path(
        BASE + "applications/<int:application_id>/",
        application_detail,
        name="application_detail",
    ),
    path(
        BASE + "applications/<int:application_id>/withdraw-consent/",
        application_withdraw_consent,
        name="application_withdraw_consent",
    ),
    path("apply/withdraw/<str:key>/", apply_withdraw, name="apply_withdraw"),
    path("apply/<slug:posting_slug>/", apply, name="apply"),
    path("apply/<slug:posting_slug>/thanks/", apply_thanks, name="apply_thanks"),
]
