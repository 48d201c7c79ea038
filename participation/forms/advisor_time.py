import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..models.advisor_time import MAX_HOURS_A_MONTH
from .fields import CommaDecimalField

HOURS_ERRORS = {
    "invalid": _("Write the hours as a number, for example 16 or 12.5."),
    "min_value": _("The hours cannot be negative."),
    "max_value": _("That is more hours than a month has."),
    "max_decimal_places": _("Write the hours with at most one decimal, for example 12.5."),
    "max_digits": _("That is more hours than a month has."),
}


class AdvisorTimeForm(forms.Form):
    """One office's advisor time used in one month."""

    office = forms.TypedChoiceField(
        label=_("NAV office"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose an office from the list.")},
    )
    month = forms.ChoiceField(
        label=_("Month"),
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )
    hours = CommaDecimalField(
        label=_("Hours used"),
        min_value=0,
        max_value=MAX_HOURS_A_MONTH,
        decimal_places=1,
        max_digits=5,
        error_messages={"required": _("Write how many hours were used."), **HOURS_ERRORS},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Optional: what the time went to, or why it was less than planned."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, offices, months: list[datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [(o.pk, o.name) for o in offices]
        self.fields["month"].choices = [
            (m.strftime("%Y-%m"), date_format(m, "YEAR_MONTH_FORMAT")) for m in months
        ]

    def clean_month(self):
        return datetime.date.fromisoformat(self.cleaned_data["month"] + "-01")
