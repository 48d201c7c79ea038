"""Figures on every page, PDF and email, formatted in one place (participation.formatting):
{{ day|nb_date }}, {{ amount|nok }}, {{ share|percent }}, {{ hours|hours }}, {{ n|number:1 }}."""

from django import template

from .. import formatting

register = template.Library()

register.filter("nb_date", formatting.format_date)
register.filter("nok", formatting.format_nok)
register.filter("percent", formatting.format_percent)
register.filter("days", formatting.format_days)
register.filter("hours", formatting.format_hours)


@register.filter
def number(value, decimals=0):
    return formatting.format_number(value, int(decimals))
