"""Undo instead of a check step, for actions that can be reversed safely.

After such an action the view offers an undo: the previous state is kept in the user's own
session (so only they can undo it) for a short while, and the success message carries an
"Undo" button that posts it back. The restoring itself is a service; the undo view checks
access again and writes an audit event.
"""

import datetime
import secrets

from django.utils import timezone

SESSION_KEY = "undo_offer"
UNDO_MINUTES = 10


def offer_undo(request, *, kind: str, programme_slug: str, payload: dict) -> None:
    """Remember how to undo what the user just did; one offer at a time, the newest."""
    until = timezone.now() + datetime.timedelta(minutes=UNDO_MINUTES)
    request.session[SESSION_KEY] = {
        "token": secrets.token_urlsafe(12),
        "kind": kind,
        "user": request.user.pk,
        "slug": programme_slug,
        "until": until.isoformat(),
        "payload": payload,
    }


def current_offer(request) -> dict | None:
    """The offer still open to this user, or None (none, someone else's, or too old)."""
    offer = request.session.get(SESSION_KEY)
    if not offer or offer.get("user") != getattr(request.user, "pk", None):
        return None
    if datetime.datetime.fromisoformat(offer["until"]) < timezone.now():
        return None
    return offer


def take_offer(request, token: str) -> dict | None:
    """The open offer with this token, used up; None when it is gone or too old."""
    offer = current_offer(request)
    request.session.pop(SESSION_KEY, None)
    if offer is None or not secrets.compare_digest(offer["token"], token or ""):
        return None
    return offer
