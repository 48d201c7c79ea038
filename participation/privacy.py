"""Spotting what looks like a national identity number or a phone number in free text.

Medvirk stores no national identity numbers (DESIGN.md), yet free text is where someone may
type one by habit: a checklist note, a story, an application. Every app asks here, so that
the rule is the same everywhere. Control digits are not checked on purpose: a mistyped
number is just as personal. It looks for:
- national ID numbers (fødselsnummer, D-number): eleven digits, optionally split 6 + 5 by a
  space (also non-breaking), a dot or a hyphen, and not part of a longer run of digits;
- Norwegian phone numbers: eight digits starting with 2–9, written together or grouped as
  people do (470 12 345, 47 01 23 45, 4701 2345), optionally after +47 or 0047.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

NATIONAL_ID = re.compile(r"(?<!\d)\d{6}[ \u00a0.\-]?\d{5}(?!\d)")
_PHONE_GROUPINGS = (
    r"[2-9]\d{7}",
    r"[2-9]\d{2} \d{2} \d{3}",
    r"[2-9]\d \d{2} \d{2} \d{2}",
    r"[2-9]\d{3} \d{4}",
)
PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)47[ ]?)?(?:" + "|".join(_PHONE_GROUPINGS) + r")(?![\d])")


@dataclass(frozen=True)
class Finding:
    kind: str  # "national_id" or "phone"
    text: str


def looks_like_national_id(text: str) -> bool:
    """True when the text contains something shaped like a national identity number."""
    return bool(NATIONAL_ID.search(text or ""))


def find_personal_numbers(text: str) -> list[Finding]:
    """Every piece of the text that looks like a national ID number or a phone number."""
    findings = []
    taken: list[tuple[int, int]] = []
    for match in NATIONAL_ID.finditer(text or ""):
        findings.append(Finding("national_id", match.group()))
        taken.append(match.span())
    for match in PHONE.finditer(text or ""):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        findings.append(Finding("phone", match.group().strip()))
    return findings


# What takes the place of a removed number in stored text. Stored, so not translated: the
# text it sits in is the writer's own, mostly Norwegian.
REMOVED = "[fjernet]"


def remove_personal_numbers(text: str) -> str:
    """The text with every national ID number and phone number replaced by REMOVED.

    Services call this on free text before saving it, so that the number is never stored
    (masking on display would leave it in the database, its backups and its exports)."""
    text = NATIONAL_ID.sub(REMOVED, text or "")
    return PHONE.sub(REMOVED, text)


def personal_number_warning(text: str) -> str:
    """A plain-language warning naming what was found, or an empty string."""
    kinds = {finding.kind for finding in find_personal_numbers(text)}
    if not kinds:
        return ""
    if kinds == {"national_id"}:
        return _(
            "The text seems to contain a national identity number (11 digits). Remove it, "
            "unless it is something else."
        )
    if kinds == {"phone"}:
        return _(
            "The text seems to contain a phone number (8 digits). Remove it, unless it is "
            "something else."
        )
    return _(
        "The text seems to contain a national identity number and a phone number. Remove "
        "them, unless they are something else."
    )
