"""Where a person lives (optional): set by the person on their profile or by a coordinator.
Only counts leave these pages (resourcegroup's representation page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from ..forms import MunicipalityForm, add_service_errors
from ..selectors.setup import municipality_choices
from ..services.people import person_municipality_set
from .personal import _person_of_programme


def _municipality_page(request, *, person, allowed, template, context, done, programme=None):
    form = MunicipalityForm(
        request.POST or None,
        municipalities=allowed,
        current=person.municipality,
        initial={"municipality": person.municipality},
    )
    if request.method == "POST" and form.is_valid():
        try:
            person_municipality_set(
                person=person,
                municipality=form.cleaned_data["municipality"],
                allowed=[*allowed, person.municipality],
                changed_by=request.user,
                programme=programme,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The home municipality is saved."))
            return done
    return render(request, template, {**context, "form": form, "person": person})


@login_required
def profile(request):
    """The person's own details that are not the login: where they live."""
    return _municipality_page(
        request,
        person=request.user,
        allowed=municipality_choices(people_of=request.user),
        template="participation/profile.html",
        context={},
        done=redirect("profile"),
    )


@login_required
def person_municipality(request, slug, person_id):
    """A coordinator records where a member lives, for example from the application."""
    access, person = _person_of_programme(request, slug, person_id)
    return _municipality_page(
        request,
        person=person,
        allowed=municipality_choices(programme=access.programme),
        template="participation/person_municipality.html",
        context={"access": access, "programme": access.programme},
        done=redirect("programme_detail", slug=slug),
        programme=access.programme,
    )


urlpatterns = [
    path("account/profile/", profile, name="profile"),
    path(
        "p/<slug:slug>/people/<int:person_id>/municipality/",
        person_municipality,
        name="person_municipality",
    ),
]
