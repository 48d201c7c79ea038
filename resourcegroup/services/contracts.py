"""Contracts of the paid representatives: made, and renewed with the history kept."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participation.models import Membership, Programme, User

from ..models import Contract, TimeEntry, Timesheet

MAX_HOURLY_PAY = Decimal("2000")
MAX_EXPECTED_HOURS = Decimal("200")


def paid_representative_memberships(*, programme: Programme):
    """Memberships as paid representative in the programme's groups, past and present."""
    return Membership.objects.filter(
        group__programmes=programme, role=Membership.Role.PAID_REPRESENTATIVE
    )


@transaction.atomic
def contract_create(
    *,
    programme: Programme,
    person: User,
    hourly_pay: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    expected_hours_per_month: Decimal,
    role_description: str = "",
    employee_number: str = "",
    created_by: User | None = None,
    renews: Contract | None = None,
) -> Contract:
    """A fixed-term contract inside the programme's period for a paid representative.

    Refused if it ends before it starts, falls outside the programme, overlaps another of
    the person's contracts, or the person has no seat as paid representative in that time.
    """
    errors = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("A contract cannot end before it starts.")
    if starts_on < programme.starts_on:
        errors["starts_on"] = _(
            "The contract must start on or after %(date)s, when the programme starts."
        ) % {"date": date_format(programme.starts_on)}
    if programme.ends_on and ends_on > programme.ends_on:
        errors["ends_on"] = _(
            "The contract must end on or before %(date)s, when the programme ends."
        ) % {"date": date_format(programme.ends_on)}
    if not (Decimal("0") < hourly_pay <= MAX_HOURLY_PAY):
        errors["hourly_pay"] = _("Write the hourly pay in NOK, more than 0 and at most 2000.")
    if not (Decimal("0") <= expected_hours_per_month <= MAX_EXPECTED_HOURS):
        errors["expected_hours_per_month"] = _("Write a number of hours from 0 to 200.")
    if errors:
        raise ValidationError(errors)

    has_seat = (
        paid_representative_memberships(programme=programme)
        .filter(person=person, starts_on__lte=ends_on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        .exists()
    )
    if not has_seat:
        raise ValidationError(
            {"person": _("The person must be a paid representative in a group of the programme.")}
        )
    overlapping = (
        Contract.objects.filter(programme=programme, person=person)
        .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
        .first()
    )
    if overlapping is not None:
        raise ValidationError(
            {
                "starts_on": _(
                    "The person already has a contract from %(start)s to %(end)s. Renew that "
                    "contract instead."
                )
                % {
                    "start": date_format(overlapping.starts_on),
                    "end": date_format(overlapping.ends_on),
                }
            }
        )
    contract = Contract(
        programme=programme,
        person=person,
        hourly_pay=hourly_pay,
        starts_on=starts_on,
        ends_on=ends_on,
        expected_hours_per_month=expected_hours_per_month,
        role_description=role_description.strip(),
        employee_number=employee_number.strip(),
        created_by=created_by,
        renews=renews,
    )
    contract.full_clean()
    contract.save()
    return contract


@transaction.atomic
def contract_renew(
    *,
    contract: Contract,
    hourly_pay: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    expected_hours_per_month: Decimal,
    role_description: str = "",
    employee_number: str = "",
    created_by: User | None = None,
) -> Contract:
    """A new contract that follows this one, for a new period or a new hourly pay.

    The old contract is kept; if the new one starts while it runs, the old one ends the day
    before. Refused if hours already approved or submitted would change price.
    """
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if Contract.objects.filter(renews=contract).exists():
        raise ValidationError(_("This contract has already been renewed. Renew the newest one."))
    if starts_on <= contract.starts_on:
        raise ValidationError(
            {
                "starts_on": _("The renewal must start after %(date)s, when this contract started.")
                % {"date": date_format(contract.starts_on)}
            }
        )
    if starts_on <= contract.ends_on:
        settled = (
            TimeEntry.objects.filter(
                timesheet__programme=contract.programme,
                timesheet__person=contract.person,
                timesheet__status__in=(Timesheet.Status.SUBMITTED, Timesheet.Status.APPROVED),
                date__gte=starts_on,
            )
            .order_by("-date")
            .first()
        )
        if settled is not None:
            raise ValidationError(
                {
                    "starts_on": _(
                        "Hours up to %(date)s are already submitted or approved with the old "
                        "pay. Start the renewal after that day."
                    )
                    % {"date": date_format(settled.date)}
                }
            )
        contract.ends_on = starts_on - datetime.timedelta(days=1)
        contract.save(update_fields=["ends_on"])
    return contract_create(
        programme=contract.programme,
        person=contract.person,
        hourly_pay=hourly_pay,
        starts_on=starts_on,
        ends_on=ends_on,
        expected_hours_per_month=expected_hours_per_month,
        role_description=role_description or contract.role_description,
        employee_number=employee_number or contract.employee_number,
        created_by=created_by,
        renews=contract,
    )
