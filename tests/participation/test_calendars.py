"""Meetings in phones' calendars: the .ics of one meeting, the secret feeds and their page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from participation import ical, services
from participation.models import AgendaItem, CalendarFeed, Meeting
from participation.services.meetings import local_datetime
from tests.participation.factories import GroupFactory, MembershipFactory
from tests.participation.factories_calendars import AgendaItemFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE_URL = "https://medvirk.example.no"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MEDVIRK_BASE_URL = BASE_URL


def next_date(month: int, day: int) -> datetime.date:
    """The next such date after today: always inside a feed's year ahead."""
    today = timezone.localdate()
    candidate = datetime.date(today.year, month, day)
    return candidate if candidate > today else datetime.date(today.year + 1, month, day)


def at_four(day: datetime.date) -> datetime.datetime:
    return local_datetime(day, datetime.time(16, 0))


def meeting_on(group, day, **kwargs):
    starts_at = at_four(day)
    return MeetingFactory(
        group=group, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), **kwargs
    )


def events_of(content: bytes) -> list:
    return Calendar.from_ical(content).walk("VEVENT")


def event_for(content: bytes, meeting: Meeting):
    matches = [e for e in events_of(content) if str(e["UID"]) == f"meeting-{meeting.pk}@medvirk"]
    assert len(matches) == 1
    return matches[0]


def feed_for(user, group=None) -> CalendarFeed:
    return services.calendar_feed_create(user=user, group=group)


def feed_path(feed: CalendarFeed) -> str:
    return f"/calendar/{feed.token}.ics"


# The iCalendar data


@pytest.mark.parametrize("month", [1, 7], ids=["winter", "summer"])
def test_meeting_at_four_is_at_four_oslo_time_in_winter_and_summer(cast, month):
    meeting = meeting_on(cast.resource_group, next_date(month, 15))

    content = ical.calendar_for([meeting], name="Møter", base_url=BASE_URL)

    event = event_for(content, meeting)
    start = event["DTSTART"].dt
    assert (start.hour, start.minute) == (16, 0)
    assert str(start.tzinfo) == "Europe/Oslo"
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event["DTEND"].dt.hour == 18
    assert start == meeting.starts_at


def test_calendar_carries_the_oslo_time_zone_and_the_product_id(cast):
    meeting = meeting_on(cast.resource_group, next_date(3, 20))

    calendar = Calendar.from_ical(ical.calendar_for([meeting], name="Møter", base_url=BASE_URL))

    assert str(calendar["PRODID"]) == "-//Medvirk//NAV//NO"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_event_has_place_agenda_video_link_and_meeting_link(cast):
    meeting = meeting_on(
        cast.resource_group,
        next_date(2, 10),
        place="Gjøvik bibliotek",
        video_url="https://video.example.no/rom/42",
    )
    AgendaItemFactory(meeting=meeting, number=1, title="Fra brukerne")
    AgendaItemFactory(meeting=meeting, number=2, title="Sjekklista, versjon 2")
    AgendaItemFactory(
        meeting=meeting, number=3, title="Forslag ikke behandlet", state=AgendaItem.State.PROPOSED
    )

    event = event_for(ical.calendar_for([meeting], name="x", base_url=BASE_URL), meeting)

    description = str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == "Ressursgruppa"
    assert str(event["LOCATION"]) == "Gjøvik bibliotek"
    assert "1. Fra brukerne\n2. Sjekklista, versjon 2" in description
    assert "Forslag ikke behandlet" not in description
    assert "https://video.example.no/rom/42" in description
    assert f"{BASE_URL}/p/best/" in description
    assert str(event["URL"]).startswith(f"{BASE_URL}/p/best/")
    assert "DTSTAMP" in event and "SEQUENCE" in event


def test_meeting_keeps_the_same_uid_every_time(cast):
    meeting = meeting_on(cast.resource_group, next_date(2, 10))

    first = event_for(ical.calendar_for([meeting], name="x", base_url=BASE_URL), meeting)
    second = event_for(ical.calendar_for([meeting], name="x", base_url=BASE_URL), meeting)

    assert first["UID"] == second["UID"] == f"meeting-{meeting.pk}@medvirk"


def test_cancelled_meeting_is_marked_cancelled(cast):
    meeting = meeting_on(cast.resource_group, next_date(2, 10), status=Meeting.Status.CANCELLED)

    event = event_for(ical.calendar_for([meeting], name="x", base_url=BASE_URL), meeting)

    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) > 0


# One meeting's .ics


def test_member_downloads_their_groups_meeting_as_a_calendar_file(login, client, cast):
    meeting = meeting_on(cast.resource_group, next_date(1, 15))
    login(cast.member)

    response = client.get(f"/p/best/meetings/{meeting.pk}/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    event = event_for(response.content, meeting)
    assert event["DTSTART"].dt == meeting.starts_at


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("member", 200), ("leader", 200), ("advisor", 404), ("outsider", 404)],
)
def test_meeting_calendar_file_for_each_role(login, client, cast, who, status):
    meeting = meeting_on(cast.resource_group, next_date(1, 15))
    login(getattr(cast, who))

    assert client.get(f"/p/best/meetings/{meeting.pk}/calendar.ics").status_code == status


def test_meeting_calendar_file_asks_anonymous_visitors_to_log_in(client, cast):
    meeting = meeting_on(cast.resource_group, next_date(1, 15))

    response = client.get(f"/p/best/meetings/{meeting.pk}/calendar.ics")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_meeting_of_another_programme_is_404_even_for_the_coordinator(login, client, cast):
    other = meeting_on(cast.other_group, next_date(1, 15))
    login(cast.coordinator)

    assert client.get(f"/p/best/meetings/{other.pk}/calendar.ics").status_code == 404
    assert client.get("/p/best/meetings/999999/calendar.ics").status_code == 404


# The feeds


def test_personal_feed_has_the_meetings_of_ones_groups_and_no_others(client, cast):
    own = meeting_on(cast.resource_group, next_date(1, 15))
    not_a_member = meeting_on(cast.project_group, next_date(1, 16))
    other_programme = meeting_on(cast.other_group, next_date(1, 17))
    feed = feed_for(cast.member)

    response = client.get(feed_path(feed))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    uids = {str(e["UID"]) for e in events_of(response.content)}
    assert ical.meeting_uid(own) in uids
    assert ical.meeting_uid(not_a_member) not in uids
    assert ical.meeting_uid(other_programme) not in uids


def test_coordinators_personal_feed_has_every_group_of_their_programme(client, cast):
    meetings = [
        meeting_on(group, next_date(1, 15))
        for group in (cast.resource_group, cast.project_group, cast.steering_group)
    ]
    other_programme = meeting_on(cast.other_group, next_date(1, 15))
    feed = feed_for(cast.coordinator)

    uids = {str(e["UID"]) for e in events_of(client.get(feed_path(feed)).content)}

    assert uids == {ical.meeting_uid(m) for m in meetings}
    assert ical.meeting_uid(other_programme) not in uids


def test_feed_keeps_cancelled_meetings_marked_cancelled(client, cast):
    meeting = meeting_on(cast.resource_group, next_date(1, 15), status=Meeting.Status.CANCELLED)
    feed = feed_for(cast.member)

    event = event_for(client.get(feed_path(feed)).content, meeting)

    assert str(event["STATUS"]) == "CANCELLED"


def test_feed_reaches_three_months_back_and_a_year_ahead(client, cast):
    today = timezone.localdate()
    recent = meeting_on(cast.resource_group, today - datetime.timedelta(days=60))
    too_old = meeting_on(cast.resource_group, today - datetime.timedelta(days=120))
    too_far = meeting_on(cast.resource_group, today + datetime.timedelta(days=400))
    feed = feed_for(cast.member)

    uids = {str(e["UID"]) for e in events_of(client.get(feed_path(feed)).content)}

    assert ical.meeting_uid(recent) in uids
    assert ical.meeting_uid(too_old) not in uids
    assert ical.meeting_uid(too_far) not in uids


def test_group_feed_has_only_that_groups_meetings(client, cast):
    resource = meeting_on(cast.resource_group, next_date(1, 15))
    project = meeting_on(cast.project_group, next_date(1, 15))
    feed = feed_for(cast.leader, group=cast.project_group)

    uids = {str(e["UID"]) for e in events_of(client.get(feed_path(feed)).content)}

    assert uids == {ical.meeting_uid(project)}
    assert ical.meeting_uid(resource) not in uids


def test_unknown_token_is_404(client, cast):
    assert client.get("/calendar/not-a-real-token.ics").status_code == 404


def test_no_feed_is_made_for_a_group_the_user_cannot_see(cast):
    with pytest.raises(ValidationError):
        services.calendar_feed_create(user=cast.member, group=cast.project_group)

    assert not CalendarFeed.objects.exists()


def test_revoked_feed_is_404(client, cast):
    feed = feed_for(cast.member)
    services.calendar_feed_revoke(user=cast.member)

    assert client.get(feed_path(feed)).status_code == 404
    assert not CalendarFeed.objects.filter(user=cast.member).exists()


def test_new_link_gives_a_new_token_and_the_old_one_stops_working(client, cast):
    old = feed_for(cast.member)
    old_path = feed_path(old)

    new = services.calendar_feed_reset(user=cast.member)

    assert new.token != old_path.removeprefix("/calendar/").removesuffix(".ics")
    assert client.get(old_path).status_code == 404
    assert client.get(feed_path(new)).status_code == 200


def test_group_feed_stops_working_when_the_member_leaves_the_group(client, cast):
    feed = feed_for(cast.member, group=cast.resource_group)
    assert client.get(feed_path(feed)).status_code == 200

    cast.member.memberships.update(ends_on=timezone.localdate() - datetime.timedelta(days=1))

    assert client.get(feed_path(feed)).status_code == 404


def test_feed_of_a_deactivated_user_is_404(client, cast):
    feed = feed_for(cast.member)
    cast.member.is_active = False
    cast.member.save()

    assert client.get(feed_path(feed)).status_code == 404


def test_personal_feed_is_in_the_owners_language(client, cast):
    cast.member.language = "en"
    cast.member.save()
    feed = feed_for(cast.member)

    calendar = Calendar.from_ical(client.get(feed_path(feed)).content)

    assert str(calendar["X-WR-CALNAME"]) == "Medvirk – my meetings"


def _count_feed_queries(client, feed) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(feed_path(feed)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("group_feed", [False, True], ids=["personal", "group"])
def test_feed_query_count_does_not_grow_with_meetings(client, cast, group_feed):
    feed = feed_for(cast.member, group=cast.resource_group if group_feed else None)

    def add_meetings(n, offset):
        for i in range(n):
            meeting = meeting_on(
                cast.resource_group, timezone.localdate() + datetime.timedelta(days=offset + i)
            )
            AgendaItemFactory(meeting=meeting, number=1)
            AgendaItemFactory(meeting=meeting, number=2)

    add_meetings(1, 1)
    few = _count_feed_queries(client, feed)
    add_meetings(15, 10)
    many = _count_feed_queries(client, feed)

    assert many == few
    assert few <= (8 if group_feed else 3)
    assert len(events_of(client.get(feed_path(feed)).content)) == 16


# The calendar page


@pytest.mark.parametrize("who", ["coordinator", "member", "advisor", "leader"])
def test_calendar_page_explains_how_to_subscribe(login, client, cast, who):
    login(getattr(cast, who))

    response = client.get("/p/best/calendar/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1" in body and body.count("<h1") == 1
    assert "iPhone" in body and "Android" in body
    assert "Create my calendar link" in body


def test_outsider_gets_404_for_the_calendar_page(login, client, cast):
    login(cast.outsider)

    assert client.get("/p/best/calendar/").status_code == 404


def test_calendar_page_asks_anonymous_visitors_to_log_in(client, cast):
    response = client.get("/p/best/calendar/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_sees_a_group_link_only_for_their_own_group(login, client, cast):
    login(cast.member)

    body = client.get("/p/best/calendar/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Ressursgruppa" in body
    assert "Prosjektgruppa" not in body


def test_coordinator_can_make_a_link_for_every_group(login, client, cast):
    login(cast.coordinator)

    body = client.get("/p/best/calendar/").content.decode()

    for group in (cast.resource_group, cast.project_group, cast.steering_group):
        assert group.name in body
    assert cast.other_group.name not in body


def test_creating_a_link_stores_it_and_shows_webcal_and_https_addresses(login, client, cast):
    login(cast.member)

    response = client.post("/p/best/calendar/link/", {"group": ""}, follow=True)

    feed = CalendarFeed.objects.get(user=cast.member, group=None)
    body = response.content.decode()
    assert f"{BASE_URL}/calendar/{feed.token}.ics" in body
    assert f"webcal://medvirk.example.no/calendar/{feed.token}.ics" in body


def test_creating_the_link_twice_keeps_the_first_address(login, client, cast):
    login(cast.member)

    client.post("/p/best/calendar/link/", {"group": ""})
    token = CalendarFeed.objects.get(user=cast.member).token
    client.post("/p/best/calendar/link/", {"group": ""})

    assert list(CalendarFeed.objects.filter(user=cast.member).values_list("token", flat=True)) == [
        token
    ]


def test_member_creates_a_link_for_their_group(login, client, cast):
    login(cast.member)

    client.post("/p/best/calendar/link/", {"group": cast.resource_group.pk})

    assert CalendarFeed.objects.filter(user=cast.member, group=cast.resource_group).exists()


@pytest.mark.parametrize("group", ["project_group", "other_group"])
def test_link_for_a_group_the_member_cannot_see_is_404_and_not_stored(login, client, cast, group):
    login(cast.member)

    response = client.post("/p/best/calendar/link/", {"group": getattr(cast, group).pk})

    assert response.status_code == 404
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("value", ["abc", "-1", "99999", "1; DROP TABLE"])
def test_garbage_group_is_404_and_nothing_stored(login, client, cast, value):
    login(cast.member)

    response = client.post("/p/best/calendar/link/", {"group": value})

    assert response.status_code == 404
    assert not CalendarFeed.objects.exists()


def test_new_link_from_the_page_replaces_the_old_address(login, client, cast):
    old = feed_for(cast.member)
    login(cast.member)

    response = client.post("/p/best/calendar/link/new/", {"group": ""}, follow=True)

    new = CalendarFeed.objects.get(user=cast.member)
    assert new.token != old.token
    assert new.token in response.content.decode()
    assert old.token not in response.content.decode()


def test_new_link_without_an_old_one_says_so_and_stores_nothing(login, client, cast):
    login(cast.member)

    response = client.post(
        "/p/best/calendar/link/new/", {"group": ""}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert "no calendar link to replace" in response.content.decode()
    assert not CalendarFeed.objects.exists()


def test_removing_the_link_from_the_page_deletes_it(login, client, cast):
    feed = feed_for(cast.member)
    login(cast.member)

    response = client.post("/p/best/calendar/link/remove/", {"group": ""}, follow=True)

    assert response.status_code == 200
    assert not CalendarFeed.objects.exists()
    assert client.get(feed_path(feed)).status_code == 404


def test_outsider_cannot_make_links_in_another_programme(login, client, cast):
    login(cast.outsider)

    for action in ("", "new/", "remove/"):
        assert client.post(f"/p/best/calendar/link/{action}", {"group": ""}).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_link_buttons_only_answer_post(login, client, cast):
    login(cast.member)

    assert client.get("/p/best/calendar/link/").status_code == 405


def test_calendar_page_query_count_does_not_grow_with_groups_and_links(login, client, cast):
    login(cast.coordinator)
    for group in (cast.resource_group, cast.project_group, cast.steering_group):
        feed_for(cast.coordinator, group=group)
    feed_for(cast.coordinator)

    with CaptureQueriesContext(connection) as few:
        client.get("/p/best/calendar/")
    for _ in range(5):
        group = GroupFactory(programmes=[cast.programme])
        MembershipFactory(group=group)
        feed_for(cast.coordinator, group=group)
    with CaptureQueriesContext(connection) as many:
        client.get("/p/best/calendar/")

    assert len(many) == len(few)
