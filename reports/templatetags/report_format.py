"""Template filters for Norwegian figures in reports: {{ day|nb_date }}, {{ amount|nok }}."""

from django import template

from .. import formatting

register = template.Library()

register.filter("nb_date", formatting.format_date)
register.filter("nok", formatting.format_nok)
register.filter("percent", formatting.format_percent)
register.filter("days", formatting.format_days)


@register.filter
def number(value, decimals=0):
    return formatting.format_number(value, int(decimals))
