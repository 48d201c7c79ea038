"""Onboarding of a resource-group member: consent, confidentiality, training, a first talk."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import Membership


class Onboarding(models.Model):
    """A checklist with dates, one per membership. An empty date means not done yet."""

    # (field, label) in the order they are usually done.
    ITEMS = [
        ("consent_on", _("Consent to what Medvirk stores")),
        ("confidentiality_on", _("Confidentiality agreement signed")),
        ("training_nav_on", _("Training: NAV basics")),
        ("training_role_on", _("Training: the role in the group")),
        ("training_inputs_on", _("Training: how inputs are followed up")),
        ("first_talk_on", _("First talk with the coordinator")),
    ]

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="onboarding", verbose_name=_("member")
    )
    consent_on = models.DateField(_("consent to what Medvirk stores"), null=True, blank=True)
    confidentiality_on = models.DateField(
        _("confidentiality agreement signed"), null=True, blank=True
    )
    training_nav_on = models.DateField(_("training: NAV basics"), null=True, blank=True)
    training_role_on = models.DateField(_("training: the role in the group"), null=True, blank=True)
    training_inputs_on = models.DateField(
        _("training: how inputs are followed up"), null=True, blank=True
    )
    first_talk_on = models.DateField(_("first talk with the coordinator"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("onboarding")
        verbose_name_plural = _("onboarding")

    def __str__(self):
        return str(self.membership)

    @property
    def items(self) -> list[tuple[str, object]]:
        return [(label, getattr(self, field)) for field, label in self.ITEMS]

    @property
    def done_count(self) -> int:
        return sum(1 for field, _label in self.ITEMS if getattr(self, field))
