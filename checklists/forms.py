from django import forms
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Office, Programme, User

from .models import ChecklistItem, ChecklistVersion


class DateInput(forms.DateInput):
    """A native date picker; it needs the ISO date in its value."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PointCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose label target is the first box, so the error summary can link to it."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class ChecklistUseForm(forms.Form):
    """Recording a first meeting: office, date, the points covered and an optional note."""

    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of your own offices.")},
    )
    met_on = forms.DateField(
        label=_("Date of the first meeting"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date of the first meeting."),
            "invalid": _("Enter a date, for example 14.03.2025."),
        },
    )
    items_covered = forms.ModelMultipleChoiceField(
        label=_("Points you covered"),
        queryset=ChecklistItem.objects.none(),
        required=False,
        widget=PointCheckboxes,
    )
    note = forms.CharField(
        label=_("What was hard? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Write about the meeting, not the person: no names, national identity numbers, "
            "dates of birth or anything else that can identify the young person."
        ),
    )

    def __init__(
        self,
        *args,
        programme: Programme,
        version: ChecklistVersion,
        own_office_ids: set[int],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # Any office of the programme is accepted by the field, so that the service can say
        # plainly why another office is refused; the list offers only the advisor's own.
        offices = programme.offices.order_by("name")
        self.fields["office"].queryset = offices
        self.fields["office"].choices = [
            (office.pk, office.name) for office in offices if office.pk in own_office_ids
        ]
        self.fields["items_covered"].queryset = version.items.order_by("order", "pk")
        self.fields["items_covered"].help_text = _(
            "Tick what you went through. Nothing is a fail: the figures show the checklist "
            "in use, not how well anyone did their job."
        )


class PeriodForm(forms.Form):
    """The period of the adoption figures."""

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end of the period must be after its start."))
        return data


def _co_author_choices(programme: Programme):
    return (
        User.objects.filter(
            memberships__group__programmes=programme,
            memberships__group__kind=Group.Kind.RESOURCE,
        )
        .distinct()
        .order_by("display_name")
    )


class TemplateCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the checklist exists and how to use it, in a few sentences."),
    )
    co_authors = forms.ModelMultipleChoiceField(
        label=_("Written by (co-authors)"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The resource-group members who wrote it. They can always read it."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_authors"].queryset = _co_author_choices(programme)


class TemplateUpdateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    co_authors = TemplateCreateForm.base_fields["co_authors"]

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_authors"].queryset = _co_author_choices(programme)


class VersionForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    change_log = forms.CharField(
        label=_("What changed and why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed before a new version is published. Advisors read it."),
    )


class ItemForm(forms.Form):
    text = forms.CharField(label=_("Point"), max_length=300)
    help_text = forms.CharField(
        label=_("Short help"),
        max_length=500,
        required=False,
        help_text=_("One sentence the advisor sees under the point."),
    )
    category = forms.CharField(
        label=_("Category"),
        max_length=100,
        required=False,
        help_text=_("For example: Rights and duties."),
    )
    order = forms.IntegerField(label=_("Place in the list"), min_value=0, max_value=999)

    def __init__(self, *args, with_order: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_order:
            del self.fields["order"]
