"""PDF views for activity offers: the one-page list an advisor hands over, per municipality
and type."""

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone

from offers import selectors
from offers.access import access_offer
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


@login_required
def offer_poster_pdf(request, slug, offer_id):
    """An A5 poster to put up at the offer: a QR code to the anonymous judgement page."""
    access, offer = access_offer(request.user, slug, offer_id)
    judge_url = settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(
        "offers:judge", kwargs={"code": offer.public_code}
    )
    pdf = render_pdf(
        "reports/offers/poster.html",
        {
            "programme": access.programme,
            "offer": offer,
            "judge_url": judge_url,
            "qr_code": segno.make(judge_url, error="m").svg_data_uri(scale=6, border=2),
        },
        stylesheets=("offers/print.css",),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="offer-{offer.pk}-poster.pdf"'
    return response


urlpatterns = [
    path("p/<slug:slug>/offers/print.pdf", offer_list_pdf, name="offer_list_pdf"),
    path(
        "p/<slug:slug>/offers/<int:offer_id>/poster.pdf",
        offer_poster_pdf,
        name="offer_poster_pdf",
    ),
]
