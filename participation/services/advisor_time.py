"""Advisor time: the office's plan (set with the office) and the hours used each month."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AdvisorTimeEntry, AdvisorTimePlan, Office, Programme, User
from .setup import office_update


def advisor_time_plan_set(
    *, programme: Programme, office: Office, hours_per_month: Decimal | None
) -> AdvisorTimePlan | None:
    """Set the office's planned advisor time for the programme; None removes the plan."""
    if not programme.offices.filter(pk=office.pk).exists():
        raise ValidationError(_("This office is not part of the programme."))
    if hours_per_month is None:
        AdvisorTimePlan.objects.filter(programme=programme, office=office).delete()
        return None
    plan = AdvisorTimePlan.objects.filter(programme=programme, office=office).first()
    plan = plan or AdvisorTimePlan(programme=programme, office=office)
    plan.hours_per_month = hours_per_month
    plan.full_clean(validate_unique=False)
    plan.save()
    return plan


@transaction.atomic
def office_setup_save(
    *,
    programme: Programme,
    office: Office,
    name: str,
    municipality: str,
    is_active: bool,
    advisor_hours_per_month: Decimal | None,
) -> Office:
    """The office's setup page: its name and use, and its planned advisor time, together."""
    office_update(office=office, name=name, municipality=municipality, is_active=is_active)
    try:
        advisor_time_plan_set(
            programme=programme, office=office, hours_per_month=advisor_hours_per_month
        )
    except ValidationError as error:
        raise ValidationError({"advisor_hours_per_month": error.messages}) from error
    return office


def advisor_time_record(
    *,
    programme: Programme,
    office: Office,
    month: datetime.date,
    hours: Decimal,
    note: str,
    recorded_by: User,
) -> AdvisorTimeEntry:
    """Record (or correct) the advisor time an office used in a month. Only months from the
    programme's start up to this month; one record per office and month."""
    month = month.replace(day=1)
    this_month = timezone.localdate().replace(day=1)
    if month > this_month:
        raise ValidationError({"month": _("Time can only be recorded for this or past months.")})
    if month < programme.starts_on.replace(day=1):
        raise ValidationError({"month": _("The programme had not started in that month.")})
    if not programme.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("This office is not part of the programme.")})
    with transaction.atomic():
        entry = (
            AdvisorTimeEntry.objects.select_for_update()
            .filter(programme=programme, office=office, month=month)
            .first()
        ) or AdvisorTimeEntry(programme=programme, office=office, month=month)
        entry.hours = hours
        entry.note = note.strip()
        entry.recorded_by = recorded_by
        entry.recorded_at = timezone.now()
        entry.full_clean(validate_unique=False, validate_constraints=False)
        entry.save()
    return entry
