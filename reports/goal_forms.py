"""The coordinator's form for a programme goal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.forms.fields import CommaDecimalField
from participation.models import Programme
from surveys.selectors import agreement_statements

from .forms import DateInput
from .models import Goal

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATE_ERRORS = {
    "required": _("Write a date."),
    "invalid": _("Write the date as dd.mm.yyyy, for example 23.11.2026."),
}


class StatementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.survey.title}: {obj.text}"


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Goal"),
        max_length=200,
        help_text=_("What should change, in plain words."),
        error_messages={"required": _("Write what the goal is.")},
    )
    why = forms.CharField(
        label=_("Why this goal"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        choices=Goal.Indicator.choices,
        widget=forms.RadioSelect,
        help_text=_("The figure Medvirk computes to show the change."),
        error_messages={"required": _("Choose the figure that shows the change.")},
    )
    question = StatementChoiceField(
        label=_("Statement in the survey"),
        queryset=None,
        required=False,
        empty_label=_("No statement (another indicator)"),
        help_text=_(
            "Only for the survey indicator: the share who answer 4 or 5 (agree) to this statement."
        ),
    )
    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=None,
        required=False,
        empty_label=_("All offices"),
        help_text=_("Optional: measure one office only (not for the budget)."),
    )
    baseline_from = forms.DateField(
        label=_("Baseline from"),
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERRORS,
    )
    baseline_to = forms.DateField(
        label=_("Baseline to"),
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERRORS,
        help_text=_(
            "The baseline (T0) is measured before the change starts. For a survey, the "
            "baseline round must end before the change starts."
        ),
    )
    intervention_on = forms.DateField(
        label=_("The change started on"),
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERRORS,
        help_text=_("For example the day the new checklist was taken into use."),
    )
    target = CommaDecimalField(
        label=_("Target"),
        max_digits=9,
        decimal_places=2,
        help_text=_("A percent, a number of days or a pace (1 is on pace), as the indicator."),
        error_messages={
            "required": _("Write the value the goal aims for."),
            "invalid": _("Write the target as a number, for example 75 or 1,1."),
            "max_digits": _("Write a smaller number."),
            "max_decimal_places": _("Use at most two decimals."),
            "max_whole_digits": _("Write a smaller number."),
        },
    )
    higher_is_better = forms.TypedChoiceField(
        label=_("Which way is better"),
        choices=[("true", _("Higher is better")), ("false", _("Lower is better"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        initial="true",
        error_messages={"required": _("Choose whether higher or lower is better.")},
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = agreement_statements(programme=programme)
        self.fields["office"].queryset = programme.offices.order_by("name")

    def clean(self):
        data = super().clean()
        start, end = data.get("baseline_from"), data.get("baseline_to")
        if start and end and end < start:
            self.add_error("baseline_to", _("The baseline cannot end before it starts."))
        if data.get("indicator") == Goal.Indicator.SURVEY_AGREE and not data.get("question"):
            self.add_error(
                "question", _("Choose the statement in the survey that the goal is measured by.")
            )
        return data


def initial_for(goal: Goal) -> dict:
    return {
        "title": goal.title,
        "why": goal.why,
        "indicator": goal.indicator,
        "question": goal.question_id,
        "office": goal.office_id,
        "baseline_from": goal.baseline_from,
        "baseline_to": goal.baseline_to,
        "intervention_on": goal.intervention_on,
        "target": goal.target,
        "higher_is_better": "true" if goal.higher_is_better else "false",
    }
