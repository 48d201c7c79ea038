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


class Goal(models.Model):
    """A programme goal: what should change, the figure Medvirk computes to show it, a
    baseline measured before the change started (T0) and the value aimed for."""

    class Indicator(models.TextChoices):
        SURVEY_AGREE = "survey_agree", _("Survey: share who agree with a statement")
        CHECKLIST_COVERAGE = (
            "checklist_coverage",
            _("Checklist: share of its points covered in first meetings"),
        )
        ATTENDANCE = "attendance", _("Attendance in the resource group")
        INPUT_DAYS = "input_days", _("Days to answer inputs (median)")
        DROPOUT = "dropout", _("Dropout from the resource group")
        BUDGET_PACE = "budget_pace", _("Budget pace (share used ÷ share of the period gone)")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="measured_goals",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("goal"), max_length=200)
    why = models.TextField(_("why this goal"), blank=True, max_length=2000)
    indicator = models.CharField(_("indicator"), max_length=24, choices=Indicator.choices)
    survey = models.ForeignKey(
        "surveys.Survey",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("survey"),
    )
    question = models.ForeignKey(
        "surveys.Question",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("statement in the survey"),
    )
    office = models.ForeignKey(
        "participation.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
    )
    baseline_from = models.DateField(_("baseline from"))
    baseline_to = models.DateField(_("baseline to"))
    intervention_on = models.DateField(_("the change started on"))
    target = models.DecimalField(_("target"), max_digits=9, decimal_places=2)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["programme", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_to__gte=models.F("baseline_from")),
                name="goal_baseline_ends_after_it_starts",
                violation_error_message=_("The baseline cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None
