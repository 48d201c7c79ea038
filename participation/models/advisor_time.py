"""Advisor time: each office's planned time for the programme and the time used, by month.

The seeds set aside 10 % of one advisor's position in each office; whether the offices keep
that promise is what anchoring rests on, so plan and use are recorded side by side.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Office, Programme

# Hours in the longest month: nobody records more than that for one office.
MAX_HOURS_A_MONTH = 744


class AdvisorTimePlan(models.Model):
    """An office's planned advisor time for a programme, in hours a month."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="advisor_time_plans"
    )
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="advisor_time_plans")
    hours_per_month = models.DecimalField(
        _("planned advisor time (hours a month)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS_A_MONTH)],
    )

    class Meta:
        verbose_name = _("planned advisor time")
        verbose_name_plural = _("planned advisor time")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "office"], name="one_advisor_time_plan_per_office"
            ),
        ]

    def __str__(self):
        return f"{self.office} – {self.hours_per_month}"


class AdvisorTimeEntry(models.Model):
    """The advisor time an office used for a programme in one month (the month's first day)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="advisor_time_entries"
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="advisor_time_entries"
    )
    month = models.DateField(_("month"))
    hours = models.DecimalField(
        _("hours used"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS_A_MONTH)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("advisor time used")
        verbose_name_plural = _("advisor time used")
        ordering = ["-month", "office__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "office", "month"], name="one_advisor_time_entry_per_month"
            ),
        ]

    def __str__(self):
        return f"{self.office} {self.month:%Y-%m}: {self.hours}"
