"""The programme's audit log, as its coordinators read it."""

from django.db.models import QuerySet

from ..models import AuditEvent, Programme


def audit_events_for(*, programme: Programme, action: str = "") -> QuerySet[AuditEvent]:
    """The programme's audit events, newest first, optionally of one action only."""
    events = AuditEvent.objects.filter(programme=programme).select_related("actor")
    if action:
        events = events.filter(action=action)
    return events.order_by("-at", "-pk")
