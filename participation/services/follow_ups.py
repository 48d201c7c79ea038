"""Decisions followed up: each follow-up is an action item linked to the decision (who, by
when, done or not, with a note), so it carries over to the group's next meetings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActionItem, Decision, User
from .meetings import action_item_create


@transaction.atomic
def decision_follow_up_add(
    *,
    decision: Decision,
    title: str,
    owner: User | None,
    due_on: datetime.date | None,
) -> ActionItem:
    """Record who follows a decision up, by when and what they do. The date cannot be before
    the meeting that decided it; the owner is a member of the group or a coordinator."""
    meeting = decision.meeting
    if due_on is not None and due_on < timezone.localdate(meeting.starts_at):
        raise ValidationError(
            {"due_on": _("The date cannot be before the meeting that made the decision.")}
        )
    if not title.strip():
        raise ValidationError({"title": _("Write what is to be done.")})
    return action_item_create(
        meeting=meeting, decision=decision, title=title, owner=owner, due_on=due_on
    )
