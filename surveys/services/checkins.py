"""The members' quick check-in after a meeting, stored as counts only."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Meeting, Membership, User

from ..models import CheckInCount, CheckInReceipt


def check_in_is_open(meeting: Meeting, *, now: datetime.datetime | None = None) -> bool:
    """The window is the meeting's own rule (participation): from its start to two weeks on."""
    return meeting.is_open_for_check_in(now)


def check_in_submit(
    *,
    meeting: Meeting,
    person: User,
    wellbeing: int | None,
    meeting_score: int | None,
    now: datetime.datetime | None = None,
) -> None:
    """Count one member's two answers (1–5, either may be skipped), once per meeting."""
    if not check_in_is_open(meeting, now=now):
        raise ValidationError(_("The check-in for this meeting is closed."))
    day = timezone.localtime(meeting.starts_at).date()
    if not Membership.objects.current(on=day).filter(group=meeting.group, person=person).exists():
        raise ValidationError(_("Only the group's members can check in."))
    scores = {CheckInCount.Topic.WELLBEING: wellbeing, CheckInCount.Topic.MEETING: meeting_score}
    for topic, score in scores.items():
        if score is not None and score not in range(1, 6):
            raise ValidationError({topic: _("Choose a number from 1 to 5.")})
    if wellbeing is None and meeting_score is None:
        raise ValidationError(_("Answer at least one of the two questions."))
    try:
        with transaction.atomic():
            CheckInReceipt.objects.create(meeting=meeting, person=person)
            _ensure_counts(meeting)
            for topic, score in scores.items():
                if score is not None:
                    CheckInCount.objects.filter(meeting=meeting, topic=topic, score=score).update(
                        count=F("count") + 1
                    )
    except IntegrityError as error:
        raise ValidationError(
            _("You have already checked in for this meeting. Thank you!")
        ) from error


def _ensure_counts(meeting: Meeting) -> None:
    """All ten counters at once, in a fixed order, before the first is raised: the order in
    which rows appear must not tell what the first person to check in answered."""
    CheckInCount.objects.bulk_create(
        [
            CheckInCount(meeting=meeting, topic=topic, score=score)
            for topic in CheckInCount.Topic.values
            for score in range(1, 6)
        ],
        ignore_conflicts=True,
    )
