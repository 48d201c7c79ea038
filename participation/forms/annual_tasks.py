from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AnnualTask


class AnnualTaskForm(forms.ModelForm):
    """A yearly task: what, when each year, and who is responsible."""

    class Meta:
        model = AnnualTask
        fields = ["title", "month", "day", "owner", "description", "is_active"]
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": _("Write what the task is.")},
            "month": {
                "required": _("Choose the month the task is due."),
                "invalid_choice": _("Choose the month the task is due."),
            },
            "day": {
                "invalid": _("Write the day as a number from 1 to 31."),
                "min_value": _("Write the day as a number from 1 to 31."),
                "max_value": _("Write the day as a number from 1 to 31."),
            },
            "owner": {"invalid_choice": _("Choose someone with a role in the programme.")},
        }

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].empty_label = _("Nobody named yet")
        self.fields["owner"].label_from_instance = lambda person: person.display_name
        self.fields["month"].choices = [("", _("Choose a month"))] + list(
            self.fields["month"].choices
        )[1:]
