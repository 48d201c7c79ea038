"""Forms for planning meetings, the agenda, attendance and minutes. They parse; services decide."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ActionItem, AgendaItem, Attendance, Group, Meeting
from ..services.meetings import local_datetime


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _textarea(rows):
    return forms.Textarea(attrs={"rows": rows})


class MeetingForm(forms.Form):
    """One meeting: a day with a start and an end time, in Oslo time."""

    date = forms.DateField(label=_("Date"), widget=_date_input())
    start_time = forms.TimeField(label=_("Starts at"), widget=_time_input())
    end_time = forms.TimeField(label=_("Ends at"), widget=_time_input())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_url = forms.URLField(
        label=_("Video link"),
        assume_scheme="https",
        required=False,
        help_text=_("For those who join from home. Leave empty if there is none."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the group's name."),
    )

    @staticmethod
    def initial_for_group(group: Group) -> dict:
        # Any day will do to add the length; a meeting past midnight gets no end prefilled.
        start = datetime.datetime.combine(datetime.date(2000, 1, 1), group.meeting_time)
        end = start + datetime.timedelta(minutes=group.meeting_duration_minutes)
        return {
            "start_time": group.meeting_time,
            "end_time": end.time() if end.date() == start.date() else None,
            "place": group.default_place,
        }

    @staticmethod
    def initial_for_meeting(meeting: Meeting) -> dict:
        starts_at = timezone.localtime(meeting.starts_at)
        return {
            "date": starts_at.date(),
            "start_time": starts_at.time(),
            "end_time": timezone.localtime(meeting.ends_at).time(),
            "place": meeting.place,
            "video_url": meeting.video_url,
            "title": meeting.title,
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error(
                "end_time", _("The meeting must end after it starts. Check the end time.")
            )
        return cleaned

    def meeting_values(self) -> dict:
        """What services.meeting_create and meeting_update take."""
        data = self.cleaned_data
        return {
            "starts_at": local_datetime(data["date"], data["start_time"]),
            "ends_at": local_datetime(data["date"], data["end_time"]),
            "place": data["place"],
            "video_url": data["video_url"],
            "title": data["title"],
        }


class MeetingSeriesForm(forms.Form):
    first_date = forms.DateField(label=_("First meeting"), widget=_date_input())
    last_date = forms.DateField(
        label=_("Last meeting no later than"),
        widget=_date_input(),
        help_text=_("A series must have an end. You can plan a new one later."),
        error_messages={
            "required": _("Choose a last date. A series with no end cannot be planned.")
        },
    )
    interval_days = forms.IntegerField(
        label=_("Days between meetings"),
        min_value=1,
        max_value=365,
        help_text=_("14 for every other week, 21 for every third week."),
    )
    start_time = forms.TimeField(label=_("Starts at"), widget=_time_input())
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=1, max_value=24 * 60
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    @staticmethod
    def initial_for_group(group: Group) -> dict:
        return {
            "interval_days": group.meeting_interval_days,
            "start_time": group.meeting_time,
            "duration_minutes": group.meeting_duration_minutes,
            "place": group.default_place,
        }

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_date"), cleaned.get("last_date")
        if first and last and last < first:
            self.add_error("last_date", _("The last date must be after the first."))
        return cleaned


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        max_length=300,
        widget=_textarea(2),
        help_text=_("The members see this. A few words are enough."),
    )


class AgendaProposalForm(forms.Form):
    """A member's proposal: a title and a few words."""

    title = forms.CharField(label=_("What do you want to talk about?"), max_length=200)
    description = forms.CharField(
        label=_("A few words about it (optional)"), required=False, widget=_textarea(2)
    )


class AgendaItemForm(forms.Form):
    # The fields whose text would be lost if another button on the meeting page dropped it.
    TEXT_FIELDS = ("title", "presenter", "description", "document_url")

    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.DISCUSSION
    )
    presenter = forms.CharField(label=_("Presenter"), max_length=150, required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=_textarea(2))
    document_url = forms.URLField(
        label=_("Link to document"), required=False, assume_scheme="https"
    )


STATUS_FIELD = re.compile(r"status_([0-9]{1,18})")


class AttendanceForm(forms.Form):
    """Three choices for each member on one screen, or everyone present at once."""

    EVERYONE_PRESENT = "everyone_present"

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for membership in members:
            self.fields[f"status_{membership.pk}"] = forms.ChoiceField(
                label=membership.person.display_name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                required=False,
            )

    @property
    def is_everyone_present(self) -> bool:
        return self.EVERYONE_PRESENT in self.data

    def rows(self):
        return [(m, self[f"status_{m.pk}"]) for m in self.members]

    def clean(self):
        cleaned = super().clean()
        if not self.is_everyone_present and not self.statuses():
            raise forms.ValidationError(_("Choose present or absent for at least one person."))
        return cleaned

    def statuses(self) -> dict[int, str]:
        """Membership id → status for everything posted, including ids that are not on the
        list: services.attendance_record refuses those, and the form says so."""
        if self.is_everyone_present:
            return {m.pk: Attendance.Status.PRESENT for m in self.members}
        statuses = {}
        for key in self.data:
            match = STATUS_FIELD.fullmatch(key)
            if match is None:
                continue
            value = (
                self.cleaned_data.get(key) if key in self.fields else str(self.data.get(key, ""))
            )
            if value:
                statuses[int(match.group(1))] = value
        return statuses


class MinutesForm(forms.Form):
    """General notes and a text per agenda item; `version` detects a save by someone else."""

    version = forms.IntegerField(label=_("Version"), min_value=0, widget=forms.HiddenInput)
    summary = forms.CharField(
        label=_("General notes"),
        required=False,
        widget=_textarea(4),
        help_text=_("Write so that someone who was not there understands."),
    )

    def __init__(self, *args, meeting: Meeting, agenda_items, **kwargs):
        kwargs.setdefault(
            "initial", {"version": meeting.minutes_version, "summary": meeting.minutes_summary}
        )
        super().__init__(*args, **kwargs)
        self.agenda_items = agenda_items
        for item in agenda_items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=f"{item.number}. {item.title}",
                required=False,
                widget=_textarea(4),
                initial=item.minutes,
            )

    def item_minutes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.agenda_items}

    def minutes_values(self) -> dict:
        """What services.minutes_save takes."""
        return {
            "version": self.cleaned_data["version"],
            "summary": self.cleaned_data["summary"],
            "item_minutes": self.item_minutes(),
        }

    def show_conflict(self, meeting: Meeting) -> None:
        """After someone else saved: keep this person's text in the fields, show the other
        text beside each one, and take the new version so that the next save is deliberate."""
        theirs = {"summary": meeting.minutes_summary}
        stored = {item.pk: item.minutes for item in meeting.agenda_items.all()}
        for item in self.agenda_items:
            theirs[f"item_{item.pk}"] = stored.get(item.pk, "")
        self.theirs = theirs
        data = self.data.copy()
        data["version"] = str(meeting.minutes_version)
        self.data = data

    def rows(self):
        """(field, the other editor's text or None) for the template."""
        theirs = getattr(self, "theirs", {})
        return [(field, theirs.get(field.name)) for field in self.visible_fields()]


class _OptionalAddForm(forms.Form):
    """A form on the minutes page that adds something only if it was filled in, or because
    its own button was pressed (`wanted`), so the other buttons never throw it away."""

    main_field = ""

    def __init__(self, *args, wanted: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.main_field].required = wanted

    def values(self) -> dict | None:
        """What the service takes, or None when nothing was written."""
        if not self.cleaned_data.get(self.main_field, "").strip():
            return None
        return dict(self.cleaned_data)


class DecisionForm(_OptionalAddForm):
    main_field = "text"
    text = forms.CharField(label=_("What was decided?"), widget=_textarea(2))
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("Not linked to an item"),
    )

    def __init__(self, *args, agenda_items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = agenda_items


class ActionItemForm(_OptionalAddForm):
    main_field = "title"
    title = forms.CharField(label=_("What is to be done?"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Who does it?"), queryset=None, required=False, empty_label=_("Not decided yet")
    )
    due_on = forms.DateField(label=_("By when?"), required=False, widget=_date_input())

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class ActionItemStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionItem.Status.choices)
    note = forms.CharField(max_length=2000, required=False)


class DecisionFollowUpForm(forms.Form):
    """Who follows a decision up, by when, and what they do (on the meeting's page)."""

    title = forms.CharField(label=_("What is to be done?"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Who does it?"), queryset=None, required=False, empty_label=_("Not decided yet")
    )
    due_on = forms.DateField(label=_("By when?"), required=False, widget=_date_input())

    def __init__(self, *args, owners, owner_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        if owner_choices is not None:
            # One page shows a form per decision: read the people once, not once a form.
            self.fields["owner"].choices = owner_choices

    def owner_choices(self) -> list:
        # iter() first: list() of the field's choices would count them in a query of its own.
        return list(iter(self.fields["owner"].choices))
