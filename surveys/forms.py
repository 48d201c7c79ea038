"""The coordinators' and members' forms. The respondents' pages do not use Django forms: every
posted value goes through surveys.answering instead."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Group

from .answering import choices_for
from .models import Question, Survey
from .models.surveys import SURVEY_LANGUAGES
from .services.builder import SURVEY_TEXT_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

DEFAULT_PROMISE = _(
    "You answer anonymously. We do not ask for your name, and we do not store who you are, "
    "where you answer from or what time you answered. Your advisor cannot see your answers. "
    "You can skip any question."
)
DEFAULT_PURPOSE = _(
    "The answers help NAV and the young people in the resource group find out what works in "
    "the first meeting and what must get better. We only show numbers for groups of at least "
    "five people, so that nobody can be recognised."
)
TRANSLATED_SURVEY_FIELDS = [name for name in SURVEY_TEXT_FIELDS if name.endswith(("_nn", "_en"))]


class SurveyForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Also in"),
        choices=SURVEY_LANGUAGES[1:],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bokmål is always there. Write the other languages' texts below."),
    )

    class Meta:
        model = Survey
        fields = [
            "title",
            "slug",
            "introduction",
            "anonymity_promise",
            "purpose",
            "offices",
            "requires_code",
            "opens_on",
            "closes_on",
            "languages",
            *TRANSLATED_SURVEY_FIELDS,
        ]
        widgets = {
            "offices": forms.CheckboxSelectMultiple,
            "opens_on": DATE_INPUT,
            "closes_on": DATE_INPUT,
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "anonymity_promise": forms.Textarea(attrs={"rows": 3}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            **{
                name: forms.Textarea(attrs={"rows": 2})
                for name in TRANSLATED_SURVEY_FIELDS
                if not name.startswith("title")
            },
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offices"].queryset = programme.offices.order_by("name")
        if not self.instance.pk:
            self.initial.setdefault("anonymity_promise", str(DEFAULT_PROMISE))
            self.initial.setdefault("purpose", str(DEFAULT_PURPOSE))
            self.initial.setdefault("offices", list(programme.offices.all()))
        if self.instance.is_published:
            self.fields["slug"].disabled = True

    @property
    def main_fields(self):
        return [self[name] for name in self.Meta.fields if name not in TRANSLATED_SURVEY_FIELDS]

    @property
    def translation_fields(self):
        return [self[name] for name in TRANSLATED_SURVEY_FIELDS]


class QuestionForm(forms.ModelForm):
    options = forms.CharField(
        label=_("Choices, one on each line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for “One choice” and “Several choices”."),
    )
    options_nn = forms.CharField(
        label=_("Choices (nynorsk)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    options_en = forms.CharField(
        label=_("Choices (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    show_if = forms.ChoiceField(
        label=_("Show this question only if"),
        required=False,
        help_text=_("Leave empty to show it to everyone."),
    )

    TRANSLATED = ["text_nn", "help_text_nn", "options_nn", "text_en", "help_text_en", "options_en"]

    class Meta:
        model = Question
        fields = [
            "kind",
            "text",
            "help_text",
            "is_required",
            "allows_dont_know",
            "min_value",
            "max_value",
            "starts_new_page",
            "text_nn",
            "help_text_nn",
            "text_en",
            "help_text_en",
        ]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        # Radio buttons need no blank "---------" choice: the field is required anyway.
        self.fields["kind"].choices = Question.Kind.choices
        earlier = survey.questions.filter(kind__in=Question.CONDITION_KINDS).prefetch_related(
            "options"
        )
        if self.instance.pk:
            earlier = earlier.filter(position__lt=self.instance.position)
            options = self.instance.options.all()
            for suffix in ("", "_nn", "_en"):
                self.initial[f"options{suffix}"] = "\n".join(
                    getattr(option, f"label{suffix}") for option in options
                )
            if self.instance.show_if_question_id:
                self.initial["show_if"] = (
                    f"{self.instance.show_if_question_id}:{self.instance.show_if_value}"
                )
        self.conditions = {}
        groups = [("", "—")]
        for question in earlier.order_by("position"):
            answers = []
            for value, label in choices_for(question):
                key = f"{question.pk}:{value}"
                self.conditions[key] = (question, value)
                answers.append((key, _("the answer is “%(answer)s”") % {"answer": label}))
            groups.append((question.text, answers))
        self.fields["show_if"].choices = groups

    def clean_show_if(self):
        key = self.cleaned_data.get("show_if") or ""
        if key and key not in self.conditions:
            raise forms.ValidationError(_("Choose one of the answers in the list."))
        return key

    def service_arguments(self) -> dict:
        """The cleaned data as the builder services take it."""
        data = dict(self.cleaned_data)
        key = data.pop("show_if", "")
        question, value = self.conditions.get(key, (None, ""))
        data["show_if_question"] = question
        data["show_if_value"] = value
        return data

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if name not in self.TRANSLATED]

    @property
    def translation_fields(self):
        return [self[name] for name in self.TRANSLATED]


class ReviewCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: “I don't understand the word …” or “Ask it like this: …”"),
    )


class SendForReviewForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), empty_label=_("Choose a group")
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = programme.groups.filter(
            kind__in=[Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE]
        ).order_by("name")


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name of the round"), max_length=100)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("starts_on", timezone.localdate())


SCORE_CHOICES = [
    ("1", _("1 – Bad")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 – Very good")),
]


class CheckInForm(forms.Form):
    wellbeing = forms.TypedChoiceField(
        label=_("How are you doing?"),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    meeting_score = forms.TypedChoiceField(
        label=_("How was the meeting?"),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class ChecklistLinkForm(forms.Form):
    question = forms.ModelChoiceField(label=_("Question"), queryset=Question.objects.none())
    item = forms.ModelChoiceField(
        label=_("Checklist point it measures"),
        queryset=Question.objects.none(),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, survey: Survey, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = survey.questions.filter(
            kind=Question.Kind.SCALE
        ).order_by("position")
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda item: (
            f"{item.version.template.title} v{item.version.number}: {item.text}"
        )
