"""The resource group's front page: what each role can do here."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path

from participation.access import access_programme

from ..selectors.hours import budget_overview, has_hours
from ..selectors.overview import coordinator_counts


@login_required
def index(request, slug):
    access = access_programme(request.user, slug)
    logs_hours = has_hours(access=access, user=request.user)
    if not (access.can_manage or access.is_resource_group_member or logs_hours):
        raise Http404
    context = {"access": access, "programme": access.programme, "logs_hours": logs_hours}
    if access.can_manage:
        context["counts"] = coordinator_counts(programme=access.programme)
        context["budget"] = budget_overview(programme=access.programme)
    return render(request, "resourcegroup/index.html", context)


urlpatterns = [path("p/<slug:slug>/resource-group/", index, name="index")]
