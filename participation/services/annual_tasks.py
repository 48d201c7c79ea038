"""Recurring yearly tasks of the annual plan: defined by the coordinator, done each year."""

import calendar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AnnualTask, AnnualTaskDone, Programme, User
from ..selectors.annual_tasks import annual_task_owner_choices


def annual_task_save(
    *,
    programme: Programme,
    task: AnnualTask | None = None,
    title: str,
    month: int,
    day: int | None,
    owner: User | None,
    description: str = "",
    is_active: bool = True,
) -> AnnualTask:
    """Create or change a yearly task. The day must exist in the month (29 February does:
    in other years it falls on the 28th); the owner must have a role in the programme."""
    errors = {}
    if day is not None and day > calendar.monthrange(2024, month)[1]:
        errors["day"] = _("That month does not have that many days.")
    if (
        owner is not None
        and not annual_task_owner_choices(programme=programme).filter(pk=owner.pk).exists()
    ):
        errors["owner"] = _("Choose someone with a role in the programme.")
    if errors:
        raise ValidationError(errors)
    task = task or AnnualTask(programme=programme)
    task.title, task.month, task.day = title.strip(), month, day
    task.owner, task.description, task.is_active = owner, description.strip(), is_active
    task.full_clean()
    task.save()
    return task


def annual_task_mark(*, task: AnnualTask, year: int, is_done: bool, by: User) -> bool:
    """Mark the task done (or not done after all) for a year. Returns whether it is done.
    Marking twice is harmless: the unique row decides."""
    if not is_done:
        AnnualTaskDone.objects.filter(task=task, year=year).delete()
        return False
    try:
        with transaction.atomic():
            AnnualTaskDone.objects.create(task=task, year=year, done_by=by, done_at=timezone.now())
    except IntegrityError:
        # annual_task_done_once_a_year: someone marked it at the same moment; anything else
        # is a real error.
        if not AnnualTaskDone.objects.filter(task=task, year=year).exists():
            raise
    return True
