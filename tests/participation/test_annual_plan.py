"""The annual plan (årshjul): the year's meetings, agenda deadlines and action items by month."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import ActionItem, Group, Meeting
from participation.services.meetings import local_datetime
from tests.participation.factories import GroupFactory, UserFactory
from tests.participation.factories_calendars import ActionItemFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

YEAR = 2025


def meeting_on(group, day, hour=16, **kwargs):
    starts_at = local_datetime(day, datetime.time(hour, 0))
    return MeetingFactory(
        group=group, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), **kwargs
    )


def month_section(body: str, month_name: str) -> str:
    """The HTML between one month's heading and the next heading of the same level."""
    match = re.search(rf"<h2[^>]*>{month_name}</h2>(.*?)(?=<h2|</main>)", body, re.S)
    assert match, f"no section for {month_name}"
    return match.group(1)


def get_plan(client, year=YEAR):
    return client.get(f"/p/best/plan/{year}/", HTTP_ACCEPT_LANGUAGE="en")


def test_plan_redirects_to_the_current_year(login, client, cast):
    login(cast.member)

    response = client.get("/p/best/plan/")

    assert response.status_code == 302
    assert response["Location"] == f"/p/best/plan/{timezone.localdate().year}/"


def test_plan_has_twelve_months_as_headings_and_links_to_the_years_around(login, client, cast):
    login(cast.member)

    body = get_plan(client).content.decode()

    assert body.count("<h1") == 1
    for month in ("January", "June", "December"):
        assert f">{month}</h2>" in body
    assert "/p/best/plan/2024/" in body and "/p/best/plan/2026/" in body


def test_meeting_is_shown_in_its_month_with_time_and_group(login, client, cast):
    meeting_on(cast.resource_group, datetime.date(YEAR, 3, 12), place="Gjøvik bibliotek")
    login(cast.member)

    body = get_plan(client).content.decode()

    march = month_section(body, "March")
    assert "Ressursgruppa" in march
    assert "16:00" in march
    assert "Gjøvik bibliotek" in march
    assert "Ressursgruppa" not in month_section(body, "April")


def test_meeting_just_after_midnight_is_in_its_oslo_month(login, client, cast):
    # Midnight on 1 April in Oslo is 22:00 UTC on 31 March: it belongs to April, as people see it.
    meeting_on(cast.project_group, datetime.date(YEAR, 4, 1), hour=0)
    login(cast.advisor)

    body = get_plan(client).content.decode()

    assert "Prosjektgruppa" in month_section(body, "April")
    assert "Prosjektgruppa" not in month_section(body, "March")


def test_agenda_deadline_is_shown_for_the_resource_group(login, client, cast):
    cast.resource_group.agenda_deadline_days = 3
    cast.resource_group.save()
    meeting_on(cast.resource_group, datetime.date(YEAR, 3, 12))
    login(cast.member)

    march = month_section(get_plan(client).content.decode(), "March")

    assert "Last day to propose items for the Ressursgruppa meeting on 12 March" in march
    assert "Sunday 9 March" in march


def test_agenda_deadline_in_the_month_before_is_shown_there(login, client, cast):
    meeting_on(cast.resource_group, datetime.date(YEAR, 4, 2))
    login(cast.member)

    body = get_plan(client).content.decode()

    assert "Last day to propose items" in month_section(body, "March")


def test_open_action_item_due_is_shown_with_who_and_what(login, client, cast):
    meeting = meeting_on(cast.resource_group, datetime.date(YEAR, 2, 5))
    ActionItemFactory(
        meeting=meeting,
        title="Lage utkast til sjekkliste",
        owner=UserFactory(display_name="Jonas Jensen"),
        due_on=datetime.date(YEAR, 5, 20),
    )
    ActionItemFactory(
        meeting=meeting,
        title="Allerede gjort",
        due_on=datetime.date(YEAR, 5, 21),
        status=ActionItem.Status.DONE,
    )
    login(cast.member)

    may = month_section(get_plan(client).content.decode(), "May")

    assert "Jonas Jensen: Lage utkast til sjekkliste" in may
    assert "Allerede gjort" not in may


def test_cancelled_meetings_are_left_out(login, client, cast):
    meeting_on(
        cast.resource_group,
        datetime.date(YEAR, 6, 3),
        title="Sommeravslutning",
        status=Meeting.Status.CANCELLED,
    )
    login(cast.member)

    assert "Sommeravslutning" not in get_plan(client).content.decode()


def test_user_committee_with_two_meetings_is_named_in_the_warning(login, client, cast):
    committee = GroupFactory(
        name="Brukerutvalget",
        kind=Group.Kind.USER_COMMITTEE,
        min_meetings_per_year=4,
        programmes=[cast.programme],
    )
    meeting_on(committee, datetime.date(YEAR, 2, 1))
    meeting_on(committee, datetime.date(YEAR, 9, 1))
    login(cast.coordinator)

    body = get_plan(client).content.decode()

    assert "Too few meetings this year" in body
    assert "Brukerutvalget has 2 meetings in 2025, but must meet at least 4 times a year." in body


def test_no_warning_when_every_group_meets_often_enough(login, client, cast):
    committee = GroupFactory(
        kind=Group.Kind.USER_COMMITTEE, min_meetings_per_year=4, programmes=[cast.programme]
    )
    for month in (2, 5, 8, 11):
        meeting_on(committee, datetime.date(YEAR, month, 1))
    login(cast.coordinator)

    assert "Too few meetings" not in get_plan(client).content.decode()


def test_member_sees_only_their_own_groups_meetings(login, client, cast):
    meeting_on(cast.resource_group, datetime.date(YEAR, 3, 12))
    meeting_on(cast.project_group, datetime.date(YEAR, 3, 13))
    meeting_on(cast.other_group, datetime.date(YEAR, 3, 14))
    login(cast.member)

    body = get_plan(client).content.decode()

    assert "Ressursgruppa" in body
    assert "Prosjektgruppa" not in body
    assert "Annen gruppe" not in body


@pytest.mark.parametrize("who", ["coordinator", "leader"])
def test_coordinator_and_steering_group_see_every_groups_meetings(login, client, cast, who):
    meeting_on(cast.resource_group, datetime.date(YEAR, 3, 12))
    meeting_on(cast.project_group, datetime.date(YEAR, 3, 13))
    meeting_on(cast.other_group, datetime.date(YEAR, 3, 14))
    login(getattr(cast, who))

    body = get_plan(client).content.decode()

    assert "Ressursgruppa" in body and "Prosjektgruppa" in body
    assert "Annen gruppe" not in body


def test_advisor_sees_the_project_groups_meetings(login, client, cast):
    meeting_on(cast.project_group, datetime.date(YEAR, 3, 13))
    login(cast.advisor)

    response = get_plan(client)

    assert response.status_code == 200
    assert "Prosjektgruppa" in month_section(response.content.decode(), "March")


def test_outsider_gets_404(login, client, cast):
    login(cast.outsider)

    assert client.get("/p/best/plan/").status_code == 404
    assert get_plan(client).status_code == 404


def test_anonymous_visitor_is_asked_to_log_in(client, cast):
    response = get_plan(client)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("year", [1800, 1999, 2101, 9999])
def test_years_outside_2000_to_2100_are_404(login, client, cast, year):
    login(cast.member)

    assert get_plan(client, year).status_code == 404


def test_plan_query_count_does_not_grow_with_meetings_and_action_items(login, client, cast):
    login(cast.coordinator)

    def add(n, first_month):
        for i in range(n):
            meeting = meeting_on(
                cast.resource_group, datetime.date(YEAR, first_month + i % 3, 1 + i)
            )
            ActionItemFactory(meeting=meeting, due_on=datetime.date(YEAR, 10, 1 + i))

    add(1, 1)
    with CaptureQueriesContext(connection) as few:
        assert get_plan(client).status_code == 200
    add(12, 4)
    with CaptureQueriesContext(connection) as many:
        assert get_plan(client).status_code == 200

    assert len(many) == len(few)
