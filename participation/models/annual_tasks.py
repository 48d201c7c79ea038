"""Recurring yearly tasks of the annual plan (årshjul): mandate revision, training, survey
rounds, budget, the report to the county. Each year's task is done or not."""

import calendar
import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Programme

MONTHS = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


class AnnualTask(models.Model):
    """A task that comes back every year in the same month (or on the same date)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="annual_tasks")
    title = models.CharField(_("task"), max_length=200)
    month = models.PositiveSmallIntegerField(_("month"), choices=MONTHS)
    day = models.PositiveSmallIntegerField(
        _("day of the month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Leave empty if the task is due by the end of the month."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="annual_tasks",
        verbose_name=_("responsible"),
    )
    description = models.TextField(_("what it involves"), blank=True)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("A task no longer in use keeps its history.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("annual task")
        verbose_name_plural = _("annual tasks")
        ordering = ["month", "day", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12), name="annual_task_month_1_to_12"
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True) | Q(day__gte=1, day__lte=31),
                name="annual_task_day_1_to_31",
            ),
        ]

    def __str__(self):
        return self.title

    def due_on(self, year: int) -> datetime.date:
        """The day the task is due in a year: its date, or the month's last day (a 31st in a
        short month, or 29 February, falls on the month's last day)."""
        last = calendar.monthrange(year, self.month)[1]
        return datetime.date(year, self.month, min(self.day or last, last))


class AnnualTaskDone(models.Model):
    """That a yearly task was done for one year, by whom and when."""

    task = models.ForeignKey(AnnualTask, on_delete=models.CASCADE, related_name="done_years")
    year = models.PositiveSmallIntegerField()
    done_at = models.DateTimeField(default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "year"], name="annual_task_done_once_a_year"),
        ]

    def __str__(self):
        return f"{self.task} {self.year}"
