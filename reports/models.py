"""Reports: each PDF made (the archive, with its status) and each programme's schedule."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Meeting, Programme


def report_upload_to(report: "Report", filename: str) -> str:
    """An unguessable name: nothing about the programme or period, a random uuid. The download
    keeps its readable name (Report.filename) through the view that checks access."""
    return f"reports/{uuid.uuid4().hex}.pdf"


class Report(models.Model):
    """One report for a programme and period. Its status moves queued → running → done or
    failed, always by a conditional update, so that two workers never render it both."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("Report to the steering group")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="reports", verbose_name=_("programme")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STEERING)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("what went wrong"), blank=True)
    file = models.FileField(_("file"), upload_to=report_upload_to, blank=True)
    # A scheduled report is made for one steering-group meeting, once.
    for_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for the meeting"),
    )
    emailed_at = models.DateTimeField(_("emailed to the steering group"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_it_starts",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["programme", "kind", "for_meeting"],
                condition=Q(for_meeting__isnull=False),
                name="one_scheduled_report_per_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.programme} {self.period_start} – {self.period_end}"

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def filename(self) -> str:
        return f"styringsrapport-{self.programme.slug}-{self.period_start}-{self.period_end}.pdf"


class ReportSchedule(models.Model):
    """When a programme's steering group gets its report: N days before each meeting."""

    programme = models.OneToOneField(
        Programme,
        on_delete=models.CASCADE,
        related_name="report_schedule",
        verbose_name=_("programme"),
    )
    is_active = models.BooleanField(_("make the report before each meeting"), default=True)
    days_before = models.PositiveSmallIntegerField(
        _("days before the meeting"),
        default=5,
        help_text=_("The report is made and sent this many days before each steering meeting."),
    )
    attach_pdf = models.BooleanField(
        _("attach the PDF to the email"),
        default=False,
        help_text=_("Otherwise the email has a link, and members log in to read the report."),
    )

    class Meta:
        verbose_name = _("report schedule")
        verbose_name_plural = _("report schedules")

    def __str__(self):
        return str(self.programme)
