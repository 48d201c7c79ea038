"""The public links of a survey per office, and their QR codes (SVG, drawn by segno)."""

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse

from participation.models import Office

from .models import Survey


def base_url(request=None) -> str:
    """The site's address: from the request when there is one, else MEDVIRK_BASE_URL."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.MEDVIRK_BASE_URL.rstrip("/")


def respondent_url(survey: Survey, office: Office, *, base: str) -> str:
    """The stable link printed on posters: /s/<slug>/?k=<office code>."""
    path = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    return f"{base}{path}?{urlencode({'k': office.code})}"


def code_url(survey: Survey, code: str, *, base: str) -> str:
    """The link on an answer-code slip: /s/<slug>/?c=<code> (the code page, filled in)."""
    path = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    return f"{base}{path}?{urlencode({'c': code})}"


def qr_svg(url: str, *, scale: int = 4) -> str:
    """An inline SVG QR code of the link (medium error correction survives a worn poster)."""
    return segno.make(url, error="m").svg_inline(scale=scale, omitsize=False)


def qr_file(url: str, *, kind: str) -> bytes:
    """A standalone QR code file ("svg" or "png"), for printing elsewhere."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind=kind, scale=8 if kind == "svg" else 12, border=4)
    return out.getvalue()


def qr_data_uri(url: str, *, scale: int = 10) -> str:
    """The QR code as a data: URL, for the PDFs (which fetch nothing)."""
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=4)


def office_links(survey: Survey, *, base: str) -> list[tuple[Office, str]]:
    return [
        (office, respondent_url(survey, office, base=base))
        for office in survey.offices.order_by("name")
    ]
