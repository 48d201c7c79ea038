"""Honoraria from attendance, travel claims, approval and locking, and the payroll file."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from participation.models import Attendance, Meeting, Membership
from participation.services.meetings import local_datetime
from resourcegroup.models import Honorarium, TravelClaim
from resourcegroup.payroll import payroll_csv
from resourcegroup.selectors.honoraria import honoraria_month, payroll_extras
from resourcegroup.selectors.hours import payroll_rows
from resourcegroup.services import honoraria as service
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory
from tests.resourcegroup.factories_honoraria import HonorariumRateFactory, TravelClaimFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

D = datetime.date
MARCH = D(2024, 3, 1)
TODAY = D(2024, 4, 10)


@pytest.fixture(autouse=True)
def english_messages():
    """The services' messages in their English source text, whatever the default language."""
    with translation.override("en"):
        yield


@pytest.fixture
def volunteers(cast):
    """The cast's member and a second volunteer, both members since January 2024."""
    Membership.objects.filter(person=cast.member).update(starts_on=D(2024, 1, 1))
    nora = MembershipFactory(
        person__display_name="Nora Haugen",
        group=cast.resource_group,
        starts_on=D(2024, 1, 1),
    ).person
    HonorariumRateFactory(programme=cast.programme)
    return nora


def _meeting(cast, day, group=None, status=Meeting.Status.PLANNED):
    start = local_datetime(day, datetime.time(16, 0))
    return MeetingFactory(
        group=group or cast.resource_group,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=status,
    )


def _present(meeting, person, status=Attendance.Status.PRESENT):
    membership = Membership.objects.filter(person=person, group=meeting.group).first()
    return AttendanceFactory(meeting=meeting, membership=membership, status=status)


# --- Derivation from attendance ---------------------------------------------------------


def test_each_volunteer_gets_one_honorarium_per_meeting_attended(cast, volunteers):
    first, second = _meeting(cast, D(2024, 3, 5)), _meeting(cast, D(2024, 3, 19))
    _present(first, cast.member)
    _present(second, cast.member)
    _present(first, volunteers)
    _present(second, volunteers, status=Attendance.Status.NOTICE)

    result = service.honoraria_generate(programme=cast.programme, month=MARCH)

    assert result.created == 3
    page = honoraria_month(programme=cast.programme, month=MARCH)
    assert [(p.person, p.meetings, p.amount) for p in page.people] == [
        (cast.member, 2, Decimal("700.00")),
        (volunteers, 1, Decimal("350.00")),
    ]
    assert page.amount == Decimal("1050.00")


def test_generating_again_adds_nothing_twice(cast, volunteers):
    _present(_meeting(cast, D(2024, 3, 5)), cast.member)
    service.honoraria_generate(programme=cast.programme, month=MARCH)

    again = service.honoraria_generate(programme=cast.programme, month=MARCH)

    assert again.created == 0
    assert Honorarium.objects.count() == 1


def test_paid_representatives_cancelled_meetings_and_other_groups_give_no_honorarium(
    cast, volunteers
):
    rep = MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=D(2024, 1, 1),
    ).person
    held = _meeting(cast, D(2024, 3, 5))
    _present(held, rep)
    _present(_meeting(cast, D(2024, 3, 12), status=Meeting.Status.CANCELLED), cast.member)
    project = _meeting(cast, D(2024, 3, 14), group=cast.project_group)
    _present(project, cast.advisor)
    _present(_meeting(cast, D(2024, 4, 2)), cast.member)  # another month

    result = service.honoraria_generate(programme=cast.programme, month=MARCH)

    assert result.created == 0
    assert not Honorarium.objects.exists()


def test_the_rate_valid_on_the_meeting_day_is_used(cast, volunteers):
    HonorariumRateFactory(
        programme=cast.programme, valid_from=D(2024, 3, 15), amount_per_meeting=Decimal("412.50")
    )
    _present(_meeting(cast, D(2024, 3, 5)), cast.member)
    _present(_meeting(cast, D(2024, 3, 19)), cast.member)

    service.honoraria_generate(programme=cast.programme, month=MARCH)

    amounts = list(Honorarium.objects.order_by("date").values_list("amount", flat=True))
    assert amounts == [Decimal("350.00"), Decimal("412.50")]


def test_meetings_before_any_rate_are_counted_but_not_paid(cast, volunteers):
    _present(_meeting(cast, D(2024, 3, 5)), cast.member)
    cast.programme.honorarium_rates.all().delete()

    result = service.honoraria_generate(programme=cast.programme, month=MARCH)

    assert result.without_rate == 1
    assert not Honorarium.objects.exists()


def test_a_corrected_attendance_removes_the_proposal_but_not_an_approved_one(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 5))
    attendance = _present(meeting, cast.member)
    _present(meeting, volunteers)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    Honorarium.objects.filter(person=volunteers).update(status=Honorarium.Status.APPROVED)
    Attendance.objects.filter(meeting=meeting).update(status=Attendance.Status.ABSENT)

    result = service.honoraria_generate(programme=cast.programme, month=MARCH)

    assert result.removed == 1
    assert attendance.pk
    assert list(Honorarium.objects.values_list("person", flat=True)) == [volunteers.pk]


# --- Approval and locking ---------------------------------------------------------------


def test_approving_a_month_locks_its_honoraria_and_declined_ones_stay_unpaid(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 5))
    _present(meeting, cast.member)
    _present(meeting, volunteers)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    service.honorarium_decline(
        honorarium=Honorarium.objects.get(person=volunteers), by=cast.coordinator
    )

    count = service.honoraria_approve(programme=cast.programme, month=MARCH, by=cast.coordinator)

    assert count == 1
    approved = Honorarium.objects.get(person=cast.member)
    assert approved.is_locked and approved.decided_by == cast.coordinator
    assert Honorarium.objects.get(person=volunteers).status == Honorarium.Status.DECLINED
    with pytest.raises(ValidationError):
        service.honorarium_decline(honorarium=approved, by=cast.coordinator)
    # Generating again brings back neither the declined one nor a second approved one.
    assert service.honoraria_generate(programme=cast.programme, month=MARCH).created == 0


def test_a_month_with_nothing_waiting_cannot_be_approved(cast, volunteers):
    with pytest.raises(ValidationError, match="Nothing"):
        service.honoraria_approve(programme=cast.programme, month=MARCH, by=cast.coordinator)


def test_approving_the_checked_list_approves_exactly_it(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 5))
    _present(meeting, cast.member)
    _present(meeting, volunteers)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    seen = set(Honorarium.objects.values_list("pk", flat=True))

    count = service.honoraria_approve(
        programme=cast.programme, month=MARCH, by=cast.coordinator, seen_ids=seen
    )

    assert count == 2
    assert set(Honorarium.objects.values_list("status", flat=True)) == {"approved"}


def test_a_list_changed_after_the_check_approves_nothing(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 5))
    _present(meeting, cast.member)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    seen = set(Honorarium.objects.values_list("pk", flat=True))
    # Another coordinator makes the list again after a late attendance entry.
    _present(meeting, volunteers)
    service.honoraria_generate(programme=cast.programme, month=MARCH)

    with pytest.raises(ValidationError, match="changed after you checked"):
        service.honoraria_approve(
            programme=cast.programme, month=MARCH, by=cast.coordinator, seen_ids=seen
        )

    assert set(Honorarium.objects.values_list("status", flat=True)) == {"proposed"}


def _claim(cast, person=None, **kwargs):
    values = {
        "programme": cast.programme,
        "person": person or cast.member,
        "date": D(2024, 3, 12),
        "from_place": "Raufoss",
        "to_place": "NAV Gjøvik",
        "today": TODAY,
    }
    values.update(kwargs)
    return service.travel_claim_submit(**values)


def test_kilometres_are_paid_at_the_rate_rounded_half_up_to_the_ore(cast, volunteers):
    HonorariumRateFactory(
        programme=cast.programme, valid_from=D(2024, 3, 1), km_rate=Decimal("4.35")
    )

    claim = _claim(cast, kilometres="12.1")

    # 12.1 × 4.35 = 52.635 → 52.64
    assert claim.amount == Decimal("52.64")
    assert claim.km_rate == Decimal("4.35")
    assert claim.status == TravelClaim.Status.SUBMITTED


def test_a_ticket_is_paid_as_it_is(cast, volunteers):
    claim = _claim(cast, ticket_amount=Decimal("62.5"))

    assert claim.amount == Decimal("62.50")
    assert claim.kilometres is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kilometres": "-5"}, "kilometres", "more than zero"),
        ({"ticket_amount": "-20"}, "ticket_amount", "more than zero"),
        ({"kilometres": "0"}, "kilometres", "more than zero"),
        ({}, "kilometres", "how far you drove"),
        ({"kilometres": "10", "ticket_amount": "40"}, "ticket_amount", "not both"),
        ({"kilometres": "10", "date": D(2024, 4, 11)}, "date", "not come yet"),
        ({"kilometres": "10", "date": D(2023, 12, 20)}, "date", "not a member"),
        ({"kilometres": "10", "from_place": " "}, "from_place", "from"),
    ],
)
def test_bad_claims_are_refused_and_nothing_is_stored(cast, volunteers, changes, field, message):
    with pytest.raises(ValidationError) as error:
        _claim(cast, **changes)

    assert message in " ".join(error.value.message_dict[field])
    assert not TravelClaim.objects.exists()


def test_kilometres_without_a_km_rate_are_refused(cast, volunteers):
    cast.programme.honorarium_rates.update(km_rate=Decimal("0"))

    with pytest.raises(ValidationError) as error:
        _claim(cast, kilometres="10")

    assert "ticket" in error.value.message_dict["kilometres"][0]


def test_a_claim_for_a_meeting_must_be_one_attended_on_its_day(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 12))

    with pytest.raises(ValidationError) as error:
        _claim(cast, meeting=meeting, kilometres="10")
    assert "meeting" in error.value.message_dict

    _present(meeting, cast.member)
    with pytest.raises(ValidationError) as error:
        _claim(cast, meeting=meeting, kilometres="10", date=D(2024, 3, 13))
    assert "day of the meeting" in error.value.message_dict["date"][0]

    assert _claim(cast, meeting=meeting, kilometres="10").meeting == meeting


def test_a_returned_claim_is_corrected_and_waits_again_and_an_approved_one_is_locked(
    cast, volunteers
):
    claim = _claim(cast, kilometres="10")
    service.travel_claim_return(claim=claim, by=cast.coordinator, comment="Tur-retur?")
    claim.refresh_from_db()
    assert claim.status == TravelClaim.Status.RETURNED

    claim = service.travel_claim_update(
        claim=claim,
        by=cast.member,
        date=claim.date,
        from_place="Raufoss",
        to_place="NAV Gjøvik",
        kilometres="20",
        today=TODAY,
    )
    assert claim.status == TravelClaim.Status.SUBMITTED and claim.amount == Decimal("90.00")

    service.travel_claim_approve(claim=claim, by=cast.coordinator)
    with pytest.raises(ValidationError, match="approved and locked"):
        service.travel_claim_update(
            claim=claim,
            by=cast.member,
            date=claim.date,
            from_place="Raufoss",
            to_place="Oslo",
            kilometres="200",
            today=TODAY,
        )
    claim.refresh_from_db()
    assert claim.to_place == "NAV Gjøvik" and claim.amount == Decimal("90.00")


def test_returning_needs_a_comment_and_one_cannot_decide_ones_own_claim(cast, volunteers):
    claim = _claim(cast, kilometres="10")
    with pytest.raises(ValidationError):
        service.travel_claim_return(claim=claim, by=cast.coordinator, comment=" ")
    with pytest.raises(ValidationError, match="own"):
        service.travel_claim_approve(claim=claim, by=cast.member)
    with pytest.raises(ValidationError, match="own"):
        service.travel_claim_update(
            claim=claim,
            by=volunteers,
            date=claim.date,
            from_place="A",
            to_place="B",
            kilometres="1",
            today=TODAY,
        )
    service.travel_claim_approve(claim=claim, by=cast.coordinator)
    with pytest.raises(ValidationError, match="not waiting"):
        service.travel_claim_approve(claim=claim, by=cast.coordinator)


# --- Payroll ----------------------------------------------------------------------------


def test_payroll_extras_sum_approved_honoraria_and_travel_per_person(cast, volunteers):
    meeting = _meeting(cast, D(2024, 3, 5))
    _present(meeting, cast.member)
    _present(meeting, volunteers)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    service.honoraria_approve(programme=cast.programme, month=MARCH, by=cast.coordinator)
    approved = _claim(cast, kilometres="10")
    service.travel_claim_approve(claim=approved, by=cast.coordinator)
    _claim(cast, ticket_amount="100")  # waiting: not paid
    TravelClaimFactory(
        programme=cast.programme,
        person=volunteers,
        status=TravelClaim.Status.RETURNED,
        ticket_amount=Decimal("80"),
    )

    extras = payroll_extras(programme=cast.programme, month=MARCH)

    member = extras[cast.member.pk]
    assert (member.meetings, member.honoraria, member.travel, member.amount) == (
        1,
        Decimal("350.00"),
        Decimal("45.00"),
        Decimal("395.00"),
    )
    assert extras[volunteers.pk].travel == Decimal("0")
    assert member.approved_by == cast.coordinator


def test_the_payroll_file_has_extra_columns_and_a_row_for_each_volunteer(cast, volunteers):
    rep = MembershipFactory(
        person__display_name="Amalie Rep",
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=D(2024, 1, 1),
    ).person
    from tests.resourcegroup.factories import ContractFactory

    ContractFactory(programme=cast.programme, person=rep)
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=rep,
        month=MARCH,
        status="approved",
        decided_by=cast.coordinator,
    )
    TimeEntryFactory(timesheet=timesheet, hours=Decimal("2"))
    _present(_meeting(cast, D(2024, 3, 5)), cast.member)
    service.honoraria_generate(programme=cast.programme, month=MARCH)
    service.honoraria_approve(programme=cast.programme, month=MARCH, by=cast.coordinator)
    service.travel_claim_approve(claim=_claim(cast, ticket_amount="62.50"), by=cast.coordinator)

    text = payroll_csv(
        payroll_rows(programme=cast.programme, month=MARCH),
        payroll_extras(programme=cast.programme, month=MARCH),
    )

    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert table[0][:8] == [
        "Name",
        "Employee number",
        "Month",
        "Hours",
        "Hourly pay (NOK)",
        "Amount (NOK)",
        "Approved by",
        "Approved at",
    ]
    assert table[0][8:] == ["Meetings", "Honoraria (NOK)", "Travel (NOK)", "Total (NOK)"]
    rows = {row[0]: row for row in table[1:]}
    assert rows["Amalie Rep"][3:6] == ["2,00", "200,00", "400,00"]
    assert rows["Amalie Rep"][8:] == ["0", "0,00", "0,00", "400,00"]
    assert rows["Emma Medlem"][3:6] == ["0,00", "", "0,00"]
    assert rows["Emma Medlem"][6] == "Hanne Koordinator"
    assert rows["Emma Medlem"][8:] == ["1", "350,00", "62,50", "412,50"]
