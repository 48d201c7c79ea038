"""Inputs (innspill) from the users and their way to an answer ("you said — we did")."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .meetings import Meeting
from .people import Group, Office, Programme


class InputQuerySet(models.QuerySet):
    def waiting_for_feedback(self):
        return self.filter(feedback_at__isnull=True)

    def feedback_overdue(self, *, today=None):
        """Inputs without feedback past the programme's deadline (flagged on the dashboard)."""
        today = today or timezone.localdate()
        return self.waiting_for_feedback().filter(
            feedback_due_on__lt=today,
        )


class Input(models.Model):
    class Source(models.TextChoices):
        MEETING = "meeting", _("Raised in a meeting")
        STORY = "story", _("From a story theme")
        SURVEY = "survey", _("From a survey")
        DIRECT = "direct", _("Given directly")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        CONSIDERING = "considering", _("Being considered")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")

    # The way forward; done and declined both end the way. Moving back is refused.
    STATUS_ORDER = {
        Status.RECEIVED: 0,
        Status.CONSIDERING: 1,
        Status.IN_PROGRESS: 2,
        Status.DONE: 3,
        Status.DECLINED: 3,
    }

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="inputs", verbose_name=_("programme")
    )
    group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("from group"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("raised in meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the users said"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    raised_on = models.DateField(_("raised"), default=timezone.localdate)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_office = models.ForeignKey(
        Office,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("office following it up"),
    )
    # Or a whole group owns it (the project group, say): its chair, secretary and staff answer.
    assigned_group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_inputs",
        verbose_name=_("group following it up"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inputs",
        verbose_name=_("person following it up"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    decline_reason = models.TextField(_("why it was declined"), blank=True)
    feedback = models.TextField(
        _("feedback to the users"),
        blank=True,
        help_text=_("What NAV did with the input, in plain words for the young users."),
    )
    feedback_at = models.DateTimeField(_("feedback given"), null=True, blank=True)
    feedback_due_on = models.DateField(_("feedback due"))

    objects = InputQuerySet.as_manager()

    class Meta:
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["-raised_on", "-pk"]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return self.title

    @property
    def has_owner(self):
        return bool(self.assigned_to_id or self.assigned_office_id or self.assigned_group_id)

    @property
    def has_feedback(self):
        return self.feedback_at is not None

    @property
    def is_closed(self):
        return self.status in (self.Status.DONE, self.Status.DECLINED)

    @property
    def is_feedback_overdue(self):
        return not self.has_feedback and self.feedback_due_on < timezone.localdate()

    def days_overdue(self, today=None):
        """Whole days past the due date while unanswered; 0 when not late."""
        if self.has_feedback or self.is_closed:
            return 0
        return max(0, ((today or timezone.localdate()) - self.feedback_due_on).days)

    @property
    def days_to_feedback(self):
        if not self.feedback_at:
            return None
        return (timezone.localdate(self.feedback_at) - self.raised_on).days


class InputEvent(models.Model):
    """One change on an input's way: the dates every step was taken, and by whom."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Input.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Input.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.input}: {self.from_status} → {self.to_status}"


class InputOwnerChange(models.Model):
    """One change of who follows an input up, or of when its answer is due: from, to, by whom,
    when and why. Kept so that a late answer can be traced to a late handover."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="owner_changes")
    from_office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_due_on = models.DateField(null=True, blank=True)
    to_office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_due_on = models.DateField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("change of owner")
        verbose_name_plural = _("changes of owner")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.input}: {self.at:%Y-%m-%d}"

    @property
    def from_owners(self) -> str:
        """The owners before, by name ("" for nobody)."""
        return self._names(self.from_office, self.from_group, self.from_person)

    @property
    def to_owners(self) -> str:
        """The owners after, by name ("" for nobody)."""
        return self._names(self.to_office, self.to_group, self.to_person)

    @staticmethod
    def _names(office, group, person) -> str:
        names = [office.name if office else "", group.name if group else ""]
        names.append(person.display_name if person else "")
        return ", ".join(name for name in names if name)

    @property
    def owner_changed(self) -> bool:
        return (self.from_office_id, self.from_group_id, self.from_person_id) != (
            self.to_office_id,
            self.to_group_id,
            self.to_person_id,
        )

    @property
    def due_changed(self) -> bool:
        return self.from_due_on != self.to_due_on
