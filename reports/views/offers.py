"""PDF views for activity offers: the one-page list an advisor hands over, per municipality
and type."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from offers import selectors
from participation.access import access_programme

from ..pdf import render_pdf


@login_required
def offer_list_pdf(request, slug):
    """The running offers for ?municipality= and ?kind= (either may be left out)."""
    access = access_programme(request.user, slug)
    printed = selectors.printable_list(
        programme=access.programme,
        municipality=request.GET.get("municipality", ""),
        kind=request.GET.get("kind", ""),
    )
    pdf = render_pdf(
        "reports/offers/list.html",
        {"programme": access.programme, "printed": printed, "today": timezone.localdate()},
        stylesheets=("offers/print.css",),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="activity-offers.pdf"'
    return response


urlpatterns = [
    path("p/<slug:slug>/offers/print.pdf", offer_list_pdf, name="offer_list_pdf"),
]
