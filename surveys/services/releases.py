"""Results of a survey are released in batches, as statistics offices do.

Without batches, anyone who may read the results could read them, send one answer (or wait
for the young person they just met to answer) and read them again: the difference would be
that one answer. So a response sent through the public pages is stored as waiting, and no
figure, count, rate or export includes it until it is released:

- per office and round (one cell of the results), the waiting responses are released only
  when there are at least RELEASE_BATCH (5) of them, so every figure of an office moves by
  five answers or more at a time, and a total only by whole batches of its offices;
- at most one release a day per survey (a unique row per survey and day decides), so that
  waiting a day and reading again cannot split a batch either.

Why per office and not per survey: offices fill at very different speeds; waiting for the
slowest office would hold back every other office's answers for weeks, while a batch per
office already keeps each office's difference at five or more.

What batches cannot stop: someone who sends four answers of their own learns the fifth when
the batch is released, and padding can still lift a small office over the threshold. The open
link's warning says so; one-time codes stop padding, and codes surveys are batched too, since
an advisor who knows when their client answered could otherwise read the difference."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from ..models import ResultRelease, Survey, SurveyResponse
from ..suppression import THRESHOLD

RELEASE_BATCH = THRESHOLD
RELEASE_CONSTRAINT = "one_result_release_a_day"


def results_release(*, survey: Survey, today: datetime.date | None = None) -> int:
    """Release every office's waiting responses where at least RELEASE_BATCH wait, unless the
    survey had a release today; returns how many responses were released (0: none)."""
    today = today or timezone.localdate()
    waiting = SurveyResponse.objects.filter(survey=survey, is_released=False)
    full = [
        Q(round_id=row["round_id"], office_id=row["office_id"])
        for row in waiting.values("round_id", "office_id").annotate(n=Count("id"))
        if row["n"] >= RELEASE_BATCH
    ]
    if not full:
        return 0
    cells = full.pop()
    for cell in full:
        cells |= cell
    with transaction.atomic():
        try:
            with transaction.atomic():
                ResultRelease.objects.create(survey=survey, released_on=today)
        except IntegrityError as error:
            if RELEASE_CONSTRAINT not in str(error) and "released_on" not in str(error):
                raise
            return 0
        return waiting.filter(cells).update(is_released=True)


def results_release_due(*, today: datetime.date | None = None) -> int:
    """The daily sweep: release what is due in every survey with waiting responses."""
    ids = (
        SurveyResponse.objects.filter(is_released=False).values_list("survey_id", flat=True)
    ).distinct()
    return sum(
        results_release(survey=survey, today=today)
        for survey in Survey.objects.filter(pk__in=list(ids))
    )
