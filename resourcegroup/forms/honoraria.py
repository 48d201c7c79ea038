from django import forms
from django.utils.translation import gettext_lazy as _

from participation.models import Meeting

from .hours import DATE_INPUT, CommaDecimalField


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        from django.utils import timezone
        from django.utils.formats import date_format

        day = date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")
        return f"{day}: {meeting.display_title}"


class TravelClaimForm(forms.Form):
    date = forms.DateField(label=_("Date of the trip"), widget=DATE_INPUT)
    meeting = MeetingChoiceField(
        label=_("Meeting (if you travelled to one)"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("No meeting"),
    )
    from_place = forms.CharField(label=_("From"), max_length=200)
    to_place = forms.CharField(label=_("To"), max_length=200)
    kilometres = CommaDecimalField(
        label=_("Kilometres (if you drove)"),
        required=False,
        max_digits=7,
        decimal_places=1,
        help_text=_("There and back together, for example 48."),
    )
    ticket_amount = CommaDecimalField(
        label=_("Ticket amount in NOK (if you took the bus or train)"),
        required=False,
        max_digits=8,
        decimal_places=2,
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=500)

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings
        self.fields["meeting"].error_messages["invalid_choice"] = _("Choose a meeting you were at.")
        self.fields["from_place"].error_messages["required"] = _("Write where you travelled from.")
        self.fields["to_place"].error_messages["required"] = _("Write where you travelled to.")
        self.fields["date"].error_messages["required"] = _("Write the date of the trip.")
        self.fields["date"].error_messages["invalid"] = _("Write a date, for example 14.03.2024.")
        self.fields["kilometres"].error_messages.update(
            invalid=_("Write the kilometres as a number, for example 24.5."),
            max_digits=_("That is too far for one trip. Check the number."),
            max_decimal_places=_("Use at most one decimal, for example 24.5."),
            max_whole_digits=_("That is too far for one trip. Check the number."),
        )
        self.fields["ticket_amount"].error_messages.update(
            invalid=_("Write the amount as a number, for example 62.50."),
            max_digits=_("That amount is too large. Check the number."),
            max_decimal_places=_("Use at most two decimals (øre)."),
            max_whole_digits=_("That amount is too large. Check the number."),
        )


class HonorariumRateForm(forms.Form):
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_INPUT)
    amount_per_meeting = CommaDecimalField(
        label=_("Amount per meeting attended (NOK)"), max_digits=8, decimal_places=2
    )
    km_rate = CommaDecimalField(
        label=_("Rate per kilometre (NOK)"),
        max_digits=6,
        decimal_places=2,
        help_text=_("Write 0 if the programme does not pay for driving."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("amount_per_meeting", "km_rate"):
            self.fields[name].error_messages["invalid"] = _(
                "Write a number, for example 350 or 4.50."
            )


class GenerateForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"invalid": _("Choose a month, for example 2024-03.")},
    )
