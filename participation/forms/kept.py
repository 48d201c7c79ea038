"""Text typed in one form of a page, kept while another form on the same page is sent.

A button that belongs to another form on the page (an "accept" beside a half-written new
item) posts the whole form it is attached to (HTML's `form` attribute), so the typed text
arrives with it. The view keeps that text in the session before it redirects, and the page
shows it again once. No JavaScript needed.
"""

from collections.abc import Iterable

SESSION_KEY = "kept_typing"


def keep_typed(request, *, page: str, fields: Iterable[str], text_fields: Iterable[str]) -> None:
    """Keep what was posted in `fields` for `page`, when any of `text_fields` holds text."""
    values = {name: request.POST.get(name, "") for name in fields}
    if not any(values.get(name, "").strip() for name in text_fields):
        return
    kept = request.session.get(SESSION_KEY, {})
    kept[page] = values
    request.session[SESSION_KEY] = kept


def take_typed(request, *, page: str) -> dict | None:
    """What was kept for `page`, once; None when nothing was."""
    kept = request.session.get(SESSION_KEY)
    if not kept or page not in kept:
        return None
    values = kept.pop(page)
    request.session[SESSION_KEY] = kept
    return values
