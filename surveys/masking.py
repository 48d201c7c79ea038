"""Masking free text before anyone reads it: what looks like a national identity number, a
phone number or an e-mail address is replaced. Young people sometimes write "call me on …"
in an anonymous survey; the coordinator must still not learn who it was.

Over-masking is fine (an 8-digit amount of money becomes "[number removed]"); missing a
number is not, so the patterns are generous about spaces, dots and dashes.
"""

import re

from django.utils.translation import gettext as _

from participation.privacy import NATIONAL_ID, REMOVED

# 8 digits in any grouping (900 11 223, 90 01 12 23, 90011223), with +47 / 0047 in front or not.
PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)\s?47[\s.-]?)?\d(?:[\s.-]?\d){7}(?![\d])")
# Any longer run of digits left over (an account or case number) goes too.
LONG_DIGITS = re.compile(r"\d(?:[\s.-]?\d){8,}")
EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def remove_personal_details(text: str) -> str:
    """The answer as it may be stored: identity numbers, phone numbers, e-mail addresses and
    long digit runs replaced by the stored marker (participation.privacy.REMOVED)."""
    for pattern in (EMAIL, NATIONAL_ID, PHONE, LONG_DIGITS):
        text = pattern.sub(REMOVED, text)
    return text


def mask_personal_details(text: str) -> str:
    """The text with identity numbers, phone numbers and e-mail addresses replaced."""
    text = EMAIL.sub(_("[e-mail removed]"), text)
    text = NATIONAL_ID.sub(_("[ID number removed]"), text)
    text = PHONE.sub(_("[phone number removed]"), text)
    return LONG_DIGITS.sub(_("[number removed]"), text)
