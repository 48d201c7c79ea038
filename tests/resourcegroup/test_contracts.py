import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from resourcegroup.models import Contract, Timesheet
from resourcegroup.services.contracts import contract_create, contract_renew
from resourcegroup.services.timesheets import time_entry_add
from tests.resourcegroup.factories import TimeEntryFactory, TimesheetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

D = datetime.date


def _create(cast, person, **overrides):
    values = {
        "programme": cast.programme,
        "person": person,
        "hourly_pay": Decimal("210.00"),
        "starts_on": D(2026, 1, 1),
        "ends_on": D(2026, 12, 31),
        "expected_hours_per_month": Decimal("20"),
        "role_description": "Talsperson for ressursgruppa",
    }
    return contract_create(**(values | overrides))


def test_a_paid_representative_gets_a_contract(cast, reps):
    contract = _create(cast, reps.emma)

    assert contract.hourly_pay == Decimal("210.00")
    assert contract.person == reps.emma


def test_a_contract_ending_before_it_starts_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _create(cast, reps.emma, starts_on=D(2026, 5, 1), ends_on=D(2026, 4, 1))

    assert "ends_on" in error.value.message_dict
    assert Contract.objects.count() == 2


def test_a_contract_before_the_programme_starts_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _create(cast, reps.emma, starts_on=D(2023, 12, 1))

    assert "starts_on" in error.value.message_dict


def test_a_contract_after_the_programme_ends_is_refused(cast, reps):
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(ends_on=D(2026, 6, 30))
    cast.programme.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        _create(cast, reps.emma)

    assert "ends_on" in error.value.message_dict


def test_only_a_paid_representative_can_have_a_contract(cast, reps):
    with pytest.raises(ValidationError) as error:
        _create(cast, cast.member)

    assert "person" in error.value.message_dict


def test_an_overlapping_contract_is_refused(cast, reps):
    with pytest.raises(ValidationError) as error:
        _create(cast, reps.emma, starts_on=D(2025, 6, 1))

    assert "starts_on" in error.value.message_dict


@pytest.mark.parametrize("pay", ["0", "-10", "2500"])
def test_unreasonable_hourly_pay_is_refused(cast, reps, pay):
    with pytest.raises(ValidationError) as error:
        _create(cast, reps.emma, hourly_pay=Decimal(pay))

    assert "hourly_pay" in error.value.message_dict


def test_renewing_keeps_the_old_contract_and_ends_it_the_day_before(cast, reps):
    old = reps.emma_contract

    new = contract_renew(
        contract=old,
        hourly_pay=Decimal("220.00"),
        starts_on=D(2024, 7, 1),
        ends_on=D(2026, 6, 30),
        expected_hours_per_month=Decimal("25"),
    )

    old.refresh_from_db()
    assert old.ends_on == D(2024, 6, 30)
    assert old.hourly_pay == Decimal("200.00")
    assert new.renews == old
    assert new.role_description == old.role_description
    assert Contract.objects.filter(person=reps.emma).count() == 2


def test_a_renewal_may_not_reprice_hours_already_approved(cast, reps):
    timesheet = TimesheetFactory(
        programme=cast.programme,
        person=reps.emma,
        month=D(2024, 7, 1),
        status=Timesheet.Status.APPROVED,
    )
    TimeEntryFactory(timesheet=timesheet, date=D(2024, 7, 10))

    with pytest.raises(ValidationError) as error:
        contract_renew(
            contract=reps.emma_contract,
            hourly_pay=Decimal("220.00"),
            starts_on=D(2024, 7, 1),
            ends_on=D(2025, 12, 31),
            expected_hours_per_month=Decimal("20"),
        )

    assert "starts_on" in error.value.message_dict
    reps.emma_contract.refresh_from_db()
    assert reps.emma_contract.ends_on == D(2025, 12, 31)
    assert Contract.objects.filter(person=reps.emma).count() == 1


def test_a_contract_is_renewed_only_once(cast, reps):
    values = {
        "hourly_pay": Decimal("220.00"),
        "starts_on": D(2024, 7, 1),
        "ends_on": D(2025, 12, 31),
        "expected_hours_per_month": Decimal("20"),
    }
    contract_renew(contract=reps.emma_contract, **values)

    with pytest.raises(ValidationError):
        contract_renew(contract=reps.emma_contract, **(values | {"starts_on": D(2024, 8, 1)}))


def test_after_a_renewal_hours_are_logged_on_the_new_contract(cast, reps):
    contract_renew(
        contract=reps.emma_contract,
        hourly_pay=Decimal("220.00"),
        starts_on=D(2024, 7, 15),
        ends_on=D(2025, 12, 31),
        expected_hours_per_month=Decimal("20"),
    )

    entry = time_entry_add(
        programme=cast.programme,
        person=reps.emma,
        date=D(2024, 7, 20),
        hours="2",
        activity="preparation",
    )

    assert entry.pk
