"""The first-meeting checklist: templates, their versions and items, and recorded uses.

A template is written once with the resource group and revised over time. Each revision is a
new version; publishing it freezes the version before, and every recorded use keeps the
version it was made with, so old figures never change meaning.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import Office, Programme


class ChecklistTemplate(models.Model):
    """A checklist of a programme, e.g. "Sjekkliste for veiledere: første møte"."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="checklist_templates",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # The resource-group members who wrote it; they may read it even when not advisors.
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="checklists_written",
        blank=True,
        verbose_name=_("co-authors"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "title"],
                name="checklist_title_unique_in_programme",
                violation_error_message=_("This programme already has a checklist by that name."),
            ),
        ]

    def __str__(self):
        return self.title


class ChecklistVersion(models.Model):
    """One version of a checklist. A draft until published; frozen once published."""

    template = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("checklist"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    introduction = models.TextField(_("introduction"), blank=True)
    change_log = models.TextField(
        _("what changed and why"),
        blank=True,
        help_text=_("Say what is new in this version and why, in a few plain sentences."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Set when a newer version is published, or when the whole checklist is retired.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="checklist_version_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(retired_at__isnull=True) | Q(published_at__isnull=False),
                name="checklist_version_retired_only_after_published",
            ),
        ]

    def __str__(self):
        return f"{self.template} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    @property
    def is_current(self) -> bool:
        return self.published_at is not None and self.retired_at is None

    @property
    def is_frozen(self) -> bool:
        """Published versions never change; a revision is a new version."""
        return self.published_at is not None


class ChecklistItem(models.Model):
    """One point on a version of the checklist."""

    version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("version"),
    )
    text = models.CharField(_("point"), max_length=300)
    help_text = models.CharField(_("short help"), max_length=500, blank=True)
    category = models.CharField(
        _("category"), max_length=100, blank=True, help_text=_("For example: Rights and duties.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The same point in the version this one was revised from: lets figures follow a point
    # across versions (trend after a new version).
    previous = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next",
        verbose_name=_("same point in the previous version"),
    )

    class Meta:
        verbose_name = _("checklist point")
        verbose_name_plural = _("checklist points")
        ordering = ["version", "order", "pk"]

    def __str__(self):
        return self.text


class ChecklistUse(models.Model):
    """An advisor's record that the checklist was used in a first meeting.

    No client identity of any kind: office, advisor, date, points covered and a short note.
    """

    version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.PROTECT,
        related_name="uses",
        verbose_name=_("checklist version"),
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="checklist_uses", verbose_name=_("office")
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="checklist_uses",
        verbose_name=_("advisor"),
    )
    met_on = models.DateField(_("date of the first meeting"))
    items_covered = models.ManyToManyField(
        ChecklistItem, related_name="uses", blank=True, verbose_name=_("points covered")
    )
    note = models.TextField(_("what was hard (optional)"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("checklist use")
        verbose_name_plural = _("checklist uses")
        ordering = ["-met_on", "-pk"]
        indexes = [models.Index(fields=["office", "met_on"])]

    def __str__(self):
        return f"{self.office} {self.met_on}"
