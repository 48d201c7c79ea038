from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Onboarding
from .hours import DATE_INPUT


class OnboardingForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("No health or case details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        note = self.fields.pop("note")
        for field, label in Onboarding.ITEMS:
            self.fields[field] = forms.DateField(
                label=label,
                required=False,
                widget=DATE_INPUT,
                help_text=_("The date it was done. Leave empty if not yet."),
            )
        self.fields["note"] = note
