"""Dates with the weekday in front, in the reader's language: {{ day|with_weekday }} gives
"mandag 9. november 2026" in bokmål and "Monday 9 November 2026" in English.

Django's named formats (DATE_FORMAT, SHORT_DATE_FORMAT...) cover the rest; use them rather
than format strings such as "j. F", which only read right in Norwegian.
"""

from django import template
from django.utils import formats

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def with_weekday(value, format_name="DATE_FORMAT"):
    """The full weekday, then the value in one of Django's named formats."""
    if value in (None, ""):
        return ""
    return f"{formats.date_format(value, 'l')} {formats.date_format(value, format_name)}"
