"""Follow-up of members who drift away: the coordinator's log of contacts."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Membership, User

from ..models import FollowUpContact


def follow_up_log(
    *,
    membership: Membership,
    contacted_on: datetime.date,
    channel: str,
    outcome: str,
    note: str = "",
    by: User | None = None,
    today: datetime.date | None = None,
) -> FollowUpContact:
    """Record one contact with a member: when, how, and what came of it."""
    today = today or timezone.localdate()
    errors = {}
    if contacted_on > today:
        errors["contacted_on"] = _("The date cannot be in the future.")
    if contacted_on < membership.starts_on:
        errors["contacted_on"] = _("The date cannot be before the person joined the group.")
    if channel not in FollowUpContact.Channel.values:
        errors["channel"] = _("Choose how you were in touch.")
    if outcome not in FollowUpContact.Outcome.values:
        errors["outcome"] = _("Choose what came of it.")
    if errors:
        raise ValidationError(errors)
    contact = FollowUpContact(
        membership=membership,
        contacted_on=contacted_on,
        channel=channel,
        outcome=outcome,
        note=note.strip(),
        by=by,
    )
    contact.full_clean()
    contact.save()
    return contact
