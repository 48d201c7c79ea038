import datetime

import pytest
from django.utils import timezone

from participation import services
from participation.access import access_programme
from participation.models import Input
from participation.selectors import coordinator_dashboard
from participation.services.meetings import local_datetime

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _meeting(group, days):
    starts = local_datetime(timezone.localdate() + datetime.timedelta(days=days), datetime.time(16))
    return services.meeting_create(
        group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


@pytest.fixture
def busy_programme(cast):
    """A programme with a bit of everything that needs a coordinator's attention."""
    member = cast.member.memberships.get()
    member.starts_on = timezone.localdate() - datetime.timedelta(days=90)
    member.save()
    past = [_meeting(cast.resource_group, -d) for d in (42, 28, 14)]
    for meeting in past:
        services.attendance_record(meeting=meeting, statuses={member.pk: "absent"})
    services.minutes_save(meeting=past[-1], version=0, summary="Utkast", item_minutes={})
    soon = _meeting(cast.resource_group, 3)
    later = _meeting(cast.resource_group, 17)
    services.agenda_send(meeting=later)
    services.action_item_create(
        meeting=past[0],
        title="Sende brevutkast",
        owner=cast.member,
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    services.input_create(
        programme=cast.programme,
        title="Gammelt innspill",
        source=Input.Source.DIRECT,
        raised_on=timezone.localdate() - datetime.timedelta(weeks=8),
    )
    return {"past": past, "soon": soon, "later": later}


def test_dashboard_lists_what_needs_doing(cast, busy_programme):
    dashboard = coordinator_dashboard(access=access_programme(cast.coordinator, "best"))

    assert dashboard.next_meetings[:2] == [busy_programme["soon"], busy_programme["later"]]
    assert dashboard.agendas_not_sent == [busy_programme["soon"]]
    assert busy_programme["past"][-1] in dashboard.minutes_not_approved
    assert [a.title for a in dashboard.overdue_action_items] == ["Sende brevutkast"]
    assert dashboard.inputs_overdue_count == 1
    assert [r.membership.person for r in dashboard.members_at_risk] == [cast.member]


def test_coordinator_sees_the_dashboard_on_the_programme_page(login, client, cast, busy_programme):
    login(cast.coordinator)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Needs doing" in body
    assert "Sende brevutkast" in body
    assert "Gammelt innspill" in body
    assert "Emma Medlem" in body and "absent from the last 3 meetings" in body


def test_member_sees_their_next_meetings_and_no_dashboard(login, client, cast, busy_programme):
    login(cast.member)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Needs doing" not in body
    assert "Gammelt innspill" not in body
    assert "Next meetings" in body


def test_steering_member_gets_no_coordinator_dashboard(login, client, cast, busy_programme):
    login(cast.leader)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Needs doing" not in body


def test_dashboard_query_count_does_not_grow_with_data(
    login, client, cast, busy_programme, django_assert_max_num_queries
):
    login(cast.coordinator)
    client.get("/p/best/")
    with django_assert_max_num_queries(40) as queries:
        client.get("/p/best/")
    baseline = len(queries)
    for d in (56, 70):
        _meeting(cast.resource_group, -d)
    for n in range(5):
        services.input_create(
            programme=cast.programme,
            title=f"Innspill {n}",
            source=Input.Source.DIRECT,
            raised_on=timezone.localdate() - datetime.timedelta(weeks=9),
        )

    with django_assert_max_num_queries(baseline):
        client.get("/p/best/")


def test_dashboard_leads_to_inviting_people_and_to_reminder_times(login, client, cast):
    login(cast.coordinator)

    body = client.get("/p/best/").content.decode()

    assert 'href="/p/best/invite/"' in body
    assert 'href="/p/best/reminders/"' in body
