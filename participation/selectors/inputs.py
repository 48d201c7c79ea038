"""Inputs for lists, the members' phone page and the steering figures."""

import statistics
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.utils import timezone

from ..access import ProgrammeAccess, inputs_visible_to
from ..models import Input


def input_list(*, access: ProgrammeAccess, status: str = "", overdue_only: bool = False):
    """The inputs the user may see, with what the list shows, newest first."""
    inputs = inputs_visible_to(access).select_related("group", "assigned_office", "assigned_to")
    if status in Input.Status.values:
        inputs = inputs.filter(status=status)
    if overdue_only:
        inputs = inputs.feedback_overdue()
    return inputs.order_by("-raised_on", "-pk")


def inputs_for_member(*, access: ProgrammeAccess) -> QuerySet[Input]:
    """What happened with what we said: the inputs of the member's own groups (of the whole
    programme for coordinators and the steering group), answered first."""
    if access.can_see_programme_overview:
        inputs = inputs_visible_to(access)
    else:
        inputs = Input.objects.filter(programme=access.programme, group__in=access.group_ids())
    return (
        inputs.select_related("group")
        # Unanswered last on every database (PostgreSQL sorts NULLs first when descending).
        .order_by(F("feedback_at").desc(nulls_last=True), "-raised_on", "-pk")
    )


@dataclass
class InputStats:
    raised: int
    with_feedback: int
    open: int
    declined: int
    overdue: int
    median_days_to_feedback: float | None


def input_stats(*, inputs) -> InputStats:
    """Counts and the median days from raised to first feedback, over the given inputs."""
    rows = list(inputs.values_list("status", "raised_on", "feedback_at", "feedback_due_on"))
    today = timezone.localdate()
    days = [
        (timezone.localdate(feedback_at) - raised_on).days
        for _, raised_on, feedback_at, _ in rows
        if feedback_at
    ]
    return InputStats(
        raised=len(rows),
        with_feedback=len(days),
        open=sum(
            1 for status, *_ in rows if status not in (Input.Status.DONE, Input.Status.DECLINED)
        ),
        declined=sum(1 for status, *_ in rows if status == Input.Status.DECLINED),
        overdue=sum(1 for _, _, feedback_at, due in rows if not feedback_at and due < today),
        median_days_to_feedback=statistics.median(days) if days else None,
    )
