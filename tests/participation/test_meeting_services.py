import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import services
from participation.models import ActionItem, AgendaItem, Attendance, Group, Meeting, MeetingSeries
from participation.services.meetings import MinutesConflict, local_datetime
from tests.participation.factories import MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]
OSLO = ZoneInfo("Europe/Oslo")


def _meeting(group, *, days=7, hour=16):
    starts = local_datetime(
        timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour)
    )
    return services.meeting_create(
        group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


def test_series_makes_a_meeting_every_fourteen_days_at_four_oclock_oslo_time(cast):
    # Spans the change to summer time on 29 March 2026: the wall clock stays at 16:00.
    series = services.meeting_series_create(
        group=cast.resource_group,
        first_date=datetime.date(2026, 3, 3),
        last_date=datetime.date(2026, 4, 28),
        interval_days=14,
        start_time=datetime.time(16, 0),
        duration_minutes=120,
        place="Frivilligsentralen",
    )

    meetings = list(series.meetings.order_by("starts_at"))
    days = [m.starts_at.astimezone(OSLO).date() for m in meetings]
    assert days == [datetime.date(2026, 3, d) for d in (3, 17, 31)] + [
        datetime.date(2026, 4, d) for d in (14, 28)
    ]
    assert {m.starts_at.astimezone(OSLO).hour for m in meetings} == {16}
    assert {m.starts_at.utcoffset() for m in meetings} == {datetime.timedelta(0)}
    assert meetings[0].starts_at.hour == 15 and meetings[-1].starts_at.hour == 14  # UTC
    assert all(m.ends_at - m.starts_at == datetime.timedelta(hours=2) for m in meetings)
    assert {m.place for m in meetings} == {"Frivilligsentralen"}


def test_series_with_no_end_is_refused_and_nothing_is_stored(cast):
    with pytest.raises(ValidationError) as error:
        services.meeting_series_create(
            group=cast.resource_group,
            first_date=datetime.date(2026, 3, 3),
            last_date=None,
            interval_days=14,
            start_time=datetime.time(16),
            duration_minutes=120,
        )

    assert "last_date" in error.value.message_dict
    assert not Meeting.objects.exists() and not MeetingSeries.objects.exists()


def test_series_that_would_never_end_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        services.meeting_series_create(
            group=cast.resource_group,
            first_date=datetime.date(2026, 1, 1),
            last_date=datetime.date(2036, 1, 1),
            interval_days=7,
            start_time=datetime.time(16),
            duration_minutes=120,
        )

    assert "last_date" in error.value.message_dict
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("interval", [0, -3])
def test_series_needs_days_between_meetings(cast, interval):
    with pytest.raises(ValidationError):
        services.meeting_series_create(
            group=cast.resource_group,
            first_date=datetime.date(2026, 1, 1),
            last_date=datetime.date(2026, 2, 1),
            interval_days=interval,
            start_time=datetime.time(16),
            duration_minutes=120,
        )


def test_meeting_ending_before_it_starts_is_refused(cast):
    starts = local_datetime(datetime.date(2026, 5, 5), datetime.time(16))

    with pytest.raises(ValidationError):
        services.meeting_create(
            group=cast.resource_group,
            starts_at=starts,
            ends_at=starts - datetime.timedelta(hours=1),
        )

    assert not Meeting.objects.exists()


def test_resource_group_meetings_start_with_the_users_own_item(cast):
    meeting = _meeting(cast.resource_group)

    first = meeting.agenda_items.get()
    assert first.number == 1 and first.is_from_users
    assert first.title == "Fra brukerne"


def test_steering_group_meetings_have_no_standing_users_item(cast):
    assert not _meeting(cast.steering_group).agenda_items.exists()


def test_cancelling_one_meeting_keeps_the_rest_of_the_series(cast):
    series = services.meeting_series_create(
        group=cast.resource_group,
        first_date=timezone.localdate() + datetime.timedelta(days=1),
        last_date=timezone.localdate() + datetime.timedelta(days=29),
        interval_days=14,
        start_time=datetime.time(16),
        duration_minutes=120,
    )
    second = series.meetings.order_by("starts_at")[1]

    services.meeting_cancel(meeting=second, reason="Vinterferie")

    statuses = list(series.meetings.order_by("starts_at").values_list("status", flat=True))
    assert statuses == ["planned", "cancelled", "planned"]


def test_agenda_items_are_numbered_in_order(cast):
    meeting = _meeting(cast.resource_group)

    services.agenda_item_add(meeting=meeting, title="Brev fra NAV")
    services.agenda_item_add(meeting=meeting, title="Sjekklista")

    assert list(meeting.agenda_items.values_list("number", "title")) == [
        (1, "Fra brukerne"),
        (2, "Brev fra NAV"),
        (3, "Sjekklista"),
    ]


def test_member_proposes_an_item_before_the_agenda_closes(cast):
    meeting = _meeting(cast.resource_group, days=10)

    item = services.agenda_item_propose(
        meeting=meeting, title="Ventetid i skranken", description="", by=cast.member
    )

    assert item.state == AgendaItem.State.PROPOSED and item.proposed_by == cast.member


def test_proposal_after_the_deadline_is_refused(cast):
    meeting = _meeting(cast.resource_group, days=1)  # deadline was 3 days before

    with pytest.raises(ValidationError):
        services.agenda_item_propose(
            meeting=meeting, title="For sent", description="", by=cast.member
        )

    assert not meeting.agenda_items.filter(title="For sent").exists()


def test_non_member_cannot_propose(cast):
    meeting = _meeting(cast.resource_group, days=10)

    with pytest.raises(ValidationError):
        services.agenda_item_propose(meeting=meeting, title="X", description="", by=cast.advisor)


def test_attendance_for_a_non_member_stores_nothing(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    member = cast.member.memberships.get()
    stranger = cast.advisor.memberships.get()

    with pytest.raises(ValidationError):
        services.attendance_record(
            meeting=meeting,
            statuses={member.pk: Attendance.Status.PRESENT, stranger.pk: Attendance.Status.PRESENT},
        )

    assert not Attendance.objects.exists()


def test_attendance_is_recorded_and_can_be_corrected(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    member = cast.member.memberships.get()

    services.attendance_record(meeting=meeting, statuses={member.pk: Attendance.Status.ABSENT})
    services.attendance_record(meeting=meeting, statuses={member.pk: Attendance.Status.NOTICE})

    assert list(Attendance.objects.values_list("status", flat=True)) == ["notice"]


def test_unknown_attendance_value_is_refused(cast):
    meeting = _meeting(cast.resource_group, days=-1)

    with pytest.raises(ValidationError):
        services.attendance_record(
            meeting=meeting, statuses={cast.member.memberships.get().pk: "maybe"}
        )


def test_second_editor_with_an_old_version_is_told_and_overwrites_nothing(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    item = meeting.agenda_items.get()
    opened_version = meeting.minutes_version

    services.minutes_save(
        meeting=meeting, version=opened_version, summary="Hanne skrev dette", item_minutes={}
    )
    with pytest.raises(MinutesConflict):
        services.minutes_save(
            meeting=meeting,
            version=opened_version,
            summary="Mona skrev dette",
            item_minutes={item.pk: "Mona sitt referat"},
        )

    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.minutes_summary == "Hanne skrev dette"
    assert item.minutes == ""


def test_approved_minutes_are_locked(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    meeting = services.minutes_save(meeting=meeting, version=0, summary="Ok", item_minutes={})
    services.minutes_approve(meeting=meeting, by=cast.coordinator, version=meeting.minutes_version)

    with pytest.raises(ValidationError):
        services.minutes_save(
            meeting=meeting, version=meeting.minutes_version, summary="Nytt", item_minutes={}
        )


def test_minutes_cannot_be_approved_before_they_are_written(cast):
    with pytest.raises(ValidationError):
        services.minutes_approve(
            meeting=_meeting(cast.resource_group), by=cast.coordinator, version=0
        )


def test_approval_of_a_version_that_was_saved_over_is_refused(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    checked = services.minutes_save(meeting=meeting, version=0, summary="Sjekket", item_minutes={})
    services.minutes_save(meeting=meeting, version=1, summary="Endret etterpå", item_minutes={})

    with pytest.raises(services.meetings.MinutesChangedSinceChecked):
        services.minutes_approve(meeting=checked, by=cast.coordinator, version=1)

    meeting.refresh_from_db()
    assert meeting.minutes_status == meeting.MinutesStatus.DRAFT
    assert meeting.minutes_approved_by is None


def test_decision_refused_with_the_minutes_saves_nothing(cast):
    meeting = _meeting(cast.resource_group, days=-1)
    other = _meeting(cast.resource_group, days=3)

    with pytest.raises(services.meetings.MinutesPartRefused) as refused:
        services.minutes_page_save(
            meeting=meeting,
            minutes={"version": 0, "summary": "Ikke tapt", "item_minutes": {}},
            decision={"text": "Lurt", "agenda_item": other.agenda_items.get()},
        )

    assert refused.value.part == "decision"
    meeting.refresh_from_db()
    assert (meeting.minutes_version, meeting.minutes_summary) == (0, "")
    assert not meeting.decisions.exists()


def test_open_action_items_carry_over_to_the_next_meeting(cast):
    from participation.selectors import meeting_detail

    first = _meeting(cast.resource_group, days=-14)
    second = _meeting(cast.resource_group, days=0)
    open_item = services.action_item_create(
        meeting=first, title="Skrive nytt brev", owner=cast.member
    )
    done_item = services.action_item_create(meeting=first, title="Bestille rom", owner=cast.member)
    services.action_item_set_status(action_item=done_item, status=ActionItem.Status.DONE)

    detail = meeting_detail(meeting=second)

    assert detail.carried_over == [open_item]
    assert meeting_detail(meeting=first).carried_over == []


def test_action_item_owner_must_belong_to_the_group(cast):
    meeting = _meeting(cast.resource_group)

    with pytest.raises(ValidationError) as error:
        services.action_item_create(meeting=meeting, title="X", owner=cast.outsider)

    assert "owner" in error.value.message_dict
    assert services.action_item_create(meeting=meeting, title="Y", owner=cast.coordinator)


def test_decision_must_point_to_an_item_of_the_same_meeting(cast):
    meeting = _meeting(cast.resource_group)
    other = _meeting(cast.resource_group, days=21)

    with pytest.raises(ValidationError):
        services.decision_add(meeting=meeting, text="Ja", agenda_item=other.agenda_items.first())


def test_member_who_joined_later_is_not_counted_as_absent_before(cast):
    from participation.selectors import attendance_overviews

    early = _meeting(cast.resource_group, days=-40)
    late = _meeting(cast.resource_group, days=-2)
    newcomer = MembershipFactory(
        group=cast.resource_group, starts_on=timezone.localdate() - datetime.timedelta(days=10)
    )
    member = cast.member.memberships.get()
    member.starts_on = timezone.localdate() - datetime.timedelta(days=60)
    member.save()
    services.attendance_record(meeting=early, statuses={member.pk: "present"})
    services.attendance_record(meeting=late, statuses={member.pk: "absent", newcomer.pk: "present"})

    overview = attendance_overviews(groups=[cast.resource_group])[cast.resource_group.pk]

    row = next(r for r in overview.rows if r.membership == newcomer)
    assert row.cells == [None, "present"]
    assert row.rate == 100


def test_three_absences_in_a_row_flag_a_resource_group_member(cast):
    from participation.selectors import attendance_overviews

    member = cast.member.memberships.get()
    member.starts_on = timezone.localdate() - datetime.timedelta(days=100)
    member.save()
    meetings = [_meeting(cast.resource_group, days=-d) for d in (60, 45, 30, 15)]
    for meeting, status in zip(meetings, ["present", "absent", "notice", "absent"], strict=True):
        services.attendance_record(meeting=meeting, statuses={member.pk: status})

    overview = attendance_overviews(groups=[cast.resource_group])[cast.resource_group.pk]

    row = overview.rows[0]
    assert (row.streak, row.is_flagged, row.present, row.recorded) == (3, True, 1, 4)
    assert row.last_present == meetings[0].starts_at


def test_unrecorded_meeting_does_not_count_as_absence(cast):
    from participation.selectors import attendance_overviews

    member = cast.member.memberships.get()
    member.starts_on = timezone.localdate() - datetime.timedelta(days=100)
    member.save()
    for days, status in [(60, "absent"), (45, "absent")]:
        services.attendance_record(
            meeting=_meeting(cast.resource_group, days=-days), statuses={member.pk: status}
        )
    _meeting(cast.resource_group, days=-30)  # nobody recorded attendance

    row = attendance_overviews(groups=[cast.resource_group])[cast.resource_group.pk].rows[0]

    assert row.streak == 2 and not row.is_flagged


def test_office_absent_from_the_project_group_is_flagged(cast):
    from participation.selectors import attendance_overviews

    advisor = cast.advisor.memberships.get()
    advisor.starts_on = timezone.localdate() - datetime.timedelta(days=100)
    advisor.save()
    toten = MembershipFactory(
        group=cast.project_group,
        role="advisor",
        office=cast.offices.toten,
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
    )
    for days in (63, 42, 21):
        services.attendance_record(
            meeting=_meeting(cast.project_group, days=-days),
            statuses={advisor.pk: "present", toten.pk: "absent"},
        )

    overview = attendance_overviews(groups=[cast.project_group])[cast.project_group.pk]

    assert [(r.office.name, r.streak, r.is_flagged) for r in overview.office_rows] == [
        ("NAV Gjøvik", 0, False),
        ("NAV Østre Toten", 3, True),
    ]


def test_attendance_overviews_take_three_queries_for_any_number_of_groups(
    cast, django_assert_num_queries
):
    from participation.selectors import attendance_overviews

    member = cast.member.memberships.get()
    member.starts_on = timezone.localdate() - datetime.timedelta(days=100)
    member.save()
    for days in (30, 15):
        services.attendance_record(
            meeting=_meeting(cast.resource_group, days=-days), statuses={member.pk: "present"}
        )
    groups = list(Group.objects.all())

    with django_assert_num_queries(3):
        attendance_overviews(groups=groups)
