"""Meetings with what belongs to them, fetched in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from ..models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Group,
    Meeting,
    Membership,
    Programme,
)


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
    # Follow-ups of earlier decisions closed since the group last met.
    followed_up: list[ActionItem]


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
        .select_related("owner", "meeting", "decision")
        .order_by("due_on", "pk")
    )
    return MeetingDetail(
        meeting=meeting,
        agenda_items=[i for i in items if i.state == AgendaItem.State.ACCEPTED],
        proposed_items=[i for i in items if i.state == AgendaItem.State.PROPOSED],
        attendances=attendances,
        members=members,
        decisions=list(
            meeting.decisions.select_related("agenda_item").prefetch_related(
                Prefetch(
                    "follow_ups",
                    queryset=ActionItem.objects.select_related("owner").order_by("due_on", "pk"),
                )
            )
        ),
        # A decision's follow-ups are shown with the decision, not twice.
        action_items=list(
            meeting.action_items.filter(decision__isnull=True).select_related("owner")
        ),
        carried_over=carried_over,
        inputs=list(meeting.inputs.all()),
        followed_up=follow_ups_closed_since_last_meeting(meeting=meeting),
    )


def open_follow_ups_before(*, meeting: Meeting) -> list[ActionItem]:
    """Open follow-ups of the group's decisions from earlier meetings, due first: what the
    group's next meeting hears about (its page and the agenda's check step)."""
    return list(
        ActionItem.objects.open()
        .filter(
            group=meeting.group_id,
            decision__isnull=False,
            meeting__starts_at__lt=meeting.starts_at,
        )
        .select_related("owner", "meeting", "decision")
        .order_by("due_on", "pk")
    )


def follow_ups_closed_since_last_meeting(*, meeting: Meeting) -> list[ActionItem]:
    """Follow-ups of the group's earlier decisions done or dropped since its previous meeting
    began (and before this one ended): what the group hears came of its decisions."""
    # One query: without a previous meeting the subquery is NULL and nothing matches.
    previous = (
        Meeting.objects.filter(group=meeting.group_id, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    return list(
        ActionItem.objects.filter(
            group=meeting.group_id,
            decision__isnull=False,
            meeting__starts_at__lt=meeting.starts_at,
            closed_at__gte=Subquery(previous),
            closed_at__lt=meeting.ends_at,
        )
        .exclude(status=ActionItem.Status.OPEN)
        .select_related("owner", "meeting", "decision")
        .order_by("closed_at", "pk")
    )


def _programme_follow_ups(programme: Programme) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(decision__isnull=False, group__programmes=programme).exclude(
        meeting__status=Meeting.Status.CANCELLED
    )


def decision_follow_ups(
    programme: Programme,
    *,
    today: datetime.date,
    decided_from: datetime.date | None = None,
    decided_to: datetime.date | None = None,
) -> list[ActionItem]:
    """Every follow-up of the programme's decisions (optionally of decisions made between two
    days, both included), oldest meeting first, each with `is_late` set as of `today` (open
    and past its date). Public: the steering report reads it. Documents that leave the app
    must not name the owners when they are young members: use the counts."""
    follow_ups = _programme_follow_ups(programme).select_related(
        "owner", "group", "meeting", "decision"
    )
    if decided_from is not None:
        follow_ups = follow_ups.filter(meeting__starts_at__date__gte=decided_from)
    if decided_to is not None:
        follow_ups = follow_ups.filter(meeting__starts_at__date__lte=decided_to)
    rows = list(follow_ups.distinct().order_by("meeting__starts_at", "decision_id", "pk"))
    for row in rows:
        row.is_late = (
            row.status == ActionItem.Status.OPEN and row.due_on is not None and row.due_on < today
        )
    return rows


def overdue_follow_ups(programme: Programme, *, today: datetime.date) -> list[ActionItem]:
    """Open follow-ups of the programme's decisions whose date has passed, latest first due.
    Public: the steering report reads it."""
    return list(
        _programme_follow_ups(programme)
        .filter(status=ActionItem.Status.OPEN, due_on__lt=today)
        .select_related("owner", "group", "meeting", "decision")
        .distinct()
        .order_by("due_on", "pk")
    )


@dataclass(frozen=True)
class FollowUpSummary:
    """Counts over a programme's decisions and their follow-ups (no names)."""

    decisions: int
    decisions_followed_up: int
    done: int
    dropped: int
    open: int
    overdue: int


def follow_up_summary(
    programme: Programme,
    *,
    today: datetime.date,
    decided_from: datetime.date | None = None,
    decided_to: datetime.date | None = None,
) -> FollowUpSummary:
    """How many decisions were made (between the days, if given), how many got a follow-up,
    and the follow-ups done, dropped, open and overdue as of `today`. Two queries."""
    decisions = Decision.objects.filter(meeting__group__programmes=programme).exclude(
        meeting__status=Meeting.Status.CANCELLED
    )
    if decided_from is not None:
        decisions = decisions.filter(meeting__starts_at__date__gte=decided_from)
    if decided_to is not None:
        decisions = decisions.filter(meeting__starts_at__date__lte=decided_to)
    counts = decisions.distinct().aggregate(
        total=Count("pk", distinct=True),
        followed=Count("pk", filter=Q(follow_ups__isnull=False), distinct=True),
    )
    rows = decision_follow_ups(
        programme, today=today, decided_from=decided_from, decided_to=decided_to
    )
    return FollowUpSummary(
        decisions=counts["total"],
        decisions_followed_up=counts["followed"],
        done=sum(r.status == ActionItem.Status.DONE for r in rows),
        dropped=sum(r.status == ActionItem.Status.DROPPED for r in rows),
        open=sum(r.status == ActionItem.Status.OPEN for r in rows),
        overdue=sum(r.is_late for r in rows),
    )


def action_items_owed_by(*, programme: Programme, person_id: int | None) -> list[ActionItem]:
    """The open action items (decision follow-ups among them) this person owns in the
    programme's groups, due first, undated last."""
    if person_id is None:
        return []
    items = (
        ActionItem.objects.open()
        .filter(owner=person_id, group__programmes=programme)
        .select_related("group", "meeting", "decision")
        .distinct()
    )
    return sorted(items, key=lambda item: (item.due_on or datetime.date.max, item.pk))


def attendance_by_membership(detail: MeetingDetail) -> dict[int, str]:
    return {a.membership_id: a.status for a in detail.attendances}


__all__ = [
    "FollowUpSummary",
    "MeetingDetail",
    "action_items_owed_by",
    "attendance_by_membership",
    "decision_follow_ups",
    "follow_up_summary",
    "follow_ups_closed_since_last_meeting",
    "meeting_detail",
    "meeting_list_for_group",
    "open_follow_ups_before",
    "overdue_follow_ups",
]
