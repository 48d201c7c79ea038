"""Volunteer members paid by the programme: a fixed honorarium per meeting attended, derived
from attendance, and travel claims (kilometres × rate, or a ticket). Both are approved by a
coordinator, are then locked, and go into the payroll file of their month."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import Meeting, Membership, Programme


class HonorariumRate(models.Model):
    """What the programme pays volunteers from a day on; the newest rate valid on a day wins."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="honorarium_rates",
        verbose_name=_("programme"),
    )
    valid_from = models.DateField(_("valid from"))
    amount_per_meeting = models.DecimalField(
        _("amount per meeting attended (NOK)"), max_digits=8, decimal_places=2
    )
    km_rate = models.DecimalField(_("rate per kilometre (NOK)"), max_digits=6, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("honorarium rate")
        verbose_name_plural = _("honorarium rates")
        ordering = ["-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "valid_from"], name="one_honorarium_rate_per_day"
            ),
            models.CheckConstraint(
                condition=Q(amount_per_meeting__gte=0) & Q(km_rate__gte=0),
                name="honorarium_rate_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.programme} {self.valid_from}"


class Honorarium(models.Model):
    """One volunteer's pay for one meeting they were present at: proposed, then approved."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Not paid")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="honoraria", verbose_name=_("programme")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="honoraria",
        verbose_name=_("person"),
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="honoraria", verbose_name=_("membership")
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="honoraria", verbose_name=_("meeting")
    )
    date = models.DateField(_("date"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    amount = models.DecimalField(_("amount (NOK)"), max_digits=8, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decided_at = models.DateTimeField(_("approved"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("honorarium")
        verbose_name_plural = _("honoraria")
        ordering = ["month", "person__display_name", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "meeting"], name="one_honorarium_per_meeting"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="honorarium_not_negative"),
            models.CheckConstraint(condition=Q(month__day=1), name="honorarium_month_first_day"),
        ]

    def __str__(self):
        return f"{self.person} {self.date}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED


class TravelClaim(models.Model):
    """A member's travel to a meeting or a task: kilometres at the programme's rate, or a
    ticket. Submitted, then approved (and locked) or returned with a comment."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for approval")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="travel_claims",
        verbose_name=_("programme"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="travel_claims",
        verbose_name=_("person"),
    )
    date = models.DateField(_("date"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="travel_claims",
        verbose_name=_("meeting"),
    )
    from_place = models.CharField(_("from"), max_length=200)
    to_place = models.CharField(_("to"), max_length=200)
    kilometres = models.DecimalField(
        _("kilometres"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    km_rate = models.DecimalField(
        _("rate per kilometre (NOK)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    ticket_amount = models.DecimalField(
        _("ticket amount (NOK)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(_("amount (NOK)"), max_digits=9, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted"))
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
        verbose_name = _("travel claim")
        verbose_name_plural = _("travel claims")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kilometres__isnull=False) & Q(ticket_amount__isnull=True))
                | (Q(kilometres__isnull=True) & Q(ticket_amount__isnull=False)),
                name="travel_claim_km_or_ticket",
            ),
            models.CheckConstraint(
                condition=Q(kilometres__isnull=True) | Q(kilometres__gt=0),
                name="travel_claim_km_positive",
            ),
            models.CheckConstraint(
                condition=Q(ticket_amount__isnull=True) | Q(ticket_amount__gt=0),
                name="travel_claim_ticket_positive",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="travel_claim_not_negative"),
            models.CheckConstraint(condition=Q(month__day=1), name="travel_claim_month_first_day"),
        ]

    def __str__(self):
        return f"{self.person} {self.date} {self.from_place}–{self.to_place}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return not self.is_locked
