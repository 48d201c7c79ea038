"""Reads for the group and meeting pages that the shared meeting selectors do not cover."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import Attendance, Group, Meeting, Membership, Programme, User
from .meetings import MeetingDetail, meeting_list_for_group


@dataclass
class GroupPage:
    group: Group
    memberships: list[Membership]
    upcoming: list[Meeting]
    past: list[Meeting]


def group_page(*, group: Group, now=None) -> GroupPage:
    """Current members (with the predecessor whose handover note they read) and the meetings,
    coming ones soonest first and past ones newest first. Two queries."""
    now = now or timezone.now()
    memberships = list(
        Membership.objects.current(on=timezone.localdate(now))
        .filter(group=group)
        .select_related("person", "office", "predecessor__person")
        .order_by("person__display_name")
    )
    meetings = list(meeting_list_for_group(group=group))
    return GroupPage(
        group=group,
        memberships=memberships,
        upcoming=[m for m in meetings if m.ends_at >= now],
        past=[m for m in reversed(meetings) if m.ends_at < now],
    )


@dataclass
class AttendanceLine:
    status: str
    label: str
    names: list[str] = field(default_factory=list)
    count: int = 0


def attendance_summary(
    *, detail: MeetingDetail, only_person: User | None = None
) -> list[AttendanceLine]:
    """Present / absent with notice / absent: counts, with names, from what the detail holds.

    With `only_person` (a plain member: access.can_see_attendance is false) the counts stay
    whole but the only name shown is that person's own.
    """
    lines = {
        status: AttendanceLine(status=status, label=label)
        for status, label in Attendance.Status.choices
    }
    for attendance in sorted(detail.attendances, key=lambda a: a.membership.person.display_name):
        line = lines[attendance.status]
        line.count += 1
        if only_person is None or attendance.membership.person_id == only_person.pk:
            line.names.append(attendance.membership.person.display_name)
    return list(lines.values())


def action_item_owner_choices(*, group: Group, programme: Programme) -> QuerySet[User]:
    """Who may own an action item: the group's current members and the programme's
    coordinators (the same rule services.action_item_create checks)."""
    members = Membership.objects.current().filter(group=group)
    return (
        User.objects.filter(Q(memberships__in=members) | Q(coordinated_programmes=programme))
        .distinct()
        .order_by("display_name")
    )
