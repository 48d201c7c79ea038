"""Attendance: the quick entry for one meeting, and the overview that shows who drifts away."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation import services
from participation.models import Attendance, Membership
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-1))


@pytest.fixture
def emma(cast):
    return cast.member.memberships.get()


@pytest.fixture
def jonas(cast):
    return MembershipFactory(group=cast.resource_group, person__display_name="Jonas Borte")


def url(meeting):
    return f"/p/best/meetings/{meeting.pk}/attendance/"


def stored(meeting):
    return dict(meeting.attendances.values_list("membership_id", "status"))


# --- Quick entry -----------------------------------------------------------------------


def test_quick_entry_lists_every_member_with_three_choices(login, client, cast, meeting, jonas):
    login(cast.coordinator)

    body = client.get(url(meeting)).content.decode()

    assert "Emma Medlem" in body and "Jonas Borte" in body
    assert body.count('type="radio"') == 6
    assert "Everyone present" in body
    assert "<legend" in body


def test_quick_entry_shows_what_is_already_recorded(login, client, cast, meeting, emma, jonas):
    services.attendance_record(meeting=meeting, statuses={emma.pk: "notice"})
    login(cast.coordinator)

    body = client.get(url(meeting)).content.decode()

    assert f'value="notice" class="form-check-input" id="id_status_{emma.pk}_1" checked' in body


def test_coordinator_records_attendance_for_the_whole_list(
    login, client, cast, meeting, emma, jonas
):
    login(cast.coordinator)

    response = client.post(
        url(meeting), {f"status_{emma.pk}": "present", f"status_{jonas.pk}": "absent"}, follow=True
    )

    assert stored(meeting) == {emma.pk: "present", jonas.pk: "absent"}
    assert response.redirect_chain[-1][0] == f"/p/best/meetings/{meeting.pk}/"
    assert "Attendance is saved." in response.content.decode()


def test_everyone_present_marks_every_member_present(login, client, cast, meeting, emma, jonas):
    services.attendance_record(meeting=meeting, statuses={jonas.pk: "absent"})
    login(cast.coordinator)

    client.post(url(meeting), {"everyone_present": "1"})

    assert stored(meeting) == {emma.pk: "present", jonas.pk: "present"}


def test_paid_representative_records_attendance(login, client, cast, meeting, emma):
    writer = MembershipFactory(group=cast.resource_group, role=Membership.Role.PAID_REPRESENTATIVE)
    login(writer.person)

    client.post(url(meeting), {f"status_{emma.pk}": "present"})

    assert stored(meeting) == {emma.pk: "present"}


def test_a_non_member_id_is_refused_and_nothing_is_stored(
    login, client, cast, meeting, emma, jonas
):
    stranger = cast.outsider.memberships.get()
    login(cast.coordinator)

    response = client.post(
        url(meeting),
        {
            f"status_{emma.pk}": "present",
            f"status_{jonas.pk}": "notice",
            f"status_{stranger.pk}": "present",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "were not members of the group on the meeting day" in body
    assert stored(meeting) == {}
    # The choices made are still there.
    assert f'value="present" class="form-check-input" id="id_status_{emma.pk}_0" checked' in body
    assert f'value="notice" class="form-check-input" id="id_status_{jonas.pk}_1" checked' in body


def test_someone_who_joined_after_the_meeting_cannot_be_marked(login, client, cast, meeting):
    newcomer = MembershipFactory(group=cast.resource_group, starts_on=timezone.localdate())
    login(cast.coordinator)

    body = client.post(url(meeting), {f"status_{newcomer.pk}": "present"}).content.decode()

    assert "not members of the group on the meeting day" in body
    assert stored(meeting) == {}


@pytest.mark.parametrize(
    "data",
    [
        {"status_1": "maybe"},
        {"status_999999999999": "whatever"},
        {"status_99999999999999999999999": "present"},
        {"status_abc": "present"},
        {},
    ],
)
def test_garbage_attendance_is_a_message_not_a_crash(login, client, cast, meeting, emma, data):
    login(cast.coordinator)

    response = client.post(url(meeting), data)

    assert response.status_code == 200
    assert "Please check the following" in response.content.decode()
    assert stored(meeting) == {}


def test_cancelled_meeting_has_no_attendance_to_record(login, client, cast, emma):
    # Started an hour ago and not over: late enough for attendance, early enough to cancel.
    meeting = MeetingFactory(
        group=cast.resource_group, starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    services.meeting_cancel(meeting=meeting, reason="Syk")
    login(cast.coordinator)

    assert "there is no attendance to record" in client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), {f"status_{emma.pk}": "present"})
    assert "cannot be recorded for a cancelled meeting" in response.content.decode()
    assert stored(meeting) == {}


@pytest.mark.parametrize("role", ["member", "leader", "advisor", "outsider"])
def test_only_writers_record_attendance(login, client, cast, meeting, emma, role):
    login(getattr(cast, role))

    assert client.post(url(meeting), {f"status_{emma.pk}": "present"}).status_code == 404
    assert stored(meeting) == {}


# --- The overview ----------------------------------------------------------------------


def overview_url(group):
    return f"/p/best/groups/{group.pk}/attendance/"


def past_meetings(group, count):
    return [
        MeetingFactory(group=group, starts_at=days_from_now(-7 * (count - n))) for n in range(count)
    ]


def test_overview_flags_a_member_absent_three_meetings_in_a_row(login, client, cast, emma, jonas):
    for meeting in past_meetings(cast.resource_group, 4):
        services.attendance_record(
            meeting=meeting, statuses={emma.pk: "present", jonas.pk: "absent"}
        )
    login(cast.coordinator)

    body = client.get(overview_url(cast.resource_group)).content.decode()

    box = body.split("Absent many meetings in a row")[1].split("</section>")[0]
    assert "Jonas Borte: 4 meetings in a row absent" in box
    assert "Emma Medlem" not in box
    assert "table-responsive" in body and "<caption" in body
    assert '<span class="visually-hidden">Present</span>' in body
    assert '<span class="visually-hidden">Absent</span>' in body
    assert "100 %" in body and "0 %" in body


def test_project_group_overview_names_the_office_that_stopped_coming(login, client, cast):
    advisor = cast.advisor.memberships.get()
    toten = MembershipFactory(
        group=cast.project_group, role=Membership.Role.ADVISOR, office=cast.offices.toten
    )
    for meeting in past_meetings(cast.project_group, 3):
        services.attendance_record(
            meeting=meeting, statuses={advisor.pk: "present", toten.pk: "notice"}
        )
    login(cast.coordinator)

    body = client.get(overview_url(cast.project_group)).content.decode()

    box = body.split("Offices that have stopped coming")[1].split("</section>")[0]
    assert "NAV Østre Toten: nobody at the last 3 meetings" in box
    assert "NAV Gjøvik" not in box
    assert "Was anyone from the office present?" in body
    assert "Nobody present" in body and "Someone present" in body


def test_overview_without_recorded_attendance_says_so(login, client, cast):
    login(cast.coordinator)

    body = client.get(overview_url(cast.resource_group)).content.decode()

    assert "No attendance has been recorded yet" in body


@pytest.mark.parametrize(
    ("role", "group", "status"),
    [
        ("coordinator", "project_group", 200),
        ("leader", "project_group", 200),
        # Plain members see their own attendance, not their peers' (issue 12).
        ("advisor", "project_group", 404),
        ("advisor", "resource_group", 404),
        ("member", "resource_group", 404),
        ("member", "project_group", 404),
        ("outsider", "resource_group", 404),
    ],
)
def test_who_sees_which_attendance_overview(login, client, cast, role, group, status):
    login(getattr(cast, role))

    assert client.get(overview_url(getattr(cast, group))).status_code == status


def test_overview_queries_do_not_grow_with_members_and_meetings(
    login, client, cast, emma, django_assert_max_num_queries
):
    url_ = overview_url(cast.project_group)
    advisor = cast.advisor.memberships.get()
    (first,) = past_meetings(cast.project_group, 1)
    services.attendance_record(meeting=first, statuses={advisor.pk: "present"})
    login(cast.coordinator)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_).status_code == 200
    baseline = len(queries)

    members = [
        MembershipFactory(
            group=cast.project_group,
            office=office,
            role=Membership.Role.ADVISOR,
            starts_on=timezone.localdate() - datetime.timedelta(days=365),
        )
        for office in (cast.offices.gjovik, cast.offices.toten) * 4
    ]
    for meeting in past_meetings(cast.project_group, 10):
        services.attendance_record(
            meeting=meeting, statuses={m.pk: Attendance.Status.PRESENT for m in members}
        )

    with django_assert_max_num_queries(baseline):
        client.get(url_)


def test_overview_shows_the_newest_meeting_first(login, client, cast, emma):
    meetings = past_meetings(cast.resource_group, 3)
    for meeting in meetings:
        services.attendance_record(meeting=meeting, statuses={emma.pk: "present"})
    services.attendance_record(meeting=meetings[0], statuses={emma.pk: "absent"})
    login(cast.coordinator)

    body = client.get(overview_url(cast.resource_group)).content.decode()

    header = body.split('id="members-heading"')[1].split("</thead>")[0]
    links = [f"/p/best/meetings/{m.pk}/" for m in reversed(meetings)]
    positions = [header.index(link) for link in links]
    assert positions == sorted(positions)
    # The cells follow the header: the oldest meeting, where Emma was absent, comes last.
    emma_row = body.split("Emma Medlem")[-1].split("</tr>")[0]
    assert emma_row.rindex("Absent") > emma_row.rindex("Present")
    assert "Newest meeting first" in body
