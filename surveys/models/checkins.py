"""The quick check-in after a resource-group meeting: how are you, how was the meeting.

Stored as counts, never as rows per person: a receipt says who has answered (so nobody answers
twice) and the counts say what was answered, and nothing joins the two — not even the order
in which rows were written.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import Meeting


class CheckInReceipt(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("check-in receipt")
        verbose_name_plural = _("check-in receipts")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_check_in_per_person")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.person_id}"


class CheckInCount(models.Model):
    class Topic(models.TextChoices):
        WELLBEING = "wellbeing", _("How are you doing?")
        MEETING = "meeting", _("How was the meeting?")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=12, choices=Topic.choices)
    score = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("check-in count")
        verbose_name_plural = _("check-in counts")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "topic", "score"], name="one_count_per_score"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="check_in_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.meeting_id} {self.topic} {self.score}: {self.count}"
