from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import FollowUpContact
from .hours import DATE_INPUT


class FollowUpForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date of contact"), widget=DATE_INPUT)
    channel = forms.ChoiceField(
        label=_("How"), choices=[("", _("Choose how")), *FollowUpContact.Channel.choices]
    )
    outcome = forms.ChoiceField(
        label=_("What came of it"),
        choices=[("", _("Choose what came of it")), *FollowUpContact.Outcome.choices],
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was agreed. No health or case details."),
    )


class WeeksForm(forms.Form):
    weeks = forms.IntegerField(label=_("Weeks without coming"), min_value=1, max_value=52)
