"""Forms for inputs (innspill). The rules live in services/inputs.py; these forms parse what was
posted, offer only the programme's own choices, and show the service's messages by the fields."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..models import Group, Input, Meeting, Membership, Office, Programme, User
from ..selectors.inputs import input_owner_candidates

# How far back the meeting list reaches: an input is registered soon after the meeting.
MEETINGS_BACK = datetime.timedelta(days=365)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        starts = formats.date_format(timezone.localtime(obj.starts_at), "DATE_FORMAT")
        return f"{obj.group.name} – {starts}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name or obj.email


def people_who_can_follow_up(programme: Programme):
    """Who an input can be given to by name: coordinators, office leaders and advisors."""
    return input_owner_candidates(programme=programme)


def _office_field():
    return forms.ModelChoiceField(
        label=_("Office following it up"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("No office yet"),
        error_messages={"invalid_choice": _("Choose an office from the list.")},
    )


def _group_field():
    return forms.ModelChoiceField(
        label=_("Group following it up"),
        queryset=Group.objects.none(),
        required=False,
        empty_label=_("No group"),
        help_text=_("Its chair, secretary, office leaders and advisors can answer."),
        error_messages={"invalid_choice": _("Choose a group from the list.")},
    )


def _person_field():
    return PersonChoiceField(
        label=_("Person following it up"),
        queryset=User.objects.none(),
        help_text=_(
            "A coordinator, an office leader or an advisor. Without a person, the office's "
            "leader answers."
        ),
        required=False,
        empty_label=_("No person yet"),
        error_messages={"invalid_choice": _("Choose a person from the list.")},
    )


class InputFilterForm(forms.Form):
    """The list's filter (GET). A value that does not fit is ignored, not complained about."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Input.Status.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    overdue = forms.BooleanField(
        label=_("Only inputs with feedback overdue"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "status": data.get("status", ""),
            "overdue_only": bool(data.get("overdue", False)),
        }


class InputCreateForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A short name for the input, for example “Letters are hard to understand”."),
        error_messages={"required": _("Write a short title.")},
    )
    description = forms.CharField(
        label=_("What the users said"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In the users' own words. No names, no national identity numbers."),
    )
    source = forms.ChoiceField(
        label=_("Where it came from"),
        choices=Input.Source.choices,
        initial=Input.Source.MEETING,
        error_messages={"invalid_choice": _("Choose where the input came from.")},
    )
    group = forms.ModelChoiceField(
        label=_("From group"),
        queryset=Group.objects.none(),
        empty_label=_("Choose a group"),
        error_messages={
            "required": _("Choose the group the input came from."),
            "invalid_choice": _("Choose a group from the list."),
        },
    )
    meeting = MeetingChoiceField(
        label=_("Raised in meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not from a meeting"),
        help_text=_(
            "Meetings that have taken place in the last 12 months, newest first. "
            "The input gets the meeting's date."
        ),
        error_messages={"invalid_choice": _("Choose a meeting from the list.")},
    )
    raised_on = forms.DateField(
        label=_("Raised on"),
        required=False,
        initial=timezone.localdate,
        widget=DateInput(),
        help_text=_("Not needed when you choose a meeting: the meeting's date is used."),
        error_messages={
            "required": _("Give the date the input was raised."),
            "invalid": _("Write the date as day.month.year, for example 3.3.2026."),
        },
    )
    assigned_office = _office_field()
    assigned_group = _group_field()
    assigned_to = _person_field()

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["group"].queryset = programme.groups.order_by("kind", "name")
        self.fields["meeting"].queryset = (
            # Only meetings that have taken place: an input comes up in a meeting held.
            Meeting.objects.filter(
                group__programmes=programme,
                starts_at__gte=now - MEETINGS_BACK,
                starts_at__lte=now,
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("group")
            .order_by("-starts_at")
        )
        self.fields["assigned_office"].queryset = programme.offices.order_by("name")
        self.fields["assigned_group"].queryset = programme.groups.order_by("kind", "name")
        self.fields["assigned_to"].queryset = people_who_can_follow_up(programme)
        _people_by_role(self.fields["assigned_to"], programme)
        # Dates typed by hand in browsers without a date picker.
        self.fields["raised_on"].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]

    def clean_raised_on(self):
        raised_on = self.cleaned_data["raised_on"]
        if raised_on and raised_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return raised_on

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting")
        if meeting is not None:
            # The input came up in that meeting, so that is its date.
            cleaned["raised_on"] = timezone.localdate(meeting.starts_at)
        elif not cleaned.get("raised_on") and "raised_on" not in self.errors:
            self.add_error("raised_on", _("Give the date the input was raised."))
        return cleaned


def _people_by_role(field: forms.ModelChoiceField, programme: Programme) -> None:
    """The person list grouped under coordinators and each group, each person once, so that a
    long list is easy to find one's way in. Two queries."""
    people = list(field.queryset)
    coordinators = set(programme.coordinators.values_list("pk", flat=True))
    group_of = {}
    for person_id, group_name in (
        Membership.objects.current()
        .filter(group__programmes=programme, person__in=[p.pk for p in people])
        .order_by("group__kind", "group__name")
        .values_list("person_id", "group__name")
    ):
        group_of.setdefault(person_id, group_name)
    sections: dict[str, list] = {}
    for person in people:
        heading = str(_("Coordinators")) if person.pk in coordinators else group_of.get(person.pk)
        sections.setdefault(heading or str(_("Others")), []).append(
            (person.pk, field.label_from_instance(person))
        )
    field.choices = [("", field.empty_label), *sections.items()]


class InputStatusForm(forms.Form):
    """Move an input to a later step. Only the later steps are offered; the service refuses
    any other (a crafted post) with its own clear message."""

    to_status = forms.ChoiceField(
        label=_("Next step"),
        choices=Input.Status.choices,
        error_messages={
            "required": _("Choose the next step."),
            "invalid_choice": _("Choose one of the steps in the list."),
        },
    )
    feedback = forms.CharField(
        label=_("Feedback to the users"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed before the input is done or declined. Plain words for young users."),
    )
    decline_reason = forms.CharField(
        label=_("Why it was declined"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you decline the input."),
    )
    note = forms.CharField(
        label=_("Note for the history"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional. Shown with this step in the input's history."),
    )

    def __init__(self, *args, input: Input, **kwargs):
        super().__init__(*args, **kwargs)
        current = Input.STATUS_ORDER[input.status]
        later = [
            (value, label)
            for value, label in Input.Status.choices
            if Input.STATUS_ORDER[value] > current
        ]
        # The select offers the later steps only; validation accepts every status so that an
        # earlier one reaches the service and is refused with its plain explanation.
        self.fields["to_status"].widget.choices = later
        if input.has_feedback:
            self.fields["feedback"].help_text = _("Leave empty to keep the feedback already given.")


class InputFeedbackForm(forms.Form):
    feedback = forms.CharField(
        label=_("Feedback to the users"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What NAV did with the input, in plain words for the young users."),
    )


class InputAssignForm(forms.Form):
    """Give the input to an office, a group and/or a person, with the date the answer is due."""

    assigned_office = _office_field()
    assigned_group = _group_field()
    assigned_to = _person_field()
    due_on = forms.DateField(
        label=_("Answer due"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave as it is to keep the programme's deadline for answering inputs."),
        error_messages={"invalid": _("Write the date as day.month.year, for example 3.3.2026.")},
    )
    reason = forms.CharField(
        label=_("Why the change (optional)"),
        required=False,
        max_length=500,
        help_text=_("Kept in the input's history, and told to the new owner."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_office"].queryset = programme.offices.order_by("name")
        self.fields["assigned_group"].queryset = programme.groups.order_by("kind", "name")
        self.fields["assigned_to"].queryset = people_who_can_follow_up(programme)
        _people_by_role(self.fields["assigned_to"], programme)
        self.fields["due_on"].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
