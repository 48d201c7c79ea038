"""The representative's own hours pages: what they see, what is stored, and who gets a 404."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from participation.models import Membership
from resourcegroup.models import TimeEntry, Timesheet
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _month_url(year=2024, month=3):
    return f"/p/best/resource-group/hours/{year}/{month}/"


def test_a_representative_logs_hours_and_sees_them(login, client, english, cast, reps):
    login(reps.emma)

    response = client.post(
        _month_url(),
        {"date": "2024-03-05", "hours": "2,5", "activity": "preparation", "comment": "Saksliste"},
        follow=True,
    )

    body = response.content.decode()
    assert "2.5 hours on 5 March are saved" in body
    assert "Saksliste" in body
    entry = TimeEntry.objects.get()
    assert entry.hours == Decimal("2.5")
    assert entry.timesheet.person == reps.emma


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-1", "more than zero"),
        ("25", "24 hours at most"),
        ("1,1", "quarter hours"),
        ("mange", "as a number"),
    ],
)
def test_bad_hours_come_back_with_a_message_and_every_value_kept(
    login, client, english, cast, reps, hours, message
):
    login(reps.emma)

    response = client.post(
        _month_url(),
        {"date": "2024-03-05", "hours": hours, "activity": "workshop", "comment": "Fagdag Gjøvik"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "error-summary" in body
    assert "Fagdag Gjøvik" in body
    assert 'value="2024-03-05"' in body
    assert f'value="{hours}"' in body
    assert TimeEntry.objects.count() == 0


def test_a_garbage_date_is_a_form_error_not_a_crash(login, client, english, cast, reps):
    login(reps.emma)

    response = client.post(_month_url(), {"date": "32.13.2024", "hours": "1", "activity": "other"})

    assert response.status_code == 200
    assert TimeEntry.objects.count() == 0


def test_hours_in_an_approved_month_are_refused_with_a_clear_message(
    login, client, english, cast, reps
):
    TimesheetFactory(
        programme=cast.programme, person=reps.emma, month=D(2024, 2, 1), status="approved"
    )
    login(reps.emma)

    response = client.post(
        _month_url(2024, 2), {"date": "2024-02-10", "hours": "1", "activity": "other"}
    )

    assert "approved and locked" in response.content.decode()
    assert TimeEntry.objects.count() == 0


def test_a_meeting_attended_is_offered_and_added_with_one_tap(login, client, english, cast, reps):
    from participation.services.meetings import local_datetime

    start = local_datetime(D(2024, 3, 12), datetime.time(16, 0))
    meeting = MeetingFactory(
        group=cast.resource_group,
        title="Ressursgruppemøte mars",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    AttendanceFactory(
        meeting=meeting,
        membership=Membership.objects.get(person=reps.emma, group=cast.resource_group),
    )
    login(reps.emma)

    body = client.get(_month_url()).content.decode()
    assert "Ressursgruppemøte mars" in body
    assert "Meetings you were at" in body

    response = client.post(_month_url() + f"meetings/{meeting.pk}/add/", follow=True)

    entry = TimeEntry.objects.get()
    assert entry.meeting == meeting
    assert entry.hours == Decimal("2")
    assert "Meetings you were at" not in response.content.decode()


def test_a_meeting_someone_else_attended_cannot_be_added(login, client, cast, reps):
    from participation.services.meetings import local_datetime

    start = local_datetime(D(2024, 3, 12), datetime.time(16, 0))
    meeting = MeetingFactory(
        group=cast.resource_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    AttendanceFactory(
        meeting=meeting,
        membership=Membership.objects.get(person=reps.sander, group=cast.resource_group),
    )
    login(reps.emma)

    response = client.post(_month_url() + f"meetings/{meeting.pk}/add/")

    assert response.status_code == 404
    assert TimeEntry.objects.count() == 0


def test_sending_the_month_for_approval(login, client, english, cast, reps):
    TimeEntryFactory(timesheet__programme=cast.programme, timesheet__person=reps.emma)
    login(reps.emma)

    response = client.post(_month_url() + "send/", follow=True)

    assert "sent for approval" in response.content.decode()
    assert Timesheet.objects.get().status == Timesheet.Status.SUBMITTED


def test_a_returned_month_shows_the_coordinators_comment(login, client, english, cast, reps):
    TimesheetFactory(
        programme=cast.programme,
        person=reps.emma,
        status="returned",
        return_comment="Fagdagen var fire timer.",
    )
    login(reps.emma)

    body = client.get(_month_url()).content.decode()

    assert "Fagdagen var fire timer." in body


def test_removing_an_entry(login, client, cast, reps):
    entry = TimeEntryFactory(timesheet__programme=cast.programme, timesheet__person=reps.emma)
    login(reps.emma)

    client.post(f"/p/best/resource-group/hours/entries/{entry.pk}/remove/")

    assert TimeEntry.objects.count() == 0


def test_a_representative_cannot_remove_anothers_entry(login, client, cast, reps):
    entry = TimeEntryFactory(timesheet__programme=cast.programme, timesheet__person=reps.sander)
    login(reps.emma)

    response = client.post(f"/p/best/resource-group/hours/entries/{entry.pk}/remove/")

    assert response.status_code == 404
    assert TimeEntry.objects.count() == 1


def test_the_months_list_shows_only_own_months(login, client, english, cast, reps):
    TimeEntryFactory(
        timesheet__programme=cast.programme, timesheet__person=reps.emma, hours=Decimal("3.25")
    )
    TimeEntryFactory(
        timesheet__programme=cast.programme, timesheet__person=reps.sander, hours=Decimal("7.75")
    )
    login(reps.emma)

    body = client.get("/p/best/resource-group/hours/").content.decode()

    assert "3.25" in body
    assert "7.75" not in body


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider", "coordinator"])
def test_people_without_a_contract_have_no_hours_pages(login, client, cast, reps, who):
    login(getattr(cast, who))

    assert client.get("/p/best/resource-group/hours/").status_code == 404
    assert client.get(_month_url()).status_code == 404
    response = client.post(_month_url(), {"date": "2024-03-05", "hours": "1", "activity": "other"})
    assert response.status_code == 404
    assert TimeEntry.objects.count() == 0


def test_anonymous_visitors_are_sent_to_login(client, cast, reps):
    response = client.get("/p/best/resource-group/hours/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_impossible_month_is_a_404(login, client, cast, reps):
    login(reps.emma)

    assert client.get(_month_url(2024, 13)).status_code == 404


def test_the_month_page_does_not_query_per_entry(
    login, client, cast, reps, django_assert_max_num_queries
):
    timesheet = TimesheetFactory(programme=cast.programme, person=reps.emma)
    login(reps.emma)
    client.get(_month_url())
    for day in range(1, 4):
        TimeEntryFactory(timesheet=timesheet, date=D(2024, 3, day))
    with django_assert_max_num_queries(30) as few:
        client.get(_month_url())
    for day in range(4, 20):
        TimeEntryFactory(timesheet=timesheet, date=D(2024, 3, day))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_month_url())


def test_today_is_the_default_date_in_the_current_month(login, client, cast, reps):
    login(reps.emma)
    today = timezone.localdate()

    body = client.get(_month_url(today.year, today.month)).content.decode()

    assert f'value="{today.isoformat()}"' in body


TYPED = {"date": "2024-03-07", "hours": "1,5", "activity": "workshop", "comment": "Fagdag Raufoss"}


def test_removing_an_entry_keeps_the_hours_being_typed(login, client, english, cast, reps):
    entry = TimeEntryFactory(
        timesheet__programme=cast.programme, timesheet__person=reps.emma, date=D(2024, 3, 4)
    )
    login(reps.emma)

    client.post(f"/p/best/resource-group/hours/entries/{entry.pk}/remove/", TYPED)
    body = client.get(_month_url()).content.decode()

    assert TimeEntry.objects.count() == 0
    assert 'value="1,5"' in body and 'value="Fagdag Raufoss"' in body
    # Saved, the kept text is done with: the form starts empty again.
    client.post(_month_url(), TYPED)
    body = client.get(_month_url()).content.decode()
    assert 'value="Fagdag Raufoss"' not in body and TimeEntry.objects.count() == 1


def test_a_month_is_not_sent_while_hours_typed_are_unsaved(login, client, english, cast, reps):
    TimeEntryFactory(
        timesheet__programme=cast.programme, timesheet__person=reps.emma, date=D(2024, 3, 4)
    )
    login(reps.emma)

    body = client.post(_month_url() + "send/", TYPED, follow=True).content.decode()

    assert "not saved" in body and 'value="Fagdag Raufoss"' in body
    assert Timesheet.objects.get().status == Timesheet.Status.DRAFT
