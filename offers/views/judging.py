"""The young people's page per offer at /o/<code>/: anonymous, no login, no cookie.

Like the survey pages: no session and no CSRF cookie (the page is CSRF-exempt; a signed token
in the form says which offer and when the page was shown, and plays the CSRF token's part),
no address stored, a field people never see catches robots, and a flood limit per address
and per offer keeps a script from drowning the real answers.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from participation.flood import FloodLimit, flood_exceeded, flood_refused

from .. import services
from ..forms import JudgementForm
from ..models import Offer

TOKEN_SALT = "offers.judgement"
TOKEN_MAX_AGE = 6 * 60 * 60
HONEYPOT = "website"
DEFAULT_MIN_SECONDS = 3
FLOOD = FloodLimit(scope="offer-judgement", per_address=20, per_target=200, window_seconds=900)


def _min_seconds() -> float:
    return getattr(settings, "OFFERS_MIN_SECONDS", DEFAULT_MIN_SECONDS)


def _token(offer: Offer) -> str:
    return signing.dumps({"o": offer.pk, "t": time.time()}, salt=TOKEN_SALT)


def _token_age(value: str, offer: Offer) -> float | None:
    """Seconds since the page was shown, or None if the token is not this offer's."""
    try:
        payload = signing.loads(value or "", salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        if int(payload["o"]) != offer.pk:
            return None
        return time.time() - float(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def _private(response: HttpResponse) -> HttpResponse:
    """Answers on a shared phone must not stay in the browser's cache."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _page(request, offer, form, *, notice="", status=200):
    return _private(
        render(
            request,
            "offers/judge/form.html",
            {
                "offer": offer,
                "form": form,
                "token": _token(offer),
                "honeypot": HONEYPOT,
                "notice": notice,
            },
            status=status,
        )
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def judge(request, code):
    offer = Offer.objects.filter(public_code=code).first()
    if offer is None:
        return _private(render(request, "offers/judge/missing.html", status=404))
    if not offer.is_active:
        return _private(render(request, "offers/judge/closed.html", {"offer": offer}))
    if request.method != "POST":
        return _page(request, offer, JudgementForm())
    if flood_exceeded(request, limit=FLOOD, target=f"offer:{offer.pk}"):
        return _private(flood_refused(request, template_name="offers/judge/flood.html"))
    form = JudgementForm(request.POST)
    age = _token_age(request.POST.get("token", ""), offer)
    if age is None or request.POST.get(HONEYPOT):
        return _page(request, offer, JudgementForm(), notice="start_again")
    if not form.is_valid():
        return _page(request, offer, form)
    if age < _min_seconds():
        return _page(request, offer, form, notice="too_quick")
    try:
        services.judgement_submit(offer=offer, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, offer, form)
    return redirect(reverse("offers:judge_thanks", kwargs={"code": code}))


def judge_thanks(request, code):
    offer = Offer.objects.filter(public_code=code).first()
    return _private(render(request, "offers/judge/thanks.html", {"offer": offer}))
