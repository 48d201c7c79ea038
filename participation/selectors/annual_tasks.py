"""Recurring yearly tasks: who may be responsible, and which are due soon and not done."""

import datetime

from django.db.models import Q, QuerySet

from ..models import AnnualTask, Membership, Programme, User

# Who can be responsible for a yearly task besides the coordinators: those who run things.
OWNER_ROLES = (
    Membership.Role.CHAIR,
    Membership.Role.SECRETARY,
    Membership.Role.LEADER,
    Membership.Role.ADVISOR,
    Membership.Role.PAID_REPRESENTATIVE,
)
# A yearly task shows on the coordinator's start page this many days before it is due.
DUE_SOON_DAYS = 14


def annual_task_owner_choices(*, programme: Programme) -> QuerySet[User]:
    """The coordinators and the people with a running role in the programme's groups."""
    current = Membership.objects.current().filter(group__programmes=programme, role__in=OWNER_ROLES)
    return (
        User.objects.filter(Q(coordinated_programmes=programme) | Q(memberships__in=current))
        .filter(is_active=True)
        .distinct()
        .order_by("display_name")
    )


def annual_tasks_due(*, programme: Programme, today: datetime.date) -> list[AnnualTask]:
    """This year's tasks not yet done that are due within DUE_SOON_DAYS or already late,
    earliest first."""
    tasks = (
        AnnualTask.objects.filter(programme=programme, is_active=True)
        .exclude(done_years__year=today.year)
        .select_related("owner")
    )
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    due = [task for task in tasks if task.due_on(today.year) <= horizon]
    return sorted(due, key=lambda task: task.due_on(today.year))
