"""PDF views for checklists: the printable A5 card for the advisor's desk."""

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import path, reverse

from checklists import selectors

from ..pdf import render_pdf


@login_required
def checklist_card(request, slug, template_id):
    """The version in use as an A5 card, with a QR code to the recording form."""
    access, template = selectors.access_template(request.user, slug, template_id)
    version = selectors.current_version(template=template)
    if version is None:
        raise Http404
    record_url = settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(
        "checklists:use_record", kwargs={"slug": slug, "template_id": template.pk}
    )
    pdf = render_pdf(
        "reports/checklists/card.html",
        {
            "programme": access.programme,
            "template": template,
            "version": version,
            "items": version.items.all(),
            "record_url": record_url,
            "qr_code": segno.make(record_url, error="m").svg_data_uri(scale=3, border=2),
        },
        stylesheets=("checklists/card.css",),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="checklist-{template.pk}-v{version.number}.pdf"'
    )
    return response


urlpatterns = [
    path(
        "p/<slug:slug>/checklist/<int:template_id>/card.pdf",
        checklist_card,
        name="checklist_card",
    ),
]
