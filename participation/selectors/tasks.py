"""The coordinator's start page as a task list: everything waiting on them, each with a count
and a link, in a fixed number of queries whatever the numbers.

participation's own tasks come first, then those of every installed app with a `start_page`
module offering `coordinator_tasks(*, access, user, now) -> list[Task]` (the base never imports the
apps built on it, as with reminders).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..access import ProgrammeAccess, groups_visible_to
from ..models import ActionItem, Input, Meeting
from .annual_tasks import annual_tasks_due
from .training import training_table

# The agenda should reach members a week ahead; follow-ups due this soon are on the list.
AGENDA_WARNING_DAYS = 7
FOLLOW_UP_DAYS = 7
MINUTES_LOOKBACK_DAYS = 180
# A task shows its first few items by name; the link leads to the rest.
ITEMS_SHOWN = 5


@dataclass
class TaskItem:
    label: str
    url: str
    note: str = ""


@dataclass
class Task:
    """One kind of work waiting: what to do, how many, where to do it."""

    key: str
    label: str
    count: int
    url: str
    items: list[TaskItem] = field(default_factory=list)


def _meeting_item(slug: str, meeting: Meeting, url_name: str) -> TaskItem:
    return TaskItem(
        label=f"{meeting.display_title}, {_short_date(meeting.starts_at)}",
        url=reverse(url_name, args=[slug, meeting.pk]),
    )


def _meeting_task(key: str, label: str, slug: str, meetings: list, url_name: str) -> Task:
    """A task over meetings: the count, the first one as the task's link, a few listed."""
    return Task(
        key,
        label,
        len(meetings),
        reverse(url_name, args=[slug, meetings[0].pk]) if meetings else "",
        [_meeting_item(slug, m, url_name) for m in meetings[:ITEMS_SHOWN]],
    )


def _short_date(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def participation_tasks(*, access: ProgrammeAccess, user, now) -> list[Task]:
    """Agendas, minutes, inputs and follow-ups waiting on the coordinator."""
    slug = access.programme.slug
    today = timezone.localdate(now)
    groups = groups_visible_to(access)
    # One query for both ends: agendas of the coming week, minutes of meetings held.
    soon = now + datetime.timedelta(days=AGENDA_WARNING_DAYS)
    relevant = list(
        Meeting.objects.filter(group__in=groups)
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(
            Q(starts_at__gt=now, starts_at__lte=soon, agenda_sent_at__isnull=True)
            | Q(
                starts_at__lte=now,
                starts_at__gte=now - datetime.timedelta(days=MINUTES_LOOKBACK_DAYS),
            )
        )
        .select_related("group")
        .order_by("starts_at")
    )
    agendas = [m for m in relevant if m.starts_at > now]
    held = [
        m
        for m in reversed(relevant)
        if m.starts_at <= now and m.minutes_status != Meeting.MinutesStatus.APPROVED
    ]
    to_write = [m for m in held if m.minutes_status == Meeting.MinutesStatus.NONE]
    to_approve = [m for m in held if m.minutes_status == Meeting.MinutesStatus.DRAFT]
    inputs = list(
        Input.objects.filter(programme=access.programme)
        .waiting_for_feedback()
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related("assigned_office", "assigned_group", "assigned_to")
        .order_by("feedback_due_on")
    )
    follow_ups = list(
        ActionItem.objects.filter(
            group__in=groups,
            status=ActionItem.Status.OPEN,
            due_on__lte=today + datetime.timedelta(days=FOLLOW_UP_DAYS),
        )
        .select_related("owner")
        .order_by("due_on")
    )
    tasks = [
        _meeting_task("agendas", _("Send the agenda"), slug, agendas, "agenda_send"),
        _meeting_task(
            "minutes_to_approve", _("Approve the minutes"), slug, to_approve, "meeting_minutes"
        ),
        _meeting_task(
            "minutes_to_write", _("Write the minutes"), slug, to_write, "meeting_minutes"
        ),
        Task(
            "inputs",
            _("Inputs waiting for an answer"),
            len(inputs),
            reverse("input_list", args=[slug]),
            [
                TaskItem(
                    label=item.title,
                    url=reverse("input_detail", args=[slug, item.pk]),
                    note=_whose_turn(item, today),
                )
                for item in inputs[:ITEMS_SHOWN]
            ],
        ),
        Task(
            "follow_ups",
            _("Action items due within a week or overdue"),
            len(follow_ups),
            reverse("meeting_detail", args=[slug, follow_ups[0].meeting_id]) if follow_ups else "",
            [
                TaskItem(
                    label=item.title,
                    url=reverse("meeting_detail", args=[slug, item.meeting_id]),
                    note=_due_note(item, today),
                )
                for item in follow_ups[:ITEMS_SHOWN]
            ],
        ),
        _annual_task_task(access=access, today=today),
        _training_task(access=access, today=today),
    ]
    return tasks


def _training_task(*, access: ProgrammeAccess, today: datetime.date) -> Task:
    """Training refreshers past their date, per module: who should take it again."""
    url = reverse("training_overview", args=[access.programme.slug])
    tables = [t for t in training_table(programme=access.programme, today=today) if t.overdue]
    items = [
        TaskItem(
            label=table.module.title,
            url=f"{url}#module-{table.module.pk}",
            note=_("%(count)s overdue") % {"count": table.overdue},
        )
        for table in tables[:ITEMS_SHOWN]
    ]
    count = sum(table.overdue for table in tables)
    return Task("training", _("Training refreshers overdue"), count, url, items)


def _annual_task_task(*, access: ProgrammeAccess, today: datetime.date) -> Task:
    """This year's yearly tasks due within two weeks or late, and not yet done."""
    slug = access.programme.slug
    due = annual_tasks_due(programme=access.programme, today=today)
    plan_url = reverse("annual_plan_year", args=[slug, today.year])
    items = []
    for task in due[:ITEMS_SHOWN]:
        day = task.due_on(today.year)
        when = _("overdue since %(day)s") if day < today else _("due %(day)s")
        owner = task.owner.display_name if task.owner_id else _("nobody named")
        items.append(
            TaskItem(
                label=task.title,
                url=f"{plan_url}#month-{day.month}",
                note=f"{owner}, " + when % {"day": _short_date_of_day(day)},
            )
        )
    return Task("annual_tasks", _("Yearly tasks due"), len(due), plan_url, items)


def _due_note(item: ActionItem, today: datetime.date) -> str:
    owner = item.owner.display_name if item.owner_id else _("nobody named")
    due = _("overdue since %(day)s") if item.due_on < today else _("due %(day)s")
    return f"{owner}, " + due % {"day": _short_date_of_day(item.due_on)}


def _short_date_of_day(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _whose_turn(item: Input, today: datetime.date) -> str:
    if item.assigned_to_id:
        turn = _("with %(name)s") % {"name": item.assigned_to.display_name}
    elif item.assigned_office_id:
        turn = _("with %(office)s") % {"office": item.assigned_office.name}
    elif item.assigned_group_id:
        turn = _("with %(office)s") % {"office": item.assigned_group.name}
    else:
        turn = _("nobody assigned yet: your turn")
    if item.feedback_due_on and item.feedback_due_on < today:
        turn += " · " + _("late")
    return turn


def task_providers() -> list[Callable]:
    """participation's tasks, then those of each installed app's `start_page` module."""
    found = [participation_tasks]
    for config in apps.get_app_configs():
        if config.label == "participation":
            continue
        try:
            module = import_module(f"{config.name}.start_page")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.start_page":
                raise
            continue
        found.append(module.coordinator_tasks)
    return found


def coordinator_tasks(*, access: ProgrammeAccess, user, now=None) -> list[Task]:
    """Every task waiting on the coordinator, those with something to do first."""
    now = now or timezone.now()
    tasks = [
        task
        for provider in task_providers()
        for task in provider(access=access, user=user, now=now)
    ]
    return sorted(tasks, key=lambda task: task.count == 0)
