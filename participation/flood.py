"""Flood limits for public forms: how many posts an address, and a target, may send in a while.

Counts live only in the cache, under keys made from a keyed hash of the address, so nothing
about a sender is stored in the database or kept past the window. A refusal is a calm page in
the visitor's language (`templates/flood_refused.html`), never an error.
"""

import hashlib
import hmac
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FloodLimit:
    """At most `per_address` posts from one address and `per_target` to one target a window."""

    scope: str
    per_address: int
    per_target: int
    window_seconds: int


def _digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def _client_address(request) -> str:
    # REMOTE_ADDR only: a forwarded header is the sender's to forge. Behind a proxy, the proxy
    # (or gunicorn's forwarded_allow_ips) sets REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")


def _bump(key: str, window_seconds: int) -> int:
    # add() is atomic where the cache is shared (Redis); incr() then counts from there.
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: start again
        cache.set(key, 1, timeout=window_seconds)
        return 1


def flood_exceeded(request, *, limit: FloodLimit, target: str) -> bool:
    """Count one post to `target` from this request's address; True when over either limit."""
    address_key = f"flood:{limit.scope}:a:{_digest(_client_address(request))}"
    target_key = f"flood:{limit.scope}:t:{_digest(target)}"
    by_address = _bump(address_key, limit.window_seconds)
    by_target = _bump(target_key, limit.window_seconds)
    exceeded = by_address > limit.per_address or by_target > limit.per_target
    if exceeded:
        logger.warning("flood limit reached", extra={"scope": limit.scope})
    return exceeded


def flood_refused(request, *, template_name: str = "flood_refused.html", context=None):
    """The calm page shown instead of the form's result, with status 429.

    Public pages with their own light layout (the survey) pass a template of their own.
    """
    return render(request, template_name, context or {}, status=429)
