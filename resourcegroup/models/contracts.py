"""Paid user representatives: their fixed-term contracts, monthly timesheets and time entries."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from participation.models import Meeting, Programme


class Contract(models.Model):
    """A fixed-term hourly contract within the programme's period.

    A renewal is a new contract pointing at the one it renews, so the history of rates and
    periods stays as it was; the old contract ends the day before the new one starts.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("programme")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("person"),
    )
    hourly_pay = models.DecimalField(_("hourly pay (NOK)"), max_digits=8, decimal_places=2)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    expected_hours_per_month = models.DecimalField(
        _("expected hours per month"), max_digits=5, decimal_places=2
    )
    role_description = models.TextField(_("role description"), blank=True)
    employee_number = models.CharField(
        _("employee number"),
        max_length=30,
        blank=True,
        help_text=_("The number payroll knows the person by, if they have one."),
    )
    renews = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewed_by",
        verbose_name=_("renews"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["person__display_name", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="contract_ends_after_it_starts",
                violation_error_message=_("A contract cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(hourly_pay__gt=0), name="contract_hourly_pay_positive"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.starts_on} – {self.ends_on})"

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class Timesheet(models.Model):
    """One person's hours for one month: drafted, submitted, then approved or returned."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="timesheets", verbose_name=_("programme")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="timesheets",
        verbose_name=_("person"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("approved or returned"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved or returned by"),
    )
    return_comment = models.TextField(_("why it was returned"), blank=True)

    class Meta:
        verbose_name = _("timesheet")
        verbose_name_plural = _("timesheets")
        ordering = ["-month", "person__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "month"], name="one_timesheet_per_month"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="timesheet_month_first_day"),
        ]

    def __str__(self):
        return f"{self.person} {self.month:%Y-%m}"

    @property
    def is_editable(self) -> bool:
        """The representative may add and remove entries only before it is submitted."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class TimeEntry(models.Model):
    class Activity(models.TextChoices):
        GROUP_MEETING = "group_meeting", _("Group meeting")
        PREPARATION = "preparation", _("Preparation")
        WORKSHOP = "workshop", _("Workshop")
        THEME_DAY = "theme_day", _("Theme day")
        TRAINING = "training", _("Training")
        TRAVEL = "travel", _("Travel")
        OTHER = "other", _("Other")

    timesheet = models.ForeignKey(Timesheet, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="time_entries",
        verbose_name=_("meeting"),
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="time_entry_hours_in_a_day"
            ),
            models.UniqueConstraint(
                fields=["timesheet", "meeting"],
                condition=Q(meeting__isnull=False),
                name="one_entry_per_meeting_per_timesheet",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.hours} h"


class PayrollExport(models.Model):
    """Who downloaded the payroll file for which month, and when (privacy: exports are logged)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    rows = models.PositiveIntegerField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.programme} {self.month:%Y-%m}"
