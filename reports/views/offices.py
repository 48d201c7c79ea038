"""Each office's card in the app: the list of offices and one office's figures for a period.

Coordinators and the steering group open every office's card, an office's leader their own;
everybody else, and another programme's office, gets a 404.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from participation.forms import add_service_errors

from .. import services
from ..access import access_office_card, access_office_cards, office_cards_visible_to
from ..forms import ReportRequestForm
from ..offices import office_cards
from ..sections import Period


def _default_period(today: datetime.date) -> Period:
    """The last twelve months, today included."""
    return Period(start=today - relativedelta(years=1) + datetime.timedelta(days=1), end=today)


@login_required
@require_GET
def office_card_list(request, slug):
    access = access_office_cards(request.user, slug)
    return render(
        request,
        "reports/offices/list.html",
        {
            "access": access,
            "programme": access.programme,
            "offices": office_cards_visible_to(access),
        },
    )


@login_required
@require_GET
def office_card(request, slug, office_id):
    """One office's card for the period asked (the last twelve months if none)."""
    access, office = access_office_card(request.user, slug, office_id)
    now = timezone.now()
    period = _default_period(timezone.localdate(now))
    if "period_start" in request.GET or "period_end" in request.GET:
        form = ReportRequestForm(request.GET)
        if form.is_valid():
            try:
                period = services.period_validate(
                    start=form.cleaned_data["period_start"], end=form.cleaned_data["period_end"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
    else:
        form = ReportRequestForm(initial={"period_start": period.start, "period_end": period.end})
    (card,) = office_cards(programme=access.programme, period=period, now=now, offices=[office])
    return render(
        request,
        "reports/offices/card.html",
        {
            "access": access,
            "programme": access.programme,
            "office": office,
            "card": card,
            "period": period,
            "form": form,
        },
    )


urlpatterns = [
    path("p/<slug:slug>/reports/offices/", office_card_list, name="office_card_list"),
    path("p/<slug:slug>/reports/offices/<int:office_id>/", office_card, name="office_card"),
]
