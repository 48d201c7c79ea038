from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Office, Programme
from participation.privacy import personal_number_warning

from .models import WEEKDAYS, Judgement, Offer, OfferInput
from .services import OFFER_FIELDS, municipalities_of

DISTANCES = (
    ("", _("Any distance")),
    ("0", _("In the same municipality")),
    ("15", _("Up to 15 km")),
    ("30", _("Up to 30 km")),
    ("50", _("Up to 50 km")),
)


def _municipality_choices(programme: Programme, empty_label):
    return [("", empty_label)] + [(name, name) for name in municipalities_of(programme)]


class OfferFilterForm(forms.Form):
    """The advisor's search: a GET form, every field optional."""

    office = forms.ModelChoiceField(
        label=_("The young person's NAV office"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("Any office"),
    )
    open = forms.BooleanField(
        label=_("Only offers open to this office's young people"), required=False
    )
    kind = forms.ChoiceField(label=_("Type"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    day = forms.ChoiceField(label=_("Day"), required=False, choices=[("", _("Any day")), *WEEKDAYS])
    km = forms.TypedChoiceField(
        label=_("Distance from the office's municipality"),
        required=False,
        choices=DISTANCES,
        coerce=int,
        empty_value=None,
        help_text=_("Road distance between the municipality centres, roughly."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = programme.offices.order_by("name")
        self.fields["kind"].choices = [("", _("Any type")), *Offer.Kind.choices]
        self.fields["municipality"].choices = _municipality_choices(
            programme, _("Any municipality")
        )
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-check-input" if name == "open" else "form-select"
        self.fields["km"].widget.attrs["aria-describedby"] = "km-help"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class OfferForm(forms.ModelForm):
    """An entry of the register; the service checks what spans fields."""

    weekdays = forms.MultipleChoiceField(
        label=_("Days"), choices=WEEKDAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    municipality = forms.ChoiceField(label=_("Municipality"))

    class Meta:
        model = Offer
        # The keeper's fields as the service accepts them, then who keeps it and who may use it.
        fields = [*OFFER_FIELDS, "open_to_offices", "office"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 2}),
            "public_transport": forms.Textarea(attrs={"rows": 2}),
            "how_to_start": forms.Textarea(attrs={"rows": 2}),
            "cross_border_terms": forms.Textarea(attrs={"rows": 2}),
            "openness": forms.RadioSelect,
            "open_to_offices": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, programme: Programme, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _municipality_choices(programme, "—")
        # A prompt in words, not Django's "---------".
        self.fields["kind"].choices = [("", _("Choose a type")), *Offer.Kind.choices]
        self.fields["office"].queryset = offices
        self.fields["office"].empty_label = None
        self.fields["open_to_offices"].queryset = programme.offices.order_by("name")
        if self.instance.pk:
            self.initial["weekdays"] = self.instance.weekday_codes

    def clean_weekdays(self):
        chosen = set(self.cleaned_data["weekdays"])
        return ",".join(code for code, _label in WEEKDAYS if code in chosen)

    def clean_description(self):
        return _refuse_numbers(self.cleaned_data["description"])

    def clean_needs(self):
        return _refuse_numbers(self.cleaned_data["needs"])

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("office")
        data.pop("open_to_offices")
        return data

    def _post_clean(self):
        # The service validates the whole entry (with the programme it belongs to); the
        # ModelForm's own model validation would run before the programme is set.
        pass


def _refuse_numbers(text: str) -> str:
    # The register is read by many: a young person's number typed by habit must not go in.
    warning = personal_number_warning(text)
    if warning:
        raise forms.ValidationError(warning)
    return text


class CrossBorderUseForm(forms.Form):
    office = forms.ModelChoiceField(
        label=_("Young people from"), queryset=Office.objects.none(), empty_label=None
    )
    month = forms.DateField(
        label=_("A day in the month"),
        widget=DateInput(),
        error_messages={"invalid": _("Enter a date, for example 01.03.2026.")},
    )
    young_people = forms.IntegerField(label=_("Number of young people"), min_value=1, max_value=999)

    def __init__(self, *args, offer: Offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offer.programme.offices.exclude(
            municipality=offer.municipality
        ).order_by("name")
        self.initial.setdefault("month", timezone.localdate().replace(day=1))


class OfferInputForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why"), widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title of the input"), max_length=200)
    description = forms.CharField(
        label=_("What should NAV know?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names or numbers that can identify a young person."),
    )

    def __init__(self, *args, offer: Offer | None, **kwargs):
        super().__init__(*args, **kwargs)
        if offer is None:
            self.fields["reason"].choices = [
                (OfferInput.Reason.MISSING, OfferInput.Reason.MISSING.label)
            ]
            self.fields["reason"].initial = OfferInput.Reason.MISSING
        else:
            self.fields["reason"].choices = [
                (value, label)
                for value, label in OfferInput.Reason.choices
                if value != OfferInput.Reason.MISSING
            ]


class MissingOfferForm(OfferInputForm):
    kind = forms.ChoiceField(label=_("Type of offer that is missing"), required=False)
    municipality = forms.ChoiceField(label=_("Where it is missing"), required=False)

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, offer=None, **kwargs)
        self.fields["kind"].choices = [("", "—"), *Offer.Kind.choices]
        self.fields["municipality"].choices = _municipality_choices(
            programme, _("The whole region")
        )


SCALE = [(str(n), str(n)) for n in range(1, 6)]


class JudgementForm(forms.Form):
    """The young person's few questions; the labels on the page say what 1 and 5 mean."""

    usefulness = forms.TypedChoiceField(
        label=_("How useful is the offer for you?"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    welcome = forms.TypedChoiceField(
        label=_("How welcome did you feel there?"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    recommend = forms.ChoiceField(
        label=_("Would you recommend it to others your age?"),
        choices=Judgement.Recommend.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the answers.")},
    )
    comment = forms.CharField(
        label=_("Anything else? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not write your name or phone number. Numbers like that are removed."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_("Semicolon or comma between columns, first line with the headings."),
    )
    text = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > 2_000_000:
                raise forms.ValidationError(_("The file is too big: at most 2 MB."))
            raw = upload.read()
            try:
                data["text"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    data["text"] = raw.decode("cp1252")
                except UnicodeDecodeError as error:
                    raise forms.ValidationError(
                        _("We cannot read the file. Save it as CSV (UTF-8) and try again.")
                    ) from error
        if not data.get("text"):
            self.add_error("file", _("Choose a CSV file."))
        return data
