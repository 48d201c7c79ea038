"""Meetings with what belongs to them, fetched in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import ActionItem, AgendaItem, Attendance, Group, Meeting, Membership


def meeting_list_for_group(*, group: Group) -> QuerySet[Meeting]:
    """A group's meetings with counts of agenda items and of those present."""
    return (
        group.meetings.select_related("group")
        .annotate(
            item_count=Count(
                "agenda_items",
                filter=~Q(agenda_items__state=AgendaItem.State.DECLINED),
                distinct=True,
            ),
            present_count=Count(
                "attendances",
                filter=Q(attendances__status=Attendance.Status.PRESENT),
                distinct=True,
            ),
        )
        .order_by("starts_at")
    )


@dataclass
class MeetingDetail:
    meeting: Meeting
    agenda_items: list[AgendaItem]
    proposed_items: list[AgendaItem]
    attendances: list[Attendance]
    members: list[Membership]
    decisions: list
    action_items: list[ActionItem]
    # Open items from earlier meetings of the group: they are followed up here.
    carried_over: list[ActionItem]
    inputs: list


def meeting_detail(*, meeting: Meeting) -> MeetingDetail:
    """Everything shown on a meeting's page, without a query per row."""
    items = list(meeting.agenda_items.select_related("proposed_by").prefetch_related("decisions"))
    members = list(
        Membership.objects.current(on=timezone.localdate(meeting.starts_at))
        .filter(group=meeting.group_id)
        .select_related("person", "office")
        .order_by("person__display_name")
    )
    attendances = list(meeting.attendances.select_related("membership__person"))
    carried_over = list(
        ActionItem.objects.open()
        .filter(group=meeting.group_id, meeting__starts_at__lt=meeting.starts_at)
        .select_related("owner", "meeting")
        .order_by("due_on", "pk")
    )
    return MeetingDetail(
        meeting=meeting,
        agenda_items=[i for i in items if i.state == AgendaItem.State.ACCEPTED],
        proposed_items=[i for i in items if i.state == AgendaItem.State.PROPOSED],
        attendances=attendances,
        members=members,
        decisions=list(meeting.decisions.select_related("agenda_item")),
        action_items=list(meeting.action_items.select_related("owner")),
        carried_over=carried_over,
        inputs=list(meeting.inputs.all()),
    )


def attendance_by_membership(detail: MeetingDetail) -> dict[int, str]:
    return {a.membership_id: a.status for a in detail.attendances}


__all__ = ["MeetingDetail", "meeting_detail", "meeting_list_for_group", "attendance_by_membership"]
