"""Text typed in one form of a page, kept while another form on the same page is sent.

A button that belongs to another form on the page (an "accept" beside a half-written new
item) posts the whole form it is attached to (HTML's `form` attribute), so the typed text
arrives with it. The view keeps that text in the session before it redirects, and the page
shows it again until the form is sent itself, or sent empty with another button (a button
elsewhere, such as an undo, leaves it kept). No JavaScript needed.
"""

from collections.abc import Iterable

SESSION_KEY = "kept_typing"


def keep_typed(
    request, *, page: str, fields: Iterable[str], text_fields: Iterable[str], prefix: str = ""
) -> None:
    """Keep what was posted in `fields` (of a form with `prefix`) for `page` when any of
    `text_fields` holds text; posted with no text, forget what was kept (the writer emptied
    the form). Kept by field name, ready to be a form's `initial`."""
    posted = f"{prefix}-" if prefix else ""
    if not any(posted + name in request.POST for name in text_fields):
        return  # posted from elsewhere (another page): it says nothing about this form
    values = {name: request.POST.get(posted + name, "") for name in fields}
    if not any(values.get(name, "").strip() for name in text_fields):
        forget_typed(request, page=page)
        return
    kept = request.session.get(SESSION_KEY, {})
    kept[page] = values
    request.session[SESSION_KEY] = kept


def kept_typed(request, *, page: str) -> dict | None:
    """What is kept for `page`; None when nothing is."""
    return request.session.get(SESSION_KEY, {}).get(page)


def forget_typed(request, *, page: str) -> None:
    """The form was sent itself: what was kept for it is done with."""
    kept = request.session.get(SESSION_KEY)
    if kept and page in kept:
        del kept[page]
        request.session[SESSION_KEY] = kept
