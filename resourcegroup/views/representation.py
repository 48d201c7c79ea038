"""Representation: how well the municipalities, ages and offices are represented (counts)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from participation.access import access_programme

from .. import access as rules
from ..selectors.representation import SMALLEST_SHOWN, representation


@login_required
@require_safe
def representation_page(request, slug):
    access = access_programme(request.user, slug)
    rules.require_representation(access)
    return render(
        request,
        "resourcegroup/representation.html",
        {
            "access": access,
            "programme": access.programme,
            "representation": representation(programme=access.programme),
            "smallest_shown": SMALLEST_SHOWN,
        },
    )


urlpatterns = [
    path(
        "p/<slug:slug>/representation/",
        representation_page,
        name="representation",
    ),
]
