from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReportRequestForm(forms.Form):
    period_start = forms.DateField(
        label=_("From"),
        widget=DateInput(),
        error_messages={"invalid": _("Write the date as dd.mm.yyyy, for example 23.11.2026.")},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    period_end = forms.DateField(
        label=_("To"),
        widget=DateInput(),
        error_messages={"invalid": _("Write the date as dd.mm.yyyy, for example 23.11.2026.")},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )


class ReportScheduleForm(forms.Form):
    is_active = forms.BooleanField(
        label=_("Make the report before each steering meeting"), required=False
    )
    days_before = forms.IntegerField(
        label=_("Days before the meeting"),
        min_value=1,
        max_value=30,
        error_messages={
            "invalid": _("Write a whole number of days."),
            "min_value": _("Choose a number of days from 1 to 30."),
            "max_value": _("Choose a number of days from 1 to 30."),
        },
    )
    attach_pdf = forms.BooleanField(
        label=_("Attach the PDF to the email"),
        required=False,
        help_text=_("Otherwise the email has a link, and members log in to read the report."),
    )
