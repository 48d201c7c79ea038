"""Inputs for lists, the members' phone page and the steering figures."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from ..access import GROUP_ANSWER_ROLES, INPUT_OWNER_ROLES, ProgrammeAccess, inputs_visible_to
from ..models import Attendance, Input, Membership, Programme, User


def input_list(*, access: ProgrammeAccess, status: str = "", overdue_only: bool = False):
    """The inputs the user may see, with what the list shows, newest first."""
    inputs = inputs_visible_to(access).select_related(
        "group", "assigned_office", "assigned_group", "assigned_to"
    )
    if status in Input.Status.values:
        inputs = inputs.filter(status=status)
    if overdue_only:
        inputs = inputs.feedback_overdue()
    return inputs.order_by("-raised_on", "-pk")


def inputs_for_member(*, access: ProgrammeAccess) -> QuerySet[Input]:
    """What happened with what we said: the inputs of the member's own groups (of the whole
    programme for coordinators and the steering group), answered first."""
    if access.can_see_programme_overview:
        inputs = inputs_visible_to(access)
    else:
        inputs = Input.objects.filter(programme=access.programme, group__in=access.group_ids())
    return (
        inputs.select_related("group")
        # Unanswered last on every database (PostgreSQL sorts NULLs first when descending).
        .order_by(F("feedback_at").desc(nulls_last=True), "-raised_on", "-pk")
    )


@dataclass
class InputStats:
    raised: int
    with_feedback: int
    open: int
    declined: int
    overdue: int
    median_days_to_feedback: float | None


def input_stats(*, inputs) -> InputStats:
    """Counts and the median days from raised to first feedback, over the given inputs."""
    rows = list(inputs.values_list("status", "raised_on", "feedback_at", "feedback_due_on"))
    today = timezone.localdate()
    days = [
        (timezone.localdate(feedback_at) - raised_on).days
        for _, raised_on, feedback_at, _ in rows
        if feedback_at
    ]
    return InputStats(
        raised=len(rows),
        with_feedback=len(days),
        open=sum(
            1 for status, *_ in rows if status not in (Input.Status.DONE, Input.Status.DECLINED)
        ),
        declined=sum(1 for status, *_ in rows if status == Input.Status.DECLINED),
        overdue=sum(1 for _, _, feedback_at, due in rows if not feedback_at and due < today),
        median_days_to_feedback=statistics.median(days) if days else None,
    )


# --- Owners: who answers an input (issue 15) ----------------------------------------------------


def input_owner_candidates(*, programme: Programme) -> QuerySet[User]:
    """People an input can be given to: the coordinators, and the office leaders and advisors
    currently in the programme's groups."""
    staff = Membership.objects.current().filter(
        group__programmes=programme, role__in=INPUT_OWNER_ROLES
    )
    return (
        User.objects.filter(
            Q(coordinated_programmes=programme) | Q(pk__in=staff.values("person_id")),
            is_active=True,
        )
        .distinct()
        .order_by("display_name")
    )


def _open_inputs():
    return Input.objects.exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED]).filter(
        feedback_at__isnull=True
    )


def inputs_owed_by(*, access: ProgrammeAccess) -> QuerySet[Input]:
    """The open inputs this person owes an answer to: given to them by name, else to an office
    they lead, else to a group they answer for. Due first."""
    if access.person_id is None:
        return Input.objects.none()
    owed = Q(assigned_to=access.person_id) | Q(
        assigned_to__isnull=True, assigned_office__in=access.led_office_ids
    )
    owed |= Q(
        assigned_to__isnull=True,
        assigned_office__isnull=True,
        assigned_group__in=access.answering_group_ids,
    )
    return (
        _open_inputs()
        .filter(owed, programme=access.programme)
        .select_related("group", "assigned_office", "assigned_group", "assigned_to")
        .order_by("feedback_due_on", "pk")
    )


def input_owners(*, inputs, on: datetime.date) -> dict[int, list[User]]:
    """Who owes each input an answer, in two queries: the person it was given to; else the
    current leaders of its office; else those who answer for its group. Active people only."""
    inputs = list(inputs)
    offices = {
        i.assigned_office_id for i in inputs if not i.assigned_to_id and i.assigned_office_id
    }
    groups = {
        i.assigned_group_id
        for i in inputs
        if not i.assigned_to_id and not i.assigned_office_id and i.assigned_group_id
    }
    leaders: dict[tuple[int, int], dict[int, User]] = defaultdict(dict)
    answerers: dict[int, dict[int, User]] = defaultdict(dict)
    if offices or groups:
        for m in (
            Membership.objects.current(on=on)
            .filter(person__is_active=True)
            .filter(
                Q(role=Membership.Role.LEADER, office__in=offices)
                | Q(group__in=groups, role__in=GROUP_ANSWER_ROLES)
            )
            .select_related("person")
            .prefetch_related("group__programmes")
            .order_by("person__display_name")
        ):
            if m.role == Membership.Role.LEADER and m.office_id in offices:
                for programme in m.group.programmes.all():
                    leaders[(programme.pk, m.office_id)].setdefault(m.person_id, m.person)
            if m.group_id in groups and m.role in GROUP_ANSWER_ROLES:
                answerers[m.group_id].setdefault(m.person_id, m.person)
    owners = {}
    for item in inputs:
        if item.assigned_to_id:
            person = item.assigned_to
            owners[item.pk] = [person] if person.is_active else []
        elif item.assigned_office_id:
            owners[item.pk] = list(leaders[(item.programme_id, item.assigned_office_id)].values())
        elif item.assigned_group_id:
            owners[item.pk] = list(answerers[item.assigned_group_id].values())
        else:
            owners[item.pk] = []
    return owners


@dataclass
class OwedInput:
    input: Input
    owners: list[User]
    days_overdue: int


def input_owner_overview(*, programme: Programme, today: datetime.date) -> list[OwedInput]:
    """Who owes what, for the coordinator: every open input with its owners and how late it
    is, the latest first; inputs with no owner are listed too (they are the coordinator's)."""
    inputs = list(
        _open_inputs()
        .filter(programme=programme)
        .select_related("group", "assigned_office", "assigned_group", "assigned_to")
        .order_by("feedback_due_on", "pk")
    )
    owners = input_owners(inputs=inputs, on=today)
    return [OwedInput(item, owners[item.pk], item.days_overdue(today)) for item in inputs]


def inputs_recently_answered(*, programme: Programme, limit: int = 10) -> QuerySet[Input]:
    """The inputs answered or declined last, for the overview's "answered" list."""
    return (
        Input.objects.filter(
            programme=programme, status__in=[Input.Status.DONE, Input.Status.DECLINED]
        )
        .select_related("assigned_office", "assigned_group", "assigned_to")
        .order_by("-status_changed_at", "-pk")[:limit]
    )


def input_raisers(*, inputs) -> dict[int, list[User]]:
    """The members who raised each input, to be told its answer: those present at its meeting
    (the group's members that day when attendance was not recorded); without a meeting, the
    group's members the day it was raised. Active people only, each once."""
    raisers: dict[int, list[User]] = {}
    for item in inputs:
        people: dict[int, User] = {}
        if item.meeting_id:
            present = Attendance.objects.filter(
                meeting_id=item.meeting_id, membership__person__is_active=True
            ).select_related("membership__person")
            recorded = list(present)
            if recorded:
                for attendance in recorded:
                    if attendance.status == Attendance.Status.PRESENT:
                        person = attendance.membership.person
                        people.setdefault(person.pk, person)
                raisers[item.pk] = sorted(people.values(), key=lambda p: p.display_name)
                continue
        group_id = item.group_id or (item.meeting.group_id if item.meeting_id else None)
        day = timezone.localdate(item.meeting.starts_at) if item.meeting_id else item.raised_on
        if group_id:
            for membership in (
                Membership.objects.current(on=day)
                .filter(group_id=group_id, person__is_active=True)
                .select_related("person")
                .order_by("person__display_name")
            ):
                people.setdefault(membership.person_id, membership.person)
        raisers[item.pk] = list(people.values())
    return raisers


def input_answer_days(
    *, programme: Programme, start: datetime.date, end: datetime.date, office_id: int | None = None
) -> list[tuple[datetime.date, int]]:
    """(day of the first feedback, days from raised to it) for each of the programme's inputs
    answered in [start, end] (Oslo days), in one query; an office narrows it to inputs given
    to that office."""
    inputs = Input.objects.filter(programme=programme, feedback_at__isnull=False)
    if office_id:
        inputs = inputs.filter(assigned_office_id=office_id)
    rows = inputs.filter(
        feedback_at__date__gte=start - datetime.timedelta(days=1),
        feedback_at__date__lte=end + datetime.timedelta(days=1),
    ).values_list("raised_on", "feedback_at")
    answered = []
    for raised_on, feedback_at in rows:
        day = timezone.localdate(feedback_at)
        if start <= day <= end:
            answered.append((day, (day - raised_on).days))
    return sorted(answered)
