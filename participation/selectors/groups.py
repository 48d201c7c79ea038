"""Read queries shared by views and reports."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ..access import ProgrammeAccess, groups_visible_to
from ..models import Group, Membership, Programme


def group_list_for_landing(*, access: ProgrammeAccess) -> QuerySet[Group]:
    """The groups this user sees, with current members prefetched and counted."""
    today = timezone.localdate()
    current = Q(memberships__starts_on__lte=today) & (
        Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)
    )
    members = (
        Membership.objects.current(on=today)
        .select_related("person", "office")
        .order_by("person__display_name")
    )
    return (
        groups_visible_to(access)
        .annotate(member_count=Count("memberships", filter=current, distinct=True))
        .prefetch_related(Prefetch("memberships", queryset=members, to_attr="current_memberships"))
    )


def membership_spans(
    *, programme: Programme, group_kind: str, roles, office_id: int | None = None
) -> list[tuple]:
    """(starts_on, ends_on or None) of every seat with one of these roles in the programme's
    groups of one kind, in one query: who was a member when, for dropout figures."""
    seats = Membership.objects.filter(
        group__programmes=programme, group__kind=group_kind, role__in=roles
    )
    if office_id:
        seats = seats.filter(office_id=office_id)
    return list(seats.values_list("starts_on", "ends_on"))
