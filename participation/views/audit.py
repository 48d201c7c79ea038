"""The audit log of a programme: who viewed, exported or downloaded what, for coordinators."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..access import access_programme, require_manage
from ..models import AuditEvent
from ..selectors.audit import audit_events_for

PER_PAGE = 50


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What was done"),
        choices=[("", _("Everything"))] + AuditEvent.Action.choices,
        required=False,
    )


@login_required
def audit_log(request, slug):
    access = access_programme(request.user, slug)
    require_manage(access)
    form = AuditFilterForm(request.GET or None)
    action = form.cleaned_data["action"] if form.is_valid() else ""
    events = audit_events_for(programme=access.programme, action=action)
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/audit_log.html",
        {
            "access": access,
            "programme": access.programme,
            "form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )


urlpatterns = [path("p/<slug:slug>/audit/", audit_log, name="audit_log")]
