"""Reminders and notices: what was sent to whom (the run-once log), and how people want them."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Group


class NotificationKind(models.TextChoices):
    """Every kind of reminder or notice; each person chooses a channel per kind."""

    MEETING_INVITATION = "meeting_invitation", _("Invitation to a meeting, with the agenda")
    MEETING_REMINDER = "meeting_reminder", _("Reminder the day before a meeting")
    AGENDA_DEADLINE = "agenda_deadline", _("Last chance to propose agenda items")
    ACTION_ITEM_DUE = "action_item_due", _("My action items that are due soon")
    ACTION_ITEM_OVERDUE = "action_item_overdue", _("My action items that are overdue")
    MINUTES_APPROVAL = "minutes_approval", _("Minutes waiting for approval")
    TIMESHEET_SUBMIT = "timesheet_submit", _("Timesheet to send in at the end of the month")
    TIMESHEET_APPROVE = "timesheet_approve", _("Timesheets waiting for approval")
    SURVEY_CLOSING = "survey_closing", _("Surveys that close soon")
    INPUT_FEEDBACK = "input_feedback", _("Inputs still without feedback")
    INPUT_DUE = "input_due", _("Inputs I must answer that are due soon")
    INPUT_OVERDUE = "input_overdue", _("Inputs I must answer that are overdue")
    INPUT_ASSIGNED = "input_assigned", _("Inputs given to me to answer")
    INPUT_ANSWERED = "input_answered", _("Answers to the inputs my group raised")
    ABSENCE_FLAG = "absence_flag", _("Members who have been away many times in a row")
    STEERING_REPORT = "steering_report", _("Report before the steering group meeting")
    TRAINING_REFRESHER = "training_refresher", _("Training refreshers that are due")


class NotificationChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")
    NONE = "none", _("Nothing")


class SentNotification(models.Model):
    """One reminder to one person for one occasion. The unique constraint is the claim.

    A sweep inserts the row (status claimed) and commits BEFORE it sends; a second sweep, or
    a restarted worker, fails on the constraint and skips. After sending the row is marked
    sent; if sending raised an error the row is deleted so that the next sweep tries again.
    A worker killed between the commit and the send leaves the row claimed: that reminder is
    never sent (at most once, by choice: a missed reminder is better than the same one twice).
    """

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent: the person chose nothing")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sent_notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    # What the reminder is about, e.g. "meeting:12" or "action_item:7:overdue".
    occasion_key = models.CharField(_("occasion"), max_length=120)
    channel = models.CharField(
        _("channel"), max_length=10, choices=NotificationChannel.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CLAIMED
    )
    claimed_at = models.DateTimeField(_("claimed"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent notification")
        verbose_name_plural = _("sent notifications")
        ordering = ["-claimed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "occasion_key"], name="one_notification_per_occasion"
            ),
        ]
        indexes = [models.Index(fields=["kind", "claimed_at"])]

    def __str__(self):
        return f"{self.recipient} – {self.kind} – {self.occasion_key}"


class NotificationPreference(models.Model):
    """A person's channel for one kind; no row means email."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    channel = models.CharField(
        _("how"),
        max_length=10,
        choices=NotificationChannel.choices,
        default=NotificationChannel.EMAIL,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self):
        return f"{self.person} – {self.kind}: {self.channel}"


class GroupReminderSettings(models.Model):
    """When a group's reminders go out; a group without a row uses the defaults."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="reminder_settings", verbose_name=_("group")
    )
    day_before_at = models.TimeField(
        _("time of the reminder the day before"),
        default=datetime.time(12, 0),
        help_text=_("Members get the reminder at this time on the day before the meeting."),
    )
    invitation_days_before = models.PositiveSmallIntegerField(
        _("days before the meeting the invitation goes out"),
        default=7,
        help_text=_("If nobody has sent the agenda by then, the invitation is sent by itself."),
    )

    class Meta:
        verbose_name = _("reminder settings for a group")
        verbose_name_plural = _("reminder settings for groups")

    def __str__(self):
        return str(self.group)
