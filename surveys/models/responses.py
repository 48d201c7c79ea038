"""Anonymous responses. What is NOT here matters as much as what is: no account, no IP address,
no user agent, no time of day, no session key, and no link to the one-time token. A response's
id is random, so that not even the order of the rows tells who answered first."""

import secrets
import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import Office

from .surveys import Question, QuestionOption, Round, Survey


class SurveyResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="responses")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="survey_responses")
    # The week only (its Monday, or the round's first day if later): a day or a time of day
    # could be matched with an advisor's calendar of first meetings.
    submitted_on = models.DateField(_("answered in the week of"))
    language = models.CharField(_("language"), max_length=8, default="nb")
    # Results are released in batches (surveys.services.releases): a response sent through the
    # public pages waits, unseen in every figure, count and export, until its office holds
    # enough new ones. Once released, nothing tells which batch it came in.
    is_released = models.BooleanField(_("in the released results"), default=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "round", "office"])]

    def __str__(self):
        return f"{self.survey} – {self.office} – {self.submitted_on}"


def random_key() -> int:
    """A random positive 63-bit key: answer rows are not numbered in the order they came."""
    return secrets.randbits(62) + 1


class Answer(models.Model):
    """One answer to one question; a multiple-choice answer is one row per chosen option.
    Its key is random (not a sequence), so the rows do not tell in which order responses came.
    """

    id = models.BigIntegerField(primary_key=True, default=random_key, editable=False)

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        QuestionOption, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    # Scale (1–5) and number answers.
    number = models.IntegerField(null=True, blank=True)
    # Yes/no, age group, and "dont_know" on a scale.
    choice = models.CharField(max_length=20, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "option"], name="one_answer_per_option"
            ),
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(option__isnull=True),
                name="one_answer_per_question",
            ),
        ]

    def __str__(self):
        return (
            f"{self.question_id}: {self.option_id or self.number or self.choice or self.text[:20]}"
        )


class ResultRelease(models.Model):
    """A day on which a survey's waiting responses were added to its results. One a day at most
    (the unique day is what makes a second release the same day impossible)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="releases")
    released_on = models.DateField(_("released on"))
    # Deliberately no size and no offices: how many came when is not kept.

    class Meta:
        verbose_name = _("release of results")
        verbose_name_plural = _("releases of results")
        ordering = ["survey", "-released_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "released_on"], name="one_result_release_a_day"
            )
        ]

    def __str__(self):
        return f"{self.survey} – {self.released_on}"


class SubmissionToken(models.Model):
    """The digest of a used one-time form token. Its unique key is what makes a second
    submission of the same form (a double tap, the back button) store nothing. It holds
    no link to the response and no time."""

    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("used form token")
        verbose_name_plural = _("used form tokens")

    def __str__(self):
        return self.digest[:12]
