"""The data register: what personal data Medvirk keeps, why and for how long (coordinators)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path

from ..access import access_programme, require_manage
from ..retention import RULES


@login_required
def data_register(request, slug):
    """The register, read from the same rules the daily retention task applies."""
    access = access_programme(request.user, slug)
    require_manage(access)
    return render(
        request,
        "participation/data_register.html",
        {"access": access, "programme": access.programme, "rules": RULES},
    )


urlpatterns = [path("p/<slug:slug>/data-register/", data_register, name="data_register")]
