from django import forms
from django.utils.translation import gettext_lazy as _

from participation.forms.fields import CommaDecimalField
from participation.models import Membership, Programme, User

from ..models import TimeEntry

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TimeEntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    hours = CommaDecimalField(
        label=_("Hours"),
        max_digits=6,
        decimal_places=4,
        help_text=_("In quarter hours: 1, 1.25, 1.5 or 1.75, and so on."),
    )
    activity = forms.ChoiceField(
        label=_("What did you do?"),
        choices=[("", _("Choose an activity")), *TimeEntry.Activity.choices],
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=500)

    def __init__(self, *args, month=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hours"].error_messages["max_digits"] = _("A day has 24 hours at most.")
        self.fields["hours"].error_messages["max_decimal_places"] = _(
            "Use quarter hours: for example 1, 1.25, 1.5 or 1.75."
        )
        self.fields["hours"].error_messages["invalid"] = _(
            "Write the hours as a number, for example 1.5."
        )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to be fixed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class ContractForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Paid representative"),
        queryset=User.objects.none(),
        empty_label=_("Choose a person"),
    )
    hourly_pay = CommaDecimalField(label=_("Hourly pay (NOK)"), max_digits=8, decimal_places=2)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Ends"), widget=DATE_INPUT)
    expected_hours_per_month = CommaDecimalField(
        label=_("Expected hours per month"), max_digits=5, decimal_places=2
    )
    role_description = forms.CharField(
        label=_("Role description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )
    employee_number = forms.CharField(
        label=_("Employee number"),
        required=False,
        max_length=30,
        help_text=_("The number payroll knows the person by, if they have one."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            User.objects.filter(
                memberships__group__programmes=programme,
                memberships__role=Membership.Role.PAID_REPRESENTATIVE,
            )
            .distinct()
            .order_by("display_name")
        )
        for name in ("hourly_pay", "expected_hours_per_month"):
            self.fields[name].error_messages["invalid"] = _("Write a number, for example 195.50.")


class RenewForm(ContractForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["person"]
        self.fields["role_description"].help_text = _("Leave empty to keep the one there is.")
        self.fields["employee_number"].help_text = _("Leave empty to keep the one there is.")
