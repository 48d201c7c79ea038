"""One-time answer codes (svarkoder), printed in batches per office.

A code admits exactly one response. Nothing links a code to the response it admitted: no
foreign key either way and no time of use, only whether it is used. A batch knows its office
and the day it was made, so that the response rate is codes used ÷ codes handed out."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import Office

from .surveys import Survey


class AnswerCodeBatch(models.Model):
    class PrintedAs(models.TextChoices):
        SLIPS = "slips", _("Slips to cut out, 24 to an A4 page")
        CARDS = "cards", _("First-meeting cards: the advisors' checklist with a code to tear off")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="code_batches")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField(_("made on"))
    # One way of printing per batch: printed both as slips and as cards, every code would be
    # handed out twice and the second young person could not answer. No card is numbered or
    # recorded: nothing tells which meeting got which code.
    printed_as = models.CharField(
        _("printed as"), max_length=8, choices=PrintedAs.choices, default=PrintedAs.SLIPS
    )

    class Meta:
        verbose_name = _("batch of answer codes")
        verbose_name_plural = _("batches of answer codes")
        ordering = ["-made_on", "-pk"]

    def __str__(self):
        return f"{self.survey} – {self.office} – {self.made_on}"


class AnswerCode(models.Model):
    batch = models.ForeignKey(AnswerCodeBatch, on_delete=models.CASCADE, related_name="codes")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    # Stored without the dash, in capitals; shown as XXXX-XXXX.
    code = models.CharField(_("code"), max_length=16)
    is_used = models.BooleanField(_("used"), default=False)

    class Meta:
        verbose_name = _("answer code")
        verbose_name_plural = _("answer codes")
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="one_code_per_survey")
        ]

    def __str__(self):
        return self.shown

    @property
    def shown(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"
