"""The onboarding checklist of every current resource-group member."""

from dataclasses import dataclass

from django.utils import timezone

from participation.models import Membership, Programme

from ..models import Onboarding
from .followup import resource_groups


@dataclass
class OnboardingRow:
    membership: Membership
    onboarding: Onboarding

    @property
    def is_complete(self) -> bool:
        return self.onboarding.done_count == len(Onboarding.ITEMS)


def onboarding_rows(*, programme: Programme) -> list[OnboardingRow]:
    """Current members of the programme's resource groups, each with a checklist. 2 queries."""
    memberships = list(
        Membership.objects.current(on=timezone.localdate())
        .filter(group__in=resource_groups(programme))
        .select_related("person", "group")
        .order_by("person__display_name")
    )
    saved = {o.membership_id: o for o in Onboarding.objects.filter(membership__in=memberships)}
    return [OnboardingRow(m, saved.get(m.pk) or Onboarding(membership=m)) for m in memberships]
