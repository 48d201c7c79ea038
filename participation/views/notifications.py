"""The person's own choice of reminders: email, text message or nothing, per kind.

Linked from every reminder email. Not tied to a programme: the choice holds everywhere.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..access import access_group, access_programme, require_manage
from ..forms import add_service_errors
from ..models import (
    Group,
    GroupReminderSettings,
    Membership,
    NotificationChannel,
    NotificationKind,
    User,
)
from ..services.notifications import (
    group_reminder_settings_save,
    notification_preferences,
    notification_preferences_set,
)

Kind = NotificationKind
FOR_EVERYONE = [
    Kind.MEETING_INVITATION,
    Kind.MEETING_REMINDER,
    Kind.AGENDA_DEADLINE,
    Kind.ACTION_ITEM_DUE,
    Kind.ACTION_ITEM_OVERDUE,
    Kind.INPUT_ANSWERED,
    Kind.TRAINING_REFRESHER,
]
# Those an input can be given to: coordinators, office leaders and advisors.
FOR_INPUT_OWNERS = [Kind.INPUT_ASSIGNED, Kind.INPUT_DUE, Kind.INPUT_OVERDUE]
FOR_COORDINATORS = [
    Kind.MINUTES_APPROVAL,
    Kind.INPUT_FEEDBACK,
    Kind.ABSENCE_FLAG,
    Kind.TIMESHEET_APPROVE,
    Kind.SURVEY_CLOSING,
]


def kinds_for(user: User) -> list[str]:
    """The kinds this person can get, from their roles (three small queries)."""
    kinds = list(FOR_EVERYONE)
    memberships = Membership.objects.current().filter(person=user)
    if memberships.filter(role=Membership.Role.PAID_REPRESENTATIVE).exists():
        kinds.append(Kind.TIMESHEET_SUBMIT)
    if (
        user.coordinated_programmes.exists()
        or memberships.filter(role__in=[Membership.Role.LEADER, Membership.Role.ADVISOR]).exists()
    ):
        kinds.extend(FOR_INPUT_OWNERS)
    if user.coordinated_programmes.exists():
        kinds.extend(FOR_COORDINATORS)
    if (
        user.coordinated_programmes.exists()
        or memberships.filter(group__kind=Group.Kind.STEERING).exists()
    ):
        kinds.append(Kind.STEERING_REPORT)
    return kinds


class NotificationPreferencesForm(forms.Form):
    def __init__(self, *args, kinds, person, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Kind.choices)
        choices = NotificationChannel.choices
        if not person.phone.strip():
            # Without a mobile number, SMS cannot be chosen (the page says why).
            choices = [c for c in choices if c[0] != NotificationChannel.SMS]
        for kind in kinds:
            self.fields[kind] = forms.ChoiceField(
                label=labels[kind], choices=choices, widget=forms.RadioSelect
            )


@login_required
def notification_preferences_page(request):
    person = request.user
    kinds = kinds_for(person)
    current = notification_preferences(person=person)
    form = NotificationPreferencesForm(
        request.POST or None,
        kinds=kinds,
        person=person,
        initial={kind: current[kind] for kind in kinds},
    )
    if request.method == "POST" and form.is_valid():
        try:
            notification_preferences_set(person=person, channels=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your choices are saved."))
            return redirect("notification_preferences")
    return render(
        request,
        "participation/notifications/preferences.html",
        {"form": form, "has_phone": bool(person.phone.strip())},
    )


class GroupReminderSettingsForm(forms.Form):
    day_before_at = forms.TimeField(
        label=gettext_lazy("Time of the reminder the day before"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": gettext_lazy("Write the time as hh:mm, for example 12:00.")},
    )
    invitation_days_before = forms.IntegerField(
        label=gettext_lazy("Days before the meeting the invitation goes out"),
        help_text=gettext_lazy(
            "If nobody has sent the agenda by then, the invitation is sent by itself."
        ),
        min_value=1,
        max_value=30,
        error_messages={
            "invalid": gettext_lazy("Write a whole number of days."),
            "min_value": gettext_lazy("Choose a number of days from 1 to 30."),
            "max_value": gettext_lazy("Choose a number of days from 1 to 30."),
        },
    )


@login_required
def group_reminders(request, slug):
    """Coordinators: when each group's reminders go out."""
    access = access_programme(request.user, slug)
    require_manage(access)
    groups = list(access.programme.groups.order_by("kind", "name"))
    stored = {s.group_id: s for s in GroupReminderSettings.objects.filter(group__in=groups)}
    defaults = reminder_defaults()
    rows = []
    for group in groups:
        current = stored.get(group.pk)
        rows.append(
            {
                "group": group,
                "day_before_at": current.day_before_at if current else defaults["day_before_at"],
                "invitation_days_before": current.invitation_days_before
                if current
                else defaults["invitation_days_before"],
            }
        )
    return render(
        request,
        "participation/notifications/group_reminders.html",
        {"access": access, "programme": access.programme, "rows": rows},
    )


@login_required
def group_reminders_edit(request, slug, group_id):
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    current = GroupReminderSettings.objects.filter(group=group).first()
    initial = (
        {
            "day_before_at": current.day_before_at,
            "invitation_days_before": current.invitation_days_before,
        }
        if current
        else reminder_defaults()
    )
    form = GroupReminderSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            group_reminder_settings_save(group=group, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The reminder times are saved."))
            return redirect("group_reminders", slug=slug)
    return render(
        request,
        "participation/notifications/group_reminders_edit.html",
        {"access": access, "programme": access.programme, "group": group, "form": form},
    )


def reminder_defaults() -> dict:
    value = getattr(settings, "MEDVIRK_REMINDER_DAY_BEFORE_AT", "12:00")
    return {
        "day_before_at": datetime.time.fromisoformat(value) if isinstance(value, str) else value,
        "invitation_days_before": getattr(settings, "MEDVIRK_INVITATION_DAYS_BEFORE", 7),
    }


urlpatterns = [
    path("p/<slug:slug>/reminders/", group_reminders, name="group_reminders"),
    path(
        "p/<slug:slug>/reminders/<int:group_id>/",
        group_reminders_edit,
        name="group_reminders_edit",
    ),
    path(
        "account/notifications/",
        notification_preferences_page,
        name="notification_preferences",
    ),
]
