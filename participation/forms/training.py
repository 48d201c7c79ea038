"""Forms for training modules and who did them. The rules live in services/training.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import TrainingModule, User
from ..models.training import TrainingAudience
from .inputs import DateInput

DATE_MESSAGES = {
    "required": _("Write the day it was done."),
    "invalid": _("Write the day as a date, for example 14.03.2026."),
}


class TrainingModuleForm(forms.ModelForm):
    """A module: what it covers, the material, who it is for, how long, and the refresher."""

    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=TrainingAudience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose who the module is for."),
            "invalid_choice": _("Choose who the module is for."),
        },
    )

    class Meta:
        model = TrainingModule
        fields = [
            "title",
            "description",
            "material",
            "audiences",
            "duration_minutes",
            "refresher_months",
            "is_self_study",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "material": forms.Textarea(attrs={"rows": 6}),
            "duration_minutes": forms.TextInput(attrs={"inputmode": "numeric", "size": 5}),
            "refresher_months": forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
        }
        error_messages = {
            "title": {"required": _("Write the module's title.")},
            "description": {"required": _("Write what the module covers.")},
            "duration_minutes": {
                "required": _("Write how many minutes the module takes."),
                "invalid": _("Write the minutes as a whole number, for example 90."),
                "min_value": _("Write the minutes as a whole number, for example 90."),
                "max_value": _("A module takes at most 6000 minutes."),
            },
            "refresher_months": {
                "invalid": _("Write the months as a whole number, for example 12."),
                "min_value": _("Write the months as a whole number, for example 12."),
                "max_value": _("A refresher comes at most 120 months later."),
            },
        }


class PersonCheckboxes(forms.ModelMultipleChoiceField):
    def __init__(self, *args, offices: dict[int, str], **kwargs):
        self.offices = offices
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        office = self.offices.get(obj.pk)
        return f"{obj.display_name} ({office})" if office else obj.display_name


class TrainingRecordForm(forms.Form):
    """After a session: the module, the day, and everybody who took part, ticked."""

    module = forms.ModelChoiceField(
        label=_("Module"),
        queryset=TrainingModule.objects.none(),
        empty_label=_("Choose a module"),
        error_messages={
            "required": _("Choose the module."),
            "invalid_choice": _("Choose the module."),
        },
    )
    completed_on = forms.DateField(
        label=_("Done on"), widget=DateInput(), error_messages=DATE_MESSAGES
    )

    def __init__(self, *args, modules, trainees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        self.fields["people"] = PersonCheckboxes(
            label=_("Who took part"),
            queryset=User.objects.filter(pk__in=[t.person.pk for t in trainees]).order_by(
                "display_name"
            ),
            offices={t.person.pk: t.office_names for t in trainees},
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": _("Tick at least one person."),
                "invalid_choice": _("Choose people who take part in the programme."),
                "invalid_pk_value": _("Choose people who take part in the programme."),
            },
        )


class TrainingSelfReportForm(forms.Form):
    completed_on = forms.DateField(
        label=_("I did it on"), widget=DateInput(), error_messages=DATE_MESSAGES
    )
