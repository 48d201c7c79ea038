"""The resource group's front page: what each role can do here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path

from participation.access import access_programme

from .. import access as rules
from ..selectors.hours import budget_overview
from ..selectors.overview import coordinator_counts


@login_required
def index(request, slug):
    access = access_programme(request.user, slug)
    logs_hours = rules.has_hours(access=access, user=request.user)
    rules.require_index(access, logs_hours=logs_hours)
    context = {"access": access, "programme": access.programme, "logs_hours": logs_hours}
    if rules.can_manage(access):
        context["counts"] = coordinator_counts(programme=access.programme)
        context["budget"] = budget_overview(programme=access.programme)
    return render(request, "resourcegroup/index.html", context)


urlpatterns = [path("p/<slug:slug>/resource-group/", index, name="index")]
