"""Thin Celery tasks: take ids, fetch, call one service."""

from celery import shared_task

from . import services
from .models import Invitation, Meeting


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation(invitation_id: int) -> None:
    invitation = (
        Invitation.objects.select_related("person", "programme", "membership__group")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.is_accepted:
        return
    services.invitation_send(invitation=invitation)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_meeting_invitation(meeting_id: int) -> None:
    meeting = Meeting.objects.select_related("group").filter(pk=meeting_id).first()
    if meeting is None or meeting.is_cancelled:
        return
    services.meeting_invitation_send(meeting=meeting)


@shared_task
def run_reminder_sweep() -> str:
    """Every 15 minutes (Celery beat): one reminder sweep as of now."""
    from .reminders import run_sweep

    return run_sweep().summary()


@shared_task
def remind_input_owners() -> str:
    """Daily (Celery beat): remind owners of inputs due soon and overdue."""
    from .reminders import run_input_owner_reminders

    return run_input_owner_reminders().summary()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_input_answered(input_id: int) -> str:
    """After an answer is stored: tell the members who raised the input."""
    from .reminders import input_answered_notify

    return input_answered_notify(input_id=input_id).summary()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_input_assigned(change_id: int) -> str:
    """After an input is given to someone: tell its new owners, with a link to answer it."""
    from .reminders import input_assigned_notify

    return input_assigned_notify(change_id=change_id).summary()


@shared_task
def apply_retention() -> dict[str, int]:
    """Daily: apply every retention rule of the data register (participation.retention)."""
    from .retention import retention_apply

    return retention_apply()


@shared_task
def remind_training_refreshers() -> str:
    """Daily (Celery beat): tell people whose training refresher is due soon or today."""
    from .services.training import training_refreshers_remind

    return training_refreshers_remind().summary()
