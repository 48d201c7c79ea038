import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from participation.models import Attendance, Membership
from resourcegroup.models import TimeEntry, Timesheet
from resourcegroup.services import timesheets as service
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.resourcegroup.factories import TimeEntryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

D = datetime.date


def _add(cast, person, **overrides):
    values = {
        "programme": cast.programme,
        "person": person,
        "date": D(2024, 3, 5),
        "hours": "2.5",
        "activity": TimeEntry.Activity.PREPARATION,
        "comment": "Forberedte saksliste",
    }
    return service.time_entry_add(**(values | overrides))


def test_an_entry_goes_into_a_draft_month(cast, reps):
    entry = _add(cast, reps.emma)

    assert entry.hours == Decimal("2.5")
    assert entry.timesheet.month == D(2024, 3, 1)
    assert entry.timesheet.status == Timesheet.Status.DRAFT


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ("-1", "more than zero"),
        ("0", "more than zero"),
        ("25", "24 hours"),
        ("1.1", "quarter"),
        ("abc", "number"),
    ],
)
def test_bad_hours_are_refused_and_nothing_is_stored(cast, reps, hours, expected):
    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, hours=hours)

    assert expected in error.value.message_dict["hours"][0]
    assert TimeEntry.objects.count() == 0
    assert Timesheet.objects.count() == 0


def test_more_than_24_hours_on_one_day_is_refused(cast, reps):
    _add(cast, reps.emma, hours="20")

    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, hours="4.25")

    assert "hours" in error.value.message_dict
    assert TimeEntry.objects.count() == 1


def test_exactly_24_hours_on_one_day_is_allowed(cast, reps):
    _add(cast, reps.emma, hours="20")
    _add(cast, reps.emma, hours="4")

    assert TimeEntry.objects.count() == 2


def test_a_day_without_a_contract_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, date=D(2026, 1, 5), today=D(2026, 2, 1))

    assert "date" in error.value.message_dict


def test_a_day_in_the_future_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, date=D(2024, 3, 5), today=D(2024, 3, 4))

    assert "date" in error.value.message_dict


def test_an_unknown_activity_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, activity="party")

    assert "activity" in error.value.message_dict


def test_a_month_goes_from_draft_to_submitted_to_approved(cast, reps):
    entry = _add(cast, reps.emma)

    timesheet = service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)
    assert timesheet.status == Timesheet.Status.SUBMITTED
    assert timesheet.submitted_at

    timesheet = service.timesheet_approve(timesheet=timesheet, by=cast.coordinator)
    assert timesheet.status == Timesheet.Status.APPROVED
    assert timesheet.decided_by == cast.coordinator
    assert timesheet.decided_at


def test_a_returned_month_can_be_fixed_and_sent_again(cast, reps):
    entry = _add(cast, reps.emma)
    timesheet = service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)

    timesheet = service.timesheet_return(
        timesheet=timesheet, by=cast.coordinator, comment="Fagdagen var 4 timer, ikke 6."
    )
    assert timesheet.status == Timesheet.Status.RETURNED
    assert timesheet.return_comment == "Fagdagen var 4 timer, ikke 6."

    service.time_entry_delete(entry=entry, person=reps.emma)
    _add(cast, reps.emma, hours="4")
    timesheet = service.timesheet_submit(timesheet=timesheet, by=reps.emma)
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_returning_needs_a_comment(cast, reps):
    entry = _add(cast, reps.emma)
    timesheet = service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)

    with pytest.raises(ValidationError) as error:
        service.timesheet_return(timesheet=timesheet, by=cast.coordinator, comment="  ")

    assert "comment" in error.value.message_dict
    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_an_empty_month_cannot_be_sent(cast, reps):
    timesheet = service.timesheet_get_or_create(
        programme=cast.programme, person=reps.emma, month=D(2024, 3, 1)
    )

    with pytest.raises(ValidationError):
        service.timesheet_submit(timesheet=timesheet, by=reps.emma)


def test_only_the_owner_sends_their_month(cast, reps):
    entry = _add(cast, reps.emma)

    with pytest.raises(ValidationError):
        service.timesheet_submit(timesheet=entry.timesheet, by=reps.sander)


def test_nobody_approves_their_own_timesheet(cast, reps):
    cast.programme.coordinators.add(reps.emma)
    entry = _add(cast, reps.emma)
    timesheet = service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)

    with pytest.raises(ValidationError):
        service.timesheet_approve(timesheet=timesheet, by=reps.emma)

    timesheet.refresh_from_db()
    assert timesheet.status == Timesheet.Status.SUBMITTED


def test_a_draft_cannot_be_approved(cast, reps):
    entry = _add(cast, reps.emma)

    with pytest.raises(ValidationError):
        service.timesheet_approve(timesheet=entry.timesheet, by=cast.coordinator)


def test_an_approved_month_is_locked(cast, reps):
    entry = _add(cast, reps.emma)
    timesheet = service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)
    service.timesheet_approve(timesheet=timesheet, by=cast.coordinator)

    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, date=D(2024, 3, 20))
    assert "approved and locked" in error.value.message_dict["date"][0]
    with pytest.raises(ValidationError):
        service.time_entry_delete(entry=entry, person=reps.emma)
    with pytest.raises(ValidationError):
        service.timesheet_return(timesheet=timesheet, by=cast.coordinator, comment="Feil")

    assert TimeEntry.objects.count() == 1


def test_a_correction_goes_in_a_later_month(cast, reps):
    entry = _add(cast, reps.emma)
    service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)
    service.timesheet_approve(timesheet=entry.timesheet, by=cast.coordinator)

    correction = _add(
        cast, reps.emma, date=D(2024, 4, 2), hours="1", comment="Retting: glemt møte 20. mars"
    )

    assert correction.timesheet.month == D(2024, 4, 1)


def test_a_submitted_month_takes_no_new_entries(cast, reps):
    entry = _add(cast, reps.emma)
    service.timesheet_submit(timesheet=entry.timesheet, by=reps.emma)

    with pytest.raises(ValidationError) as error:
        _add(cast, reps.emma, date=D(2024, 3, 6))

    assert "date" in error.value.message_dict


def test_someone_elses_entry_cannot_be_deleted(cast, reps):
    entry = _add(cast, reps.emma)

    with pytest.raises(ValidationError):
        service.time_entry_delete(entry=entry, person=reps.sander)
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def _attended_meeting(cast, person, day, status=Attendance.Status.PRESENT, minutes=110):
    from participation.services.meetings import local_datetime

    starts_at = local_datetime(day, datetime.time(16, 0))
    meeting = MeetingFactory(
        group=cast.resource_group,
        title="Ressursgruppemøte",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
    )
    membership = Membership.objects.get(person=person, group=cast.resource_group)
    AttendanceFactory(meeting=meeting, membership=membership, status=status)
    return meeting


def test_a_meeting_attended_becomes_an_entry_in_one_step(cast, reps):
    meeting = _attended_meeting(cast, reps.emma, D(2024, 3, 12))

    entry = service.time_entry_add_from_meeting(
        programme=cast.programme, person=reps.emma, meeting=meeting
    )

    assert entry.meeting == meeting
    assert entry.date == D(2024, 3, 12)
    assert entry.hours == Decimal("2.00")  # 110 minutes rounded up to the quarter
    assert entry.activity == TimeEntry.Activity.GROUP_MEETING


def test_a_meeting_is_logged_only_once(cast, reps):
    meeting = _attended_meeting(cast, reps.emma, D(2024, 3, 12))
    service.time_entry_add_from_meeting(programme=cast.programme, person=reps.emma, meeting=meeting)

    with pytest.raises(ValidationError) as error:
        service.time_entry_add_from_meeting(
            programme=cast.programme, person=reps.emma, meeting=meeting
        )

    assert "meeting" in error.value.message_dict
    assert TimeEntry.objects.count() == 1


def test_a_meeting_the_person_missed_cannot_be_logged(cast, reps):
    meeting = _attended_meeting(cast, reps.emma, D(2024, 3, 12), status=Attendance.Status.NOTICE)

    with pytest.raises(ValidationError) as error:
        service.time_entry_add_from_meeting(
            programme=cast.programme, person=reps.emma, meeting=meeting
        )

    assert "meeting" in error.value.message_dict


def test_suggestions_are_present_meetings_of_the_month_not_yet_logged(cast, reps):
    from resourcegroup.selectors.hours import month_page

    logged = _attended_meeting(cast, reps.emma, D(2024, 3, 5))
    offered = _attended_meeting(cast, reps.emma, D(2024, 3, 19))
    _attended_meeting(cast, reps.emma, D(2024, 3, 26), status=Attendance.Status.ABSENT)
    _attended_meeting(cast, reps.emma, D(2024, 4, 2))
    service.time_entry_add_from_meeting(programme=cast.programme, person=reps.emma, meeting=logged)

    page = month_page(
        programme=cast.programme, person=reps.emma, month=D(2024, 3, 1), today=D(2024, 12, 1)
    )

    assert [s.meeting for s in page.suggestions] == [offered]
    assert page.suggestions[0].hours == Decimal("2.00")


def test_no_suggestions_for_a_locked_month(cast, reps):
    from resourcegroup.selectors.hours import month_page

    _attended_meeting(cast, reps.emma, D(2024, 3, 19))
    TimeEntryFactory(
        timesheet__programme=cast.programme,
        timesheet__person=reps.emma,
        timesheet__status=Timesheet.Status.APPROVED,
    )

    page = month_page(
        programme=cast.programme, person=reps.emma, month=D(2024, 3, 1), today=D(2024, 12, 1)
    )

    assert page.suggestions == []
