from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import BudgetLine
from .hours import DATE_INPUT, CommaDecimalField


class BudgetLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BudgetLine.Kind.choices)
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("For example Food and rooms, or Training.")
    )
    amount = CommaDecimalField(
        label=_("Amount for the programme period (NOK)"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
    )


class OtherCostForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    line = forms.ModelChoiceField(
        label=_("Budget line"),
        queryset=BudgetLine.objects.none(),
        empty_label=_("Choose a line"),
    )
    text = forms.CharField(
        label=_("What it is for"),
        max_length=200,
        help_text=_("For example Pizza for the resource group meeting."),
    )
    amount = CommaDecimalField(label=_("Amount (NOK)"), max_digits=10, decimal_places=2)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = BudgetLine.objects.filter(programme=programme).order_by("pk")
