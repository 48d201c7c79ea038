"""Thin Celery tasks: take ids, fetch, call one service."""

from celery import shared_task

from . import services
from .models import Invitation


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
