"""Stories (erfaringshistorier): members' own accounts of a meeting with NAV, kept in the group."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Input, Programme


class StoryTheme(models.Model):
    """A theme the coordinator sees across stories; it may become an input to NAV."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="story_themes",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("theme"), max_length=120)
    input = models.OneToOneField(
        Input,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="story_theme",
        verbose_name=_("input made from the theme"),
    )

    class Meta:
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="one_theme_name_each"),
        ]

    def __str__(self):
        return self.name


class Story(models.Model):
    class Kind(models.TextChoices):
        WENT_WELL = "went_well", _("Went well")
        COULD_BE_BETTER = "could_be_better", _("Could be better")

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="stories", verbose_name=_("group")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("written by"),
    )
    kind = models.CharField(_("how did it go?"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("your story"))
    written_on = models.DateField(_("written"), default=timezone.localdate)
    themes = models.ManyToManyField(
        StoryTheme, blank=True, related_name="stories", verbose_name=_("themes")
    )
    # Nothing from a story leaves the group except this version, written by the coordinator.
    anonymised_text = models.TextField(_("anonymised version"), blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    anonymised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_anonymised(self) -> bool:
        return bool(self.anonymised_text)
