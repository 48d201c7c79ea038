"""Stories (erfaringshistorier): members' own accounts of a meeting with NAV, kept in the group."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Input, Programme

# What a member agrees to when the story may be used in an input; stored word for word.
INPUT_CONSENT_TEXT = _(
    "The coordinator may use an anonymised version of my story, without my name, in an input "
    "to NAV. I can withdraw this consent on my stories page at any time."
)


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

    def stories_in_input(self) -> list:
        """The anonymised stories whose writers still consent to their use in the input."""
        return [
            story
            for story in self.stories.exclude(anonymised_text="")
            if story.may_be_used_in_inputs
        ]

    def withdrawn_count(self) -> int:
        return self.stories.filter(input_consent_withdrawn_at__isnull=False).count()


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

    # The writer's consent to use the anonymised version in an input to NAV: the words agreed
    # and when, and when it was withdrawn (then the story is no longer shown with the input).
    input_consent_text = models.TextField(_("consent agreed to"), blank=True)
    input_consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    input_consent_withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_anonymised(self) -> bool:
        return bool(self.anonymised_text)

    @property
    def may_be_used_in_inputs(self) -> bool:
        return self.input_consented_at is not None and self.input_consent_withdrawn_at is None
