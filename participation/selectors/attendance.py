"""Attendance over time: who is drifting away, and which office stopped coming."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Attendance, Group, Meeting, Membership, Office

ABSENT = (Attendance.Status.ABSENT, Attendance.Status.NOTICE)


@dataclass
class MemberRow:
    membership: Membership
    cells: list[str | None]  # one per meeting: a status, or None before they joined / not recorded
    present: int = 0
    recorded: int = 0
    streak: int = 0  # absences in a row, counted back from the latest recorded meeting
    last_present: object = None
    is_flagged: bool = False

    @property
    def rate(self) -> int | None:
        return round(100 * self.present / self.recorded) if self.recorded else None


@dataclass
class OfficeRow:
    office: Office
    cells: list[bool | None]  # anyone from the office present at each meeting
    streak: int = 0
    is_flagged: bool = False


@dataclass
class AttendanceOverview:
    group: Group
    meetings: list[Meeting]
    rows: list[MemberRow]
    office_rows: list[OfficeRow] = field(default_factory=list)

    @property
    def flagged(self) -> list[MemberRow]:
        return [row for row in self.rows if row.is_flagged]

    @property
    def flagged_offices(self) -> list[OfficeRow]:
        return [row for row in self.office_rows if row.is_flagged]


def attendance_overviews(*, groups, since=None, now=None) -> dict[int, AttendanceOverview]:
    """Per group: past meetings with attendance recorded, and a row per current member.

    Three queries for any number of groups. A meeting where nobody's attendance was recorded
    is left out, so an unrecorded meeting never counts as an absence.
    """
    now = now or timezone.now()
    groups = list(groups)
    group_ids = [g.pk for g in groups]
    meetings_filter = Q(group__in=group_ids, ends_at__lt=now, attendances__isnull=False)
    if since is not None:
        meetings_filter &= Q(starts_at__date__gte=since)
    meetings = list(
        Meeting.objects.filter(meetings_filter)
        .exclude(status=Meeting.Status.CANCELLED)
        .distinct()
        .order_by("starts_at")
    )
    statuses = {
        (meeting_id, membership_id): status
        for meeting_id, membership_id, status in Attendance.objects.filter(
            meeting__in=[m.pk for m in meetings]
        ).values_list("meeting_id", "membership_id", "status")
    }
    memberships = list(
        Membership.objects.current(on=timezone.localdate(now))
        .filter(group__in=group_ids)
        .select_related("person", "office")
        .order_by("person__display_name")
    )
    meetings_of = defaultdict(list)
    for meeting in meetings:
        meetings_of[meeting.group_id].append(meeting)
    members_of = defaultdict(list)
    for membership in memberships:
        members_of[membership.group_id].append(membership)

    overviews = {}
    for group in groups:
        group_meetings = meetings_of[group.pk]
        rows = [
            _member_row(membership, group_meetings, statuses, group.absence_threshold)
            for membership in members_of[group.pk]
        ]
        overview = AttendanceOverview(group=group, meetings=group_meetings, rows=rows)
        if group.kind == Group.Kind.PROJECT:
            overview.office_rows = _office_rows(rows, group_meetings, group.absence_threshold)
        overviews[group.pk] = overview
    return overviews


def _member_row(membership, meetings, statuses, threshold) -> MemberRow:
    row = MemberRow(membership=membership, cells=[])
    for meeting in meetings:
        if timezone.localdate(meeting.starts_at) < membership.starts_on:
            row.cells.append(None)
            continue
        status = statuses.get((meeting.pk, membership.pk))
        row.cells.append(status)
        if status is None:
            continue
        row.recorded += 1
        if status == Attendance.Status.PRESENT:
            row.present += 1
            row.last_present = meeting.starts_at
            row.streak = 0
        else:
            row.streak += 1
    row.is_flagged = row.streak >= threshold
    return row


def _office_rows(rows, meetings, threshold) -> list[OfficeRow]:
    by_office = defaultdict(list)
    for row in rows:
        if row.membership.office_id:
            by_office[row.membership.office].append(row)
    office_rows = []
    for office, office_members in sorted(by_office.items(), key=lambda pair: pair[0].name):
        office_row = OfficeRow(office=office, cells=[])
        for index in range(len(meetings)):
            cells = [member.cells[index] for member in office_members]
            if all(cell is None for cell in cells):
                office_row.cells.append(None)
                continue
            present = any(cell == Attendance.Status.PRESENT for cell in cells)
            office_row.cells.append(present)
            office_row.streak = 0 if present else office_row.streak + 1
        office_row.is_flagged = office_row.streak >= threshold
        office_rows.append(office_row)
    return office_rows


def attendance_by_day(
    *,
    programme,
    group_kind: str,
    start,
    end,
    office_id: int | None = None,
) -> list[tuple]:
    """(Oslo day, present, recorded) per held meeting day of the programme's groups of one kind
    in [start, end], in one query; an office narrows it to members seated for that office."""
    rows = (
        Attendance.objects.filter(
            meeting__group__programmes=programme,
            meeting__group__kind=group_kind,
            meeting__starts_at__date__gte=start - datetime.timedelta(days=1),
            meeting__starts_at__date__lte=end + datetime.timedelta(days=1),
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .filter(Q(membership__office_id=office_id) if office_id else Q())
        .values("meeting__starts_at")
        .annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
            recorded=Count("pk"),
        )
    )
    by_day: dict = defaultdict(lambda: [0, 0])
    for row in rows:
        day = timezone.localdate(row["meeting__starts_at"])
        if start <= day <= end:
            by_day[day][0] += row["present"]
            by_day[day][1] += row["recorded"]
    return sorted((day, present, recorded) for day, (present, recorded) in by_day.items())
