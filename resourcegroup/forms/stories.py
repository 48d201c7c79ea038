from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Story, StoryTheme
from ..models.stories import INPUT_CONSENT_TEXT


class NumberCheckMixin:
    """The "I have checked" box shows only after the text was found to hold a personal number."""

    def hide_number_check(self):
        self.fields["accept_numbers"].widget = forms.HiddenInput()

    def show_number_check(self):
        self.fields["accept_numbers"].widget = forms.CheckboxInput()


class StoryForm(NumberCheckMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("How did the meeting with NAV go?"),
        choices=Story.Kind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_(
            "Tell it in your own words. Do not write names, national identity numbers or phone "
            "numbers."
        ),
    )
    accept_numbers = forms.BooleanField(
        label=_("I have checked: there is no personal number in the text"),
        required=False,
    )
    input_consent = forms.BooleanField(label=INPUT_CONSENT_TEXT, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.hide_number_check()


class StoryConsentForm(forms.Form):
    agrees = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Tick the box if you agree, or go back to your story.")},
    )


class StoryCurateForm(NumberCheckMixin, forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=StoryTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_themes = forms.CharField(
        label=_("New themes"),
        required=False,
        max_length=500,
        help_text=_("Separate several with commas."),
    )
    anonymised_text = forms.CharField(
        label=_("Anonymised version"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Without names, places or details that could tell who it is. Only this version may "
            "leave the group."
        ),
    )
    accept_numbers = forms.BooleanField(
        label=_("I have checked: there is no personal number in the text"),
        required=False,
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.hide_number_check()
        self.fields["themes"].queryset = StoryTheme.objects.filter(programme=programme).order_by(
            "name"
        )


class ThemeInputForm(forms.Form):
    title = forms.CharField(label=_("Title of the input"), max_length=200)
    description = forms.CharField(
        label=_("What the users said"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=5000,
        help_text=_("Build it on the anonymised versions only."),
    )
