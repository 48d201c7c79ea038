"""Planning meetings: one at a time, as a series, changing and cancelling one."""

import datetime

import pytest
from django.utils import timezone

from participation import services
from participation.models import Meeting
from participation.services.meetings import local_datetime
from tests.participation.factories_meetings import MeetingFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def new_url(cast):
    return f"/p/best/groups/{cast.resource_group.pk}/meetings/new/"


def series_url(cast):
    return f"/p/best/groups/{cast.resource_group.pk}/meetings/series/"


MEETING = {
    "date": "2030-05-06",
    "start_time": "16:00",
    "end_time": "18:00",
    "place": "Kulturhuset",
    "video_url": "",
    "title": "",
}


# --- One meeting -----------------------------------------------------------------------


def test_new_meeting_form_is_prefilled_from_the_groups_habits(login, client, cast):
    cast.resource_group.default_place = "Frivilligsentralen"
    cast.resource_group.meeting_duration_minutes = 90
    cast.resource_group.save()
    login(cast.coordinator)

    body = client.get(new_url(cast)).content.decode()

    assert 'value="16:00"' in body and 'value="17:30"' in body
    assert 'value="Frivilligsentralen"' in body


def test_coordinator_plans_a_meeting_in_oslo_time(login, client, cast):
    login(cast.coordinator)

    response = client.post(new_url(cast), MEETING, follow=True)

    meeting = Meeting.objects.get()
    assert meeting.group == cast.resource_group
    assert meeting.starts_at == local_datetime(datetime.date(2030, 5, 6), datetime.time(16))
    assert meeting.ends_at == local_datetime(datetime.date(2030, 5, 6), datetime.time(18))
    assert meeting.place == "Kulturhuset"
    assert response.redirect_chain[-1][0] == f"/p/best/meetings/{meeting.pk}/"
    body = response.content.decode()
    assert "The meeting is planned." in body
    # The standing item is stored in the programme's language, whatever the screen shows.
    assert "Fra brukerne" in body


def test_meeting_that_ends_before_it_starts_is_refused_on_the_end_field(login, client, cast):
    login(cast.coordinator)

    response = client.post(new_url(cast), {**MEETING, "end_time": "15:00"})

    body = response.content.decode()
    assert response.status_code == 200
    assert not Meeting.objects.exists()
    assert "The meeting must end after it starts" in body
    assert 'href="#id_end_time"' in body  # the error summary points at the end field
    assert 'value="15:00"' in body and 'value="Kulturhuset"' in body


def test_end_before_start_over_the_spring_clock_change_is_refused_by_the_service(
    login, client, cast
):
    # 31 March 2030 the clocks go from 02:00 to 03:00: 02:30 does not exist and becomes 03:30,
    # so an end at 03:00 comes before the start. The form cannot see that; the model can.
    login(cast.coordinator)

    response = client.post(
        new_url(cast),
        {**MEETING, "date": "2030-03-31", "start_time": "02:30", "end_time": "03:00"},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert not Meeting.objects.exists()
    assert "The meeting must end after it starts." in body
    assert 'href="#id_end_time"' in body


@pytest.mark.parametrize(
    "bad",
    [
        {"date": "31.31.2030"},
        {"date": ""},
        {"start_time": "kl fire"},
        {"end_time": "25:00"},
        {"video_url": "not a link"},
        {"place": "x" * 300},
    ],
)
def test_garbage_in_the_meeting_form_is_a_form_error_not_a_crash(login, client, cast, bad):
    login(cast.coordinator)

    response = client.post(new_url(cast), {**MEETING, **bad})

    assert response.status_code == 200
    assert "Please check the following" in response.content.decode()
    assert not Meeting.objects.exists()


def test_member_cannot_plan_a_meeting(login, client, cast):
    login(cast.member)

    assert client.post(new_url(cast), MEETING).status_code == 404
    assert not Meeting.objects.exists()


def test_coordinator_changes_one_meeting_of_a_series_and_the_rest_stay(login, client, cast):
    series = services.meeting_series_create(
        group=cast.resource_group,
        first_date=datetime.date(2030, 1, 7),
        last_date=datetime.date(2030, 1, 21),
        interval_days=7,
        start_time=datetime.time(16),
        duration_minutes=120,
    )
    first, second, third = series.meetings.order_by("starts_at")
    login(cast.coordinator)

    edit_url = f"/p/best/meetings/{second.pk}/edit/"
    assert 'value="2030-01-14"' in client.get(edit_url).content.decode()
    response = client.post(
        edit_url, {**MEETING, "date": "2030-01-15", "start_time": "17:00", "end_time": "19:00"}
    )

    assert response.status_code == 302
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.starts_at == local_datetime(datetime.date(2030, 1, 15), datetime.time(17))
    assert third.starts_at == local_datetime(datetime.date(2030, 1, 21), datetime.time(16))


def test_editing_with_end_before_start_keeps_the_stored_meeting(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group)
    before = (meeting.starts_at, meeting.ends_at)
    login(cast.coordinator)

    response = client.post(f"/p/best/meetings/{meeting.pk}/edit/", {**MEETING, "end_time": "10:00"})

    assert "The meeting must end after it starts" in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.ends_at) == before


def test_writer_who_is_not_coordinator_cannot_edit(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group)
    cast.member.memberships.update(role="chair")
    login(cast.member)

    assert client.post(f"/p/best/meetings/{meeting.pk}/edit/", MEETING).status_code == 404


# --- Series ----------------------------------------------------------------------------


SERIES = {
    "first_date": "2030-01-07",
    "last_date": "2030-03-04",
    "interval_days": "14",
    "start_time": "16:00",
    "duration_minutes": "120",
    "place": "Kulturhuset",
}


def test_series_form_is_prefilled_with_the_groups_interval(login, client, cast):
    cast.resource_group.meeting_interval_days = 21
    cast.resource_group.save()
    login(cast.coordinator)

    body = client.get(series_url(cast)).content.decode()

    assert 'name="interval_days" value="21"' in body
    assert 'value="16:00"' in body


def test_coordinator_plans_a_series_and_is_told_how_many(login, client, cast):
    login(cast.coordinator)

    response = client.post(series_url(cast), SERIES, follow=True)

    meetings = list(Meeting.objects.order_by("starts_at"))
    assert len(meetings) == 5  # 7 Jan, 21 Jan, 4 Feb, 18 Feb, 4 Mar
    assert timezone.localtime(meetings[-1].starts_at).date() == datetime.date(2030, 3, 4)
    assert all(timezone.localtime(m.starts_at).hour == 16 for m in meetings)
    assert response.redirect_chain[-1][0] == f"/p/best/groups/{cast.resource_group.pk}/"
    assert "5 meetings planned" in response.content.decode()


def test_series_without_a_last_date_is_refused_with_values_kept(login, client, cast):
    login(cast.coordinator)

    response = client.post(series_url(cast), {**SERIES, "last_date": ""})

    body = response.content.decode()
    assert not Meeting.objects.exists()
    assert "A series with no end cannot be planned" in body
    assert 'value="2030-01-07"' in body and 'value="Kulturhuset"' in body


def test_series_that_ends_before_it_starts_is_refused(login, client, cast):
    login(cast.coordinator)

    response = client.post(series_url(cast), {**SERIES, "last_date": "2029-12-01"})

    assert "The last date must be after the first." in response.content.decode()
    assert not Meeting.objects.exists()


def test_series_of_too_many_meetings_gets_the_services_message(login, client, cast):
    login(cast.coordinator)

    response = client.post(
        series_url(cast), {**SERIES, "last_date": "2035-01-01", "interval_days": "1"}
    )

    assert "Make a series of at most" in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "bad", [{"interval_days": "0"}, {"interval_days": "ti"}, {"first_date": "i dag"}]
)
def test_garbage_in_the_series_form_is_a_form_error(login, client, cast, bad):
    login(cast.coordinator)

    response = client.post(series_url(cast), {**SERIES, **bad})

    assert response.status_code == 200
    assert "Please check the following" in response.content.decode()
    assert not Meeting.objects.exists()


def test_only_the_coordinator_plans_a_series(login, client, cast):
    for user in (cast.member, cast.leader, cast.advisor, cast.outsider):
        login(user)
        assert client.post(series_url(cast), SERIES).status_code == 404
    assert not Meeting.objects.exists()


# --- Cancelling ------------------------------------------------------------------------


def test_coordinator_cancels_a_meeting_with_a_reason_and_the_series_goes_on(login, client, cast):
    series = services.meeting_series_create(
        group=cast.resource_group,
        first_date=timezone.localdate() + datetime.timedelta(days=7),
        last_date=timezone.localdate() + datetime.timedelta(days=21),
        interval_days=7,
        start_time=datetime.time(16),
        duration_minutes=120,
    )
    first, second, third = series.meetings.order_by("starts_at")
    login(cast.coordinator)

    response = client.post(
        f"/p/best/meetings/{second.pk}/cancel/", {"reason": "Vinterferie"}, follow=True
    )

    second.refresh_from_db()
    assert second.is_cancelled and second.cancel_reason == "Vinterferie"
    assert Meeting.objects.filter(status=Meeting.Status.PLANNED).count() == 2
    body = response.content.decode()
    assert "The meeting is cancelled." in body and "Vinterferie" in body


def test_cancel_page_asks_for_a_reason(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group)
    login(cast.coordinator)

    response = client.post(f"/p/best/meetings/{meeting.pk}/cancel/", {"reason": ""})

    assert "Please check the following" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_cancelled


def test_meeting_that_took_place_cannot_be_cancelled(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-7))
    login(cast.coordinator)

    response = client.post(f"/p/best/meetings/{meeting.pk}/cancel/", {"reason": "Glemte det"})

    body = response.content.decode()
    assert "cannot be cancelled" in body and "Glemte det" in body
    meeting.refresh_from_db()
    assert not meeting.is_cancelled


def test_member_cannot_cancel(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group)
    login(cast.member)

    assert client.post(f"/p/best/meetings/{meeting.pk}/cancel/", {"reason": "x"}).status_code == 404
    meeting.refresh_from_db()
    assert not meeting.is_cancelled
