"""Onboarding: the coordinator ticks off each step with the date it was done."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Membership, User

from ..models import Onboarding


def onboarding_save(
    *,
    membership: Membership,
    by: User | None,
    note: str = "",
    today: datetime.date | None = None,
    **dates: datetime.date | None,
) -> Onboarding:
    """Save the member's checklist. A date cannot be in the future; empty means not done."""
    today = today or timezone.localdate()
    fields = [field for field, _label in Onboarding.ITEMS]
    unknown = set(dates) - set(fields)
    if unknown:
        raise ValueError(f"Unknown onboarding items: {sorted(unknown)}")
    errors = {
        field: _("The date cannot be in the future.")
        for field, day in dates.items()
        if day is not None and day > today
    }
    if errors:
        raise ValidationError(errors)
    onboarding, _created = Onboarding.objects.get_or_create(membership=membership)
    for field in fields:
        if field in dates:
            setattr(onboarding, field, dates[field])
    onboarding.note = note.strip()
    onboarding.updated_by = by
    onboarding.full_clean()
    onboarding.save()
    return onboarding
