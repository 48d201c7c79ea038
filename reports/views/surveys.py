"""PDFs for surveys: the A4 poster and A6 card per office, and the results.

They read through surveys' selectors and access rules, like the pages they come from.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _

from participation.access import require_manage
from participation.models import AuditEvent
from participation.services.audit import audit_event
from surveys.links import base_url, code_url, qr_data_uri, respondent_url
from surveys.models.surveys import localized
from surveys.selectors import access_survey, can_see_results, card_checklist, results_context

from ..pdf import render_pdf


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _poster(request, slug, survey_id, office_code, *, size):
    access, survey = access_survey(request.user, slug, survey_id)
    require_manage(access)
    if not survey.is_published:
        raise Http404
    office = get_object_or_404(survey.offices, code=office_code)
    url = respondent_url(survey, office, base=base_url(request))
    context = {
        "survey": survey,
        "title": localized(survey, "title", "nb"),
        "office": office,
        "url": url,
        "qr": qr_data_uri(url),
        "size": size,
    }
    pdf = render_pdf(
        "reports/surveys/poster.html",
        context,
        stylesheets=[f"surveys/print-{size}.css"],
        language="nb",
    )
    return _pdf(pdf, f"{survey.slug}-{office.code}-{size}.pdf")


@login_required
def survey_poster(request, slug, survey_id, office_code):
    """An A4 poster for the office's waiting room, with the QR code and the link."""
    return _poster(request, slug, survey_id, office_code, size="a4")


@login_required
def survey_card(request, slug, survey_id, office_code):
    """An A6 card the advisor hands over after the first meeting."""
    return _poster(request, slug, survey_id, office_code, size="a6")


@login_required
def survey_code_slips(request, slug, survey_id, batch_id):
    """A batch of answer codes as slips to cut out, 24 to an A4 page (coordinators only)."""
    access, survey, batch = _batch(request, slug, survey_id, batch_id, "slips")
    context = _printed_codes(
        request, access, survey, batch, _("Answer codes: %(title)s, %(office)s")
    )
    context["slips"] = context.pop("codes")
    pdf = render_pdf(
        "reports/surveys/code_slips.html",
        context,
        stylesheets=["surveys/print-slips.css"],
        language="nb",
    )
    return _pdf(pdf, f"{survey.slug}-{batch.office.code}-codes-{batch.pk}.pdf")


def _printed_codes(request, access, survey, batch, subject):
    """What a printout of a code batch shows (each code with its QR), logged as downloaded."""
    base = base_url(request)
    codes = [
        {"code": code.shown, "qr": qr_data_uri(code_url(survey, code.shown, base=base), scale=4)}
        for code in batch.codes.order_by("code")
    ]
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=access.programme,
        subject=subject % {"title": survey.title, "office": batch.office.name},
        detail=f"{len(codes)}",
    )
    return {
        "title": localized(survey, "title", "nb"),
        "office": batch.office,
        "url": code_url(survey, "", base=base).removesuffix("?c="),
        "codes": codes,
    }


def _batch(request, slug, survey_id, batch_id, printed_as):
    access, survey = access_survey(request.user, slug, survey_id)
    require_manage(access)
    batch = get_object_or_404(
        survey.code_batches.select_related("office"), pk=batch_id, printed_as=printed_as
    )
    return access, survey, batch


@login_required
def survey_code_cards(request, slug, survey_id, batch_id):
    """A batch of answer codes printed on the first-meeting card, one A5 page per code: the
    advisors' checklist, and a strip with the code to tear off (coordinators only). The cards
    carry no number and nothing is stored about which card went to which meeting."""
    access, survey, batch = _batch(request, slug, survey_id, batch_id, "cards")
    checklist = card_checklist(survey=survey)
    if checklist is None:
        raise Http404
    context = _printed_codes(
        request,
        access,
        survey,
        batch,
        _("First-meeting cards with answer codes: %(title)s, %(office)s"),
    )
    context["cards"] = context.pop("codes")
    context.update(
        template=checklist, version=checklist.current, items=checklist.current.items.all()
    )
    pdf = render_pdf(
        "reports/surveys/code_cards.html",
        context,
        stylesheets=["checklists/card.css", "surveys/print-cards.css"],
        language="nb",
    )
    return _pdf(pdf, f"{survey.slug}-{batch.office.code}-cards-{batch.pk}.pdf")


@login_required
def survey_results_pdf(request, slug, survey_id):
    """The results as the viewer may see them on the page (never the free text)."""
    access, survey = access_survey(request.user, slug, survey_id)
    if not can_see_results(access, survey):
        raise Http404
    value = request.GET.get("round", "")
    context = results_context(
        access=access, survey=survey, round_id=int(value) if value.isdigit() else None
    )
    context["free_text"] = []
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=access.programme,
        subject=_("Survey results: %(title)s") % {"title": survey.title},
        detail="PDF",
    )
    pdf = render_pdf("reports/surveys/results.html", context, stylesheets=["surveys/print.css"])
    return _pdf(pdf, f"{survey.slug}-results.pdf")


SURVEY = "p/<slug:slug>/surveys/<int:survey_id>/"

urlpatterns = [
    path(SURVEY + "poster/<slug:office_code>.pdf", survey_poster, name="survey_poster"),
    path(SURVEY + "card/<slug:office_code>.pdf", survey_card, name="survey_card"),
    path(SURVEY + "results.pdf", survey_results_pdf, name="survey_results_pdf"),
    path(SURVEY + "codes/<int:batch_id>.pdf", survey_code_slips, name="survey_code_slips"),
    path(SURVEY + "codes/<int:batch_id>/cards.pdf", survey_code_cards, name="survey_code_cards"),
]
