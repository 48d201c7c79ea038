"""The coordinator's setting-up pages: the programme, its offices and its groups."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Group, Office, Programme, Weekday
from ..models.advisor_time import MAX_HOURS_A_MONTH
from .advisor_time import HOURS_ERRORS
from .fields import CommaDecimalField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

MANDATE_REASON = forms.CharField(
    label=_("Why the mandate changed"),
    required=False,
    max_length=500,
    help_text=_("Needed when you change a mandate. The earlier versions are kept."),
)


class ProgrammeForm(forms.ModelForm):
    mandate_reason = MANDATE_REASON

    class Meta:
        model = Programme
        fields = [
            "name",
            "starts_on",
            "ends_on",
            "description",
            "mandate",
            "mandate_reason",
            "goals",
            "budget_nok",
            "budget_hours",
            "feedback_due_weeks",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "mandate": forms.Textarea(attrs={"rows": 5}),
            "goals": forms.Textarea(attrs={"rows": 4}),
        }


class OfficeCreateForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = ["name", "municipality", "code"]


class OfficeEditForm(forms.ModelForm):
    advisor_hours_per_month = CommaDecimalField(
        label=_("Planned advisor time for the programme (hours a month)"),
        help_text=_(
            "A tenth of a full position is about 16 hours a month. Leave empty if none is planned."
        ),
        required=False,
        min_value=0,
        max_value=MAX_HOURS_A_MONTH,
        decimal_places=1,
        max_digits=5,
        error_messages=HOURS_ERRORS,
    )

    class Meta:
        model = Office
        fields = ["name", "municipality", "is_active"]


class GroupForm(forms.ModelForm):
    mandate_reason = MANDATE_REASON
    min_meetings_per_year = forms.IntegerField(
        label=_("Minimum meetings a year"),
        min_value=0,
        max_value=52,
        required=False,
        help_text=_("Leave empty for the usual: 4 for a user committee, otherwise none."),
    )
    day_before_at = forms.TimeField(
        label=_("Time of the reminder the day before"),
        initial=datetime.time(12, 0),
        widget=TIME,
    )
    invitation_days_before = forms.IntegerField(
        label=_("Days before the meeting the invitation goes out"),
        min_value=1,
        max_value=60,
        initial=7,
    )

    class Meta:
        model = Group
        fields = [
            "name",
            "kind",
            "mandate",
            "mandate_reason",
            "seats",
            "meeting_interval_days",
            "meeting_weekday",
            "meeting_time",
            "meeting_duration_minutes",
            "default_place",
            "min_meetings_per_year",
            "absence_threshold",
            "agenda_deadline_days",
            "day_before_at",
            "invitation_days_before",
        ]
        widgets = {"mandate": forms.Textarea(attrs={"rows": 5}), "meeting_time": TIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Words, not dashes, for the empty choice.
        self.fields["kind"].choices = [("", _("Choose a kind")), *Group.Kind.choices]
        self.fields["meeting_weekday"].choices = [("", _("No fixed day")), *Weekday.choices]
        group = self.instance
        if group.pk:
            self.fields["min_meetings_per_year"].initial = group.min_meetings_per_year
            reminders = getattr(group, "reminder_settings", None)
            if reminders is not None:
                self.fields["day_before_at"].initial = reminders.day_before_at
                self.fields["invitation_days_before"].initial = reminders.invitation_days_before

    def _post_clean(self):
        # The minimum is filled in by the service when left empty; keep the model's
        # validation from seeing the empty value.
        value = self.cleaned_data.pop("min_meetings_per_year", None)
        super()._post_clean()
        self.cleaned_data["min_meetings_per_year"] = value
