"""A survey, its rounds, its questions with their options, and the users' review comments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Office, Programme

# The languages a survey may be written in. Bokmål is always there: it is the default and the
# fallback for any text that has no translation.
SURVEY_LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
EXTRA_LANGUAGES = ("nn", "en")


def localized(obj, field: str, language: str) -> str:
    """The field's text in the language, falling back to bokmål when it has no translation."""
    if language in EXTRA_LANGUAGES:
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field)


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("With the resource group for comments")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="surveys", verbose_name=_("programme")
    )
    # The public link /s/<slug>/ is printed on posters: it never changes once published.
    slug = models.SlugField(
        _("short name in the link"),
        max_length=60,
        unique=True,
        help_text=_("The link becomes /s/short-name/. It cannot change after publishing."),
    )
    title = models.CharField(_("title"), max_length=200)
    title_nn = models.CharField(_("title (nynorsk)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    introduction_nn = models.TextField(_("introduction (nynorsk)"), blank=True)
    introduction_en = models.TextField(_("introduction (English)"), blank=True)
    anonymity_promise = models.TextField(
        _("the anonymity promise"),
        help_text=_("In plain words: what is stored, and that nobody can see who answered."),
    )
    anonymity_promise_nn = models.TextField(_("the anonymity promise (nynorsk)"), blank=True)
    anonymity_promise_en = models.TextField(_("the anonymity promise (English)"), blank=True)
    purpose = models.TextField(
        _("what the answers are used for"),
        help_text=_("Shown on the thank-you page."),
    )
    purpose_nn = models.TextField(_("what the answers are used for (nynorsk)"), blank=True)
    purpose_en = models.TextField(_("what the answers are used for (English)"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # With codes, only someone holding an unused code can answer: nobody can pad a small
    # office with answers of their own, and the response rate is exact.
    requires_code = models.BooleanField(
        _("answer with one-time codes"),
        default=False,
        help_text=_(
            "Each young person gets a slip with a code that admits one response. Recommended "
            "where an office has few first meetings."
        ),
    )
    offices = models.ManyToManyField(Office, related_name="surveys", verbose_name=_("offices"))
    opens_on = models.DateField(_("open from"), null=True, blank=True)
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    review_group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys_to_review",
        verbose_name=_("group that comments on the draft"),
    )
    published_on = models.DateField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True)
                | Q(opens_on__isnull=True)
                | Q(closes_on__gte=F("opens_on")),
                name="survey_closes_after_it_opens",
                violation_error_message=_("The survey cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def language_codes(self) -> list[str]:
        return ["nb", *[code for code in EXTRA_LANGUAGES if code in (self.languages or [])]]

    @property
    def is_editable(self) -> bool:
        """Questions change only before publishing; afterwards answers would stop matching."""
        return self.status in (self.Status.DRAFT, self.Status.REVIEW)

    @property
    def is_published(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED)

    def is_open(self, *, today=None) -> bool:
        """Taking answers: published, not closed, and within the open dates."""
        today = today or timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and (self.opens_on is None or self.opens_on <= today)
            and (self.closes_on is None or today <= self.closes_on)
        )


class Round(models.Model):
    """A period of answers (a baseline, then later rounds) so that results compare over time."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["survey", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "starts_on"], name="one_round_per_start"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="round_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.name


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Agreement scale 1–5")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        YES_NO = "yes_no", _("Yes or no")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        NUMBER = "number", _("Number")
        AGE_BAND = "age_band", _("Age group")

    TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)
    OPTION_KINDS = (Kind.SINGLE, Kind.MULTIPLE)
    # Kinds whose answer a later question can depend on ("show only after answer X").
    CONDITION_KINDS = (Kind.SCALE, Kind.SINGLE, Kind.MULTIPLE, Kind.YES_NO, Kind.AGE_BAND)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind of question"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    text_nn = models.CharField(_("question (nynorsk)"), max_length=300, blank=True)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    help_text_nn = models.CharField(_("help text (nynorsk)"), max_length=300, blank=True)
    help_text_en = models.CharField(_("help text (English)"), max_length=300, blank=True)
    is_required = models.BooleanField(
        _("an answer is required"),
        default=False,
        help_text=_("Leave this off unless you must: everyone may skip a question."),
    )
    allows_dont_know = models.BooleanField(_("offer “Don't know”"), default=True)
    min_value = models.IntegerField(_("lowest number"), null=True, blank=True)
    max_value = models.IntegerField(_("highest number"), null=True, blank=True)
    starts_new_page = models.BooleanField(
        _("start a new screen with this question"),
        default=True,
        help_text=_("One question per screen is easiest on a phone."),
    )
    show_if_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependent_questions",
        verbose_name=_("show only after an answer to"),
    )
    show_if_value = models.CharField(_("the answer"), max_length=40, blank=True)
    # A scale question that asks young people about what a checklist point is for (e.g. "I
    # know how to reach my advisor" ↔ "Told how to get in touch"): compared side by side.
    measures_checklist_item = models.ForeignKey(
        "checklists.ChecklistItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_questions",
        verbose_name=_("measures the checklist point"),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"], name="one_question_per_position"
            ),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=F("min_value")),
                name="question_bounds_in_order",
                violation_error_message=_("The highest number must not be lower than the lowest."),
            ),
        ]

    def __str__(self):
        return self.text

    def text_in(self, language: str) -> str:
        return localized(self, "text", language)

    def help_in(self, language: str) -> str:
        return localized(self, "help_text", language)

    @property
    def is_scale(self) -> bool:
        return self.kind == self.Kind.SCALE

    @property
    def is_text(self) -> bool:
        return self.kind in self.TEXT_KINDS


class QuestionOption(models.Model):
    """One choice of a single- or multiple-choice question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("choice"), max_length=200)
    label_nn = models.CharField(_("choice (nynorsk)"), max_length=200, blank=True)
    label_en = models.CharField(_("choice (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="one_option_per_position")
        ]

    def __str__(self):
        return self.label

    def label_in(self, language: str) -> str:
        return localized(self, "label", language)


class ReviewComment(models.Model):
    """A resource-group member's comment on a question of a draft ("I don't get this word")."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="review_comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_comments"
    )
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    is_resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["question", "created_at"]

    def __str__(self):
        return self.text[:60]
