"""Spotting personal data that must never be stored in a checklist note.

Checklist uses carry no client identity (DESIGN.md). A free-text note is the one place an
advisor could type some by habit, so the note refuses what looks like a Norwegian national
identity number (fødselsnummer or D-number): 11 digits, written together or with a space
(or a hyphen) after the six-digit date part. We do not check the control digits on purpose:
a mistyped number is just as personal, and refusing a harmless 11-digit number costs the
advisor a few seconds.
"""

import re

# Eleven digits, optionally split 6 + 5 by one space (also a non-breaking space) or a hyphen,
# and not part of a longer run of digits (a longer number is something else; an
# 8-digit phone number is too short).
NATIONAL_ID_PATTERN = re.compile(r"(?<!\d)\d{6}[ \u00a0-]?\d{5}(?!\d)")


def looks_like_national_id(text: str) -> bool:
    """True when the text contains something shaped like a national identity number."""
    return bool(NATIONAL_ID_PATTERN.search(text or ""))
