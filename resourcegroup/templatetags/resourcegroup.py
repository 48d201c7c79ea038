from django import template

from ..money import hours_text, nok_text

register = template.Library()


@register.filter
def hours(value):
    """2.50 → "2,5" (in Norwegian)."""
    return "" if value is None else hours_text(value)


@register.filter
def nok(value):
    """1396.3125 → "1 396,31"."""
    return "" if value is None else nok_text(value)
