"""The one way to record who viewed, exported or downloaded protected data."""

import logging

from ..models import AuditEvent, Programme, User

logger = logging.getLogger(__name__)


def audit_events_delete_old(*, now=None) -> int:
    """Delete audit events and model history older than MEDVIRK_RETENTION_AUDIT_MONTHS.
    Returns how many audit events went.

    The audit log's queryset refuses deletes so that no code removes an entry by mistake; the
    retention rule is the one way out, so it calls the plain QuerySet.delete on purpose."""
    from auditlog.models import LogEntry
    from dateutil.relativedelta import relativedelta
    from django.conf import settings
    from django.db import models
    from django.utils import timezone

    now = now or timezone.now()
    cutoff = now - relativedelta(months=settings.MEDVIRK_RETENTION_AUDIT_MONTHS)
    deleted, _per_model = models.QuerySet.delete(AuditEvent.objects.filter(at__lt=cutoff))
    LogEntry.objects.filter(timestamp__lt=cutoff).delete()
    return deleted


def audit_event(
    *,
    actor: User | None,
    action: str,
    programme: Programme | None,
    subject: str,
    detail: str = "",
) -> AuditEvent:
    """Append one audit event; `action` is one of AuditEvent.Action. Never changes a row.

    `subject` names the thing (e.g. "Payroll 2026-03"), never a young member's answers.
    """
    if action not in AuditEvent.Action.values:
        raise ValueError(f"Unknown audit action: {action!r}")
    if actor is not None and not actor.is_authenticated:
        actor = None
    event = AuditEvent(
        actor=actor,
        action=action,
        programme=programme,
        subject=subject[: AuditEvent._meta.get_field("subject").max_length],
        detail=detail,
    )
    event.full_clean()
    event.save()
    logger.info("audit event %s: %s", event.pk, action)
    return event
