"""The one way Medvirk makes a PDF: a Django template rendered by WeasyPrint.

PDFs are tagged PDF/UA-1 (headings, tables and figure alternatives in a structure tree, the
document language and title set), because public bodies in Norway must publish accessible
documents. Nothing is fetched over the network: styles come from the static folders on disk
and images are inline (SVG or data: URLs), so workers render without a request.
"""

import logging
from collections.abc import Iterable

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint reports every layout step at INFO, from its import on; keep workers' and
# commands' output readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.urls import URLFetcher  # noqa: E402

BASE_STYLESHEET = "reports/print.css"


def render_pdf(
    template_name: str,
    context: dict,
    *,
    stylesheets: Iterable[str] = (),
    language: str | None = None,
) -> bytes:
    """Render a print template to PDF bytes; the template sets <html lang> and <title>."""
    with translation.override(language or translation.get_language()):
        html = render_to_string(template_name, context)
    styles = [CSS(filename=_static_path(name)) for name in (BASE_STYLESHEET, *stylesheets)]
    document = HTML(
        string=html,
        base_url=_static_path(BASE_STYLESHEET),
        url_fetcher=URLFetcher(allowed_protocols={"data", "file"}),
    )
    return document.write_pdf(stylesheets=styles, pdf_variant="pdf/ua-1")


def _static_path(name: str) -> str:
    path = finders.find(name)
    if path is None:
        raise FileNotFoundError(f"static file {name!r} not found")
    return path
