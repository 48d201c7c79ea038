"""Dropout follow-up: the coordinator's contacts with members who are drifting away."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Membership


class FollowUpContact(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")
        IN_PERSON = "in_person", _("Met in person")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        COMING_BACK = "coming_back", _("Will come back")
        NEEDS_ADJUSTMENT = "needs_adjustment", _("Needs something to change")
        NO_ANSWER = "no_answer", _("No answer yet")
        LEAVING = "leaving", _("Wants to leave")
        OTHER = "other", _("Other")

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("member")
    )
    contacted_on = models.DateField(_("date of contact"), default=timezone.localdate)
    channel = models.CharField(_("how"), max_length=12, choices=Channel.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("What was agreed. No health or case details."),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up contact")
        verbose_name_plural = _("follow-up contacts")
        ordering = ["-contacted_on", "-pk"]

    def __str__(self):
        return f"{self.membership.person} {self.contacted_on}"
