"""The audit log: one service appends events, nothing changes them; model history records
who changed personal data, through django-auditlog and its middleware."""

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from participation.models import AuditEvent, AuditEventIsAppendOnly
from participation.services.audit import audit_event

pytestmark = pytest.mark.django_db


def _event(cast, **overrides):
    values = {
        "actor": cast.coordinator,
        "action": AuditEvent.Action.EXPORTED,
        "programme": cast.programme,
        "subject": "Payroll March",
        "detail": "8 rows",
    }
    values.update(overrides)
    return audit_event(**values)


def test_an_export_is_recorded_with_who_what_where_and_when(cast):
    event = _event(cast)

    stored = AuditEvent.objects.get()
    assert stored == event
    assert stored.actor == cast.coordinator
    assert stored.action == "exported"
    assert stored.programme == cast.programme
    assert stored.subject == "Payroll March"
    assert stored.detail == "8 rows"
    assert abs((timezone.now() - stored.at).total_seconds()) < 60


def test_an_unknown_action_is_refused_and_nothing_is_stored(cast):
    with pytest.raises(ValueError):
        _event(cast, action="printed")

    assert not AuditEvent.objects.exists()


def test_an_anonymous_actor_is_stored_as_nobody(cast):
    from django.contrib.auth.models import AnonymousUser

    event = _event(cast, actor=AnonymousUser())

    assert event.actor is None


def test_a_saved_event_cannot_be_changed(cast):
    event = _event(cast)
    event.subject = "Nothing to see"

    with pytest.raises(AuditEventIsAppendOnly):
        event.save()

    assert AuditEvent.objects.get().subject == "Payroll March"


def test_events_cannot_be_changed_or_deleted_in_bulk(cast):
    event = _event(cast)

    with pytest.raises(AuditEventIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(subject="Nothing to see")
    with pytest.raises(AuditEventIsAppendOnly):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditEventIsAppendOnly):
        event.delete()

    assert AuditEvent.objects.get().subject == "Payroll March"


def test_the_admin_shows_events_but_cannot_change_or_delete_them(login, client, cast):
    event = _event(cast)
    cast.coordinator.is_staff = True
    cast.coordinator.is_superuser = True
    cast.coordinator.save()
    login(cast.coordinator)

    assert client.get(f"/admin/participation/auditevent/{event.pk}/change/").status_code == 200
    client.post(f"/admin/participation/auditevent/{event.pk}/change/", {"subject": "x"})
    response = client.post(f"/admin/participation/auditevent/{event.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert AuditEvent.objects.get().subject == "Payroll March"
    assert client.get("/admin/participation/auditevent/add/").status_code == 403


def test_a_membership_change_through_the_app_is_in_the_history_with_its_actor(login, client, cast):
    membership = cast.member.memberships.get()
    login(cast.coordinator)

    response = client.post(
        f"/p/best/groups/{cast.resource_group.pk}/members/{membership.pk}/end/",
        {
            "ends_on": timezone.localdate().isoformat(),
            "end_reason": "got_job",
            "handover_note": "Emma hadde ansvar for brevet.",
            "confirm": "end",
        },
    )

    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(membership).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == cast.coordinator
    assert "ends_on" in entry.changes_dict
    # No IP address, and free text stays out of the history.
    assert entry.remote_addr is None
    assert "handover_note" not in entry.changes_dict


def test_a_password_change_leaves_no_password_in_the_history(cast):
    cast.member.set_password("a new secret phrase")
    cast.member.save()

    for entry in LogEntry.objects.get_for_object(cast.member):
        assert "password" not in entry.changes_dict


def test_pay_and_applications_are_in_the_history():
    from auditlog.registry import auditlog
    from django.apps import apps

    for label in (
        "participation.User",
        "participation.Membership",
        "participation.Attendance",
        "resourcegroup.Contract",
        "resourcegroup.Timesheet",
        "resourcegroup.TimeEntry",
        "resourcegroup.TravelClaim",
        "resourcegroup.Honorarium",
        "resourcegroup.Application",
        "reports.Report",
    ):
        assert auditlog.contains(apps.get_model(label)), label
    assert not auditlog.contains(apps.get_model("surveys.SurveyResponse"))
