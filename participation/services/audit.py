"""The one way to record who viewed, exported or downloaded protected data."""

import logging

from ..models import AuditEvent, Programme, User

logger = logging.getLogger(__name__)


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
