"""{{ value|goal_value:unit }}: a goal's figure formatted as everywhere else in reports."""

from django import template

from ..goals import format_goal_value

register = template.Library()


@register.filter
def goal_value(value, unit: str) -> str:
    return format_goal_value(value, unit)
