"""Meetings of a group: series, agenda, attendance, minutes, decisions and action items."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Group, Membership

# How long after a meeting its members may still answer the two-question check-in.
CHECK_IN_PERIOD = datetime.timedelta(days=14)


class MeetingSeries(models.Model):
    """A rule that generated meetings (every N days at a time); each meeting is then its own."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meeting_series")
    first_date = models.DateField(_("first meeting"))
    last_date = models.DateField(_("last meeting no later than"))
    interval_days = models.PositiveSmallIntegerField(_("days between meetings"))
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_date__gte=F("first_date")),
                name="series_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(interval_days__gte=1), name="series_interval_positive"
            ),
        ]

    def __str__(self):
        return f"{self.group}: {self.first_date} – {self.last_date}"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, *, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).exclude(
            status=Meeting.Status.CANCELLED
        )

    def past(self, *, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).exclude(
            status=Meeting.Status.CANCELLED
        )


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    class MinutesStatus(models.TextChoices):
        NONE = "none", _("Not started")
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("group")
    )
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    agenda_sent_at = models.DateTimeField(_("agenda sent"), null=True, blank=True)
    minutes_summary = models.TextField(_("general notes"), blank=True)
    minutes_status = models.CharField(
        max_length=12, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Raised on every save of the minutes, so that two coordinators editing at once are told
    # instead of one silently overwriting the other.
    minutes_version = models.PositiveIntegerField(default=0)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["group", "starts_at"])]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or str(self.group)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def has_started(self) -> bool:
        """Attendance, minutes and check-ins make sense only from the start of the meeting."""
        return self.starts_at <= timezone.now()

    @property
    def agenda_deadline(self):
        """Members may propose agenda items until this moment."""
        return self.starts_at - timezone.timedelta(days=self.group.agenda_deadline_days)

    def is_open_for_check_in(self, now=None) -> bool:
        """Members may answer the meeting check-in from its start until two weeks after."""
        now = now or timezone.now()
        return (
            not self.is_cancelled
            and self.group.kind in (Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE)
            and self.starts_at <= now <= self.ends_at + CHECK_IN_PERIOD
        )

    @property
    def minutes_are_approved(self):
        return self.minutes_status == self.MinutesStatus.APPROVED


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information")
        THEME = "theme", _("Theme")
        DISCUSSION = "discussion", _("Discussion")
        DECISION = "decision", _("Decision")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("On the agenda")
        DECLINED = "declined", _("Not taken up")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    presenter = models.CharField(_("presenter"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    document_url = models.URLField(_("link to document"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    # The standing item where the users' own matters come first (NAV's items must not crowd
    # them out).
    is_from_users = models.BooleanField(_("the users' own item"), default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACCEPTED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        NOTICE = "notice", _("Absent with notice")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="one_attendance_each"),
        ]

    def __str__(self):
        return f"{self.membership.person} – {self.get_status_display()}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    text = models.TextField(_("decision"))
    follow_up = models.TextField(
        _("what came of it"),
        blank=True,
        help_text=_("Written later, when the decision is followed up."),
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting__starts_at", "pk"]

    def __str__(self):
        return self.text[:60]


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def overdue(self, *, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class ActionItem(models.Model):
    """Who does what by when. Open items carry over: they show at every later meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="action_items")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_items", verbose_name=_("meeting")
    )
    # Set when the item follows up a decision: who, by when, done or not, with a note.
    decision = models.ForeignKey(
        Decision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("decision followed up"),
    )
    title = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("who"),
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return (
            self.status == self.Status.OPEN
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )
