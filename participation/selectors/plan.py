"""The annual plan (årshjul): every group's meetings and deadlines, month by month."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from ..access import ProgrammeAccess, can_mark_annual_task, groups_visible_to
from ..models import ActionItem, AnnualTask, Group, Meeting, TrainingModule
from .training import training_refreshers_of_programme


@dataclass
class PlanEntry:
    day: datetime.date
    kind: str  # "meeting", "agenda_deadline", "action_due", "task", "refresher"
    group: Group | None
    meeting: Meeting | None = None
    action_item: ActionItem | None = None
    annual_task: AnnualTask | None = None
    is_done: bool = False
    can_mark: bool = False
    training_module: TrainingModule | None = None
    # Whose refresher falls due (coordinators only; others see only their own, unnamed).
    people: list[str] = field(default_factory=list)


@dataclass
class PlanMonth:
    first_day: datetime.date
    entries: list[PlanEntry] = field(default_factory=list)


@dataclass
class GroupYear:
    group: Group
    meetings_held_or_planned: int

    @property
    def is_below_minimum(self) -> bool:
        return self.meetings_held_or_planned < self.group.min_meetings_per_year


@dataclass
class AnnualPlan:
    year: int
    months: list[PlanMonth]
    groups: list[GroupYear]


def annual_plan(*, access: ProgrammeAccess, year: int) -> AnnualPlan:
    """Meetings, agenda deadlines and action items due, for the groups the user sees, and the
    programme's recurring yearly tasks, each done or not that year."""
    groups = list(groups_visible_to(access))
    meetings = list(
        Meeting.objects.filter(group__in=groups, starts_at__year=year)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .order_by("starts_at")
    )
    months = [PlanMonth(first_day=datetime.date(year, m, 1)) for m in range(1, 13)]
    for meeting in meetings:
        day = timezone.localdate(meeting.starts_at)
        months[day.month - 1].entries.append(
            PlanEntry(day=day, kind="meeting", group=meeting.group, meeting=meeting)
        )
        deadline = timezone.localdate(meeting.agenda_deadline)
        if deadline.year == year and meeting.group.kind in (
            Group.Kind.RESOURCE,
            Group.Kind.USER_COMMITTEE,
        ):
            months[deadline.month - 1].entries.append(
                PlanEntry(
                    day=deadline, kind="agenda_deadline", group=meeting.group, meeting=meeting
                )
            )
    for item in (
        ActionItem.objects.open()
        .filter(group__in=groups, due_on__year=year)
        .select_related("group", "owner")
    ):
        months[item.due_on.month - 1].entries.append(
            PlanEntry(day=item.due_on, kind="action_due", group=item.group, action_item=item)
        )
    for task in (
        AnnualTask.objects.filter(programme=access.programme, is_active=True)
        .select_related("owner")
        .prefetch_related("done_years")
    ):
        day = task.due_on(year)
        months[day.month - 1].entries.append(
            PlanEntry(
                day=day,
                kind="task",
                group=None,
                annual_task=task,
                is_done=any(done.year == year for done in task.done_years.all()),
                can_mark=can_mark_annual_task(access, task),
            )
        )
    for entry in _refresher_entries(access=access, year=year):
        months[entry.day.month - 1].entries.append(entry)
    for month in months:
        month.entries.sort(key=lambda e: (e.day, e.kind != "meeting"))
    counts = {}
    for meeting in meetings:
        counts[meeting.group_id] = counts.get(meeting.group_id, 0) + 1
    return AnnualPlan(
        year=year,
        months=months,
        groups=[GroupYear(group=g, meetings_held_or_planned=counts.get(g.pk, 0)) for g in groups],
    )


def _refresher_entries(*, access: ProgrammeAccess, year: int) -> list[PlanEntry]:
    """Training refreshers falling due in the year for the people in the programme today, one
    entry per module and month: coordinators see whose, everyone else only their own."""
    rows = training_refreshers_of_programme(
        programme=access.programme,
        today=timezone.localdate(),
        since=datetime.date(year, 1, 1),
        until=datetime.date(year, 12, 31),
    )
    if not access.can_manage:
        rows = [row for row in rows if row.person.pk == access.person_id]
    entries: dict[tuple[int, int], PlanEntry] = {}
    for row in rows:  # earliest first
        entry = entries.setdefault(
            (row.module.pk, row.due_on.month),
            PlanEntry(day=row.due_on, kind="refresher", group=None, training_module=row.module),
        )
        if access.can_manage:
            entry.people.append(row.person.display_name)
    return list(entries.values())
