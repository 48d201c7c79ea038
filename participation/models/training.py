"""Training modules: what people in the programme should learn, the material, and who has done
which module when. A module with a refresher interval is due again that many months later."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Group, Membership, Programme


class TrainingAudience(models.TextChoices):
    """Who a module is for, in the programme's own roles and groups."""

    PROJECT_GROUP = "project_group", _("Advisors in the project group")
    PAID_REPRESENTATIVES = "paid_representatives", _("Paid user representatives")
    RESOURCE_GROUP = "resource_group", _("Resource group members")
    USER_COMMITTEE = "user_committee", _("User committee members")
    STEERING_GROUP = "steering_group", _("Steering group members")
    COORDINATORS = "coordinators", _("Coordinators")


def audiences_of_seat(*, group_kind: str, role: str) -> set[str]:
    """The audiences a seat in a group puts a person in (a paid representative is also a
    member of the resource group)."""
    by_kind = {
        Group.Kind.PROJECT: TrainingAudience.PROJECT_GROUP,
        Group.Kind.RESOURCE: TrainingAudience.RESOURCE_GROUP,
        Group.Kind.USER_COMMITTEE: TrainingAudience.USER_COMMITTEE,
        Group.Kind.STEERING: TrainingAudience.STEERING_GROUP,
    }
    found = {by_kind[group_kind]} if group_kind in by_kind else set()
    if role == Membership.Role.PAID_REPRESENTATIVE:
        found.add(TrainingAudience.PAID_REPRESENTATIVES)
    return {str(code) for code in found}


class TrainingModule(models.Model):
    """One module of the programme's training, with its material and refresher interval."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="training_modules"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it covers"))
    material = models.TextField(
        _("material"),
        blank=True,
        help_text=_("Text and links (one link on a line of its own). No files."),
    )
    # A list of TrainingAudience values; the service checks them.
    audiences = models.JSONField(_("who it is for"), default=list)
    duration_minutes = models.PositiveSmallIntegerField(
        _("how long it takes, in minutes"),
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
    )
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher after how many months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Leave empty if the module is done once."),
    )
    is_self_study = models.BooleanField(
        _("self-study"),
        default=False,
        help_text=_("People can mark it as done themselves."),
    )
    # A module someone has done is archived, never deleted: the record of who did it stays.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def refresher_due_on(self, done_on: datetime.date | None) -> datetime.date | None:
        """When someone who did the module on `done_on` must take it again (None: never)."""
        if done_on is None or not self.refresher_months:
            return None
        return done_on + relativedelta(months=self.refresher_months)

    def audience_labels(self) -> list[str]:
        labels = dict(TrainingAudience.choices)
        return [str(labels[code]) for code in self.audiences if code in labels]


class TrainingCompletion(models.Model):
    """That a person did a module on a day, and who recorded it (themselves or a coordinator)."""

    module = models.ForeignKey(TrainingModule, on_delete=models.PROTECT, related_name="completions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_completions",
        verbose_name=_("person"),
    )
    completed_on = models.DateField(_("done on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("training done")
        verbose_name_plural = _("training done")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["module", "person", "completed_on"], name="training_done_once_a_day"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.module} ({self.completed_on})"

    @property
    def is_self_reported(self) -> bool:
        return self.recorded_by_id == self.person_id
