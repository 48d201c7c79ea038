"""A person's rights in one action each, for the coordinator: everything Medvirk holds about
them as a ZIP, and erasure by anonymisation after a check step. Both are logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ..access import access_programme, require_manage
from ..models import AuditEvent, Membership, User
from ..personal_data import person_data, person_erase, person_export_zip
from ..services.audit import audit_event


def _person_of_programme(request, slug, person_id):
    access = access_programme(request.user, slug)
    require_manage(access)
    in_programme = Membership.objects.filter(
        person_id=person_id, group__programmes=access.programme
    ).exists()
    person = User.objects.filter(pk=person_id).first() if in_programme else None
    if person is None or person.is_staff:
        raise Http404
    return access, person


@login_required
def person_export(request, slug, person_id):
    """Everything about the person: everything.json and one CSV per table, in a ZIP."""
    access, person = _person_of_programme(request, slug, person_id)
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.EXPORTED,
        programme=access.programme,
        subject=_("Everything about person %(id)s") % {"id": person.pk},
        detail="zip",
    )
    response = HttpResponse(person_export_zip(person=person), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.zip"'
    return response


@login_required
def person_erase_view(request, slug, person_id):
    """The check step (what will go, what stays), then erasure by anonymisation."""
    access, person = _person_of_programme(request, slug, person_id)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        person_erase(person=person)
        audit_event(
            actor=request.user,
            action=AuditEvent.Action.DELETED,
            programme=access.programme,
            subject=_("Everything about person %(id)s") % {"id": person.pk},
            detail="anonymised",
        )
        messages.success(request, _("The person's data is erased. Attendance counts stay."))
        return redirect("programme_detail", slug=slug)
    tables = person_data(person=person)
    return render(
        request,
        "participation/person_erase.html",
        {
            "access": access,
            "programme": access.programme,
            "person": person,
            "counts": [(name, len(rows)) for name, rows in tables.items()],
            "not_confirmed": request.method == "POST",
        },
    )


urlpatterns = [
    path("p/<slug:slug>/people/<int:person_id>/export.zip", person_export, name="person_export"),
    path("p/<slug:slug>/people/<int:person_id>/erase/", person_erase_view, name="person_erase"),
]
