"""Thin Celery tasks: each calls one service."""

from celery import shared_task

from .services.recruitment import applications_delete_expired


@shared_task
def delete_expired_applications() -> int:
    """Daily: delete applications not chosen, a set time after their posting closed."""
    return applications_delete_expired()
