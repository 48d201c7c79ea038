"""Honoraria derived from attendance, and travel claims: writes, each checked before it is
stored. Amounts are Decimal, rounded half up to the øre, never floats."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Attendance, Group, Meeting, Membership, Programme, User

from ..models import Contract, Honorarium, HonorariumRate, TravelClaim
from ..money import contract_on, to_ore
from .timesheets import month_label, month_start

# --- Rates -------------------------------------------------------------------------------


def rate_on(rates, day: datetime.date) -> HonorariumRate | None:
    """The newest rate valid on the day, from the programme's rates (already fetched)."""
    valid = [rate for rate in rates if rate.valid_from <= day]
    return max(valid, key=lambda rate: rate.valid_from) if valid else None


def _amount(value, field: str, message: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: message}) from None
    if not value.is_finite():
        raise ValidationError({field: message})
    return value


def honorarium_rate_set(
    *, programme: Programme, valid_from: datetime.date, amount_per_meeting, km_rate
) -> HonorariumRate:
    """Set what volunteers are paid from a day on. Amounts already proposed keep their rate."""
    number = _("Write a number, for example 350 or 4.50.")
    amount_per_meeting = _amount(amount_per_meeting, "amount_per_meeting", number)
    km_rate = _amount(km_rate, "km_rate", number)
    errors = {}
    if amount_per_meeting is None or amount_per_meeting < 0:
        errors["amount_per_meeting"] = _("The amount cannot be negative.")
    if km_rate is None or km_rate < 0:
        errors["km_rate"] = _("The rate cannot be negative.")
    if errors:
        raise ValidationError(errors)
    rate, _created = HonorariumRate.objects.update_or_create(
        programme=programme,
        valid_from=valid_from,
        defaults={"amount_per_meeting": to_ore(amount_per_meeting), "km_rate": to_ore(km_rate)},
    )
    return rate


# --- Honoraria from attendance ------------------------------------------------------------


@dataclass
class GenerateResult:
    created: int = 0
    removed: int = 0
    without_rate: int = 0


def _month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    end_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return (
        datetime.datetime.combine(month, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(end_month, datetime.time.min, tzinfo=tz),
    )


def volunteer_attendances(*, programme: Programme, month: datetime.date, now=None):
    """Present at a held resource-group meeting of the month, as a volunteer (not a paid
    representative: they log hours instead)."""
    now = now or timezone.now()
    start, end = _month_bounds(month_start(month))
    return (
        Attendance.objects.filter(
            status=Attendance.Status.PRESENT,
            meeting__group__programmes=programme,
            meeting__group__kind=Group.Kind.RESOURCE,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=min(end, now),
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(membership__role=Membership.Role.PAID_REPRESENTATIVE)
        .select_related("meeting", "membership__person")
        .order_by("meeting__starts_at", "pk")
    )


@transaction.atomic
def honoraria_generate(*, programme: Programme, month: datetime.date, now=None) -> GenerateResult:
    """Propose one honorarium per volunteer and meeting they were present at in the month.

    Idempotent: a meeting already proposed, approved or declined for a person is left alone.
    Proposals no longer backed by attendance (the attendance was corrected) are removed.
    A person with a contract on the day is paid by the hour, so gets no honorarium.
    """
    month = month_start(month)
    rates = list(HonorariumRate.objects.filter(programme=programme))
    attendances = list(volunteer_attendances(programme=programme, month=month, now=now))
    contracts: dict[int, list[Contract]] = {}
    for contract in Contract.objects.filter(programme=programme):
        contracts.setdefault(contract.person_id, []).append(contract)
    existing = set(
        Honorarium.objects.filter(programme=programme, month=month).values_list(
            "person_id", "meeting_id"
        )
    )
    backed = set()
    result = GenerateResult()
    new = []
    for attendance in attendances:
        person_id = attendance.membership.person_id
        key = (person_id, attendance.meeting_id)
        day = timezone.localdate(attendance.meeting.starts_at)
        if contract_on(contracts.get(person_id, []), day) is not None:
            continue
        backed.add(key)
        if key in existing:
            continue
        rate = rate_on(rates, day)
        if rate is None:
            result.without_rate += 1
            continue
        existing.add(key)
        new.append(
            Honorarium(
                programme=programme,
                person_id=person_id,
                membership=attendance.membership,
                meeting=attendance.meeting,
                date=day,
                month=month,
                amount=to_ore(rate.amount_per_meeting),
            )
        )
    Honorarium.objects.bulk_create(new)
    result.created = len(new)
    stale = [
        h.pk
        for h in Honorarium.objects.filter(
            programme=programme, month=month, status=Honorarium.Status.PROPOSED
        )
        if (h.person_id, h.meeting_id) not in backed
    ]
    if stale:
        result.removed, _detail = Honorarium.objects.filter(pk__in=stale).delete()
    return result


def honorarium_decline(*, honorarium: Honorarium, by: User) -> Honorarium:
    """Leave a proposed honorarium unpaid (it stays, so generating again does not bring it back)."""
    changed = Honorarium.objects.filter(pk=honorarium.pk, status=Honorarium.Status.PROPOSED).update(
        status=Honorarium.Status.DECLINED, decided_by=by, decided_at=timezone.now()
    )
    if not changed:
        raise ValidationError(_("Only an honorarium waiting for approval can be left unpaid."))
    honorarium.refresh_from_db()
    return honorarium


def honorarium_restore(*, honorarium: Honorarium, by: User) -> Honorarium:
    """Put an unpaid honorarium back on the list for approval."""
    changed = Honorarium.objects.filter(pk=honorarium.pk, status=Honorarium.Status.DECLINED).update(
        status=Honorarium.Status.PROPOSED, decided_by=None, decided_at=None
    )
    if not changed:
        raise ValidationError(_("This honorarium is not marked as unpaid."))
    honorarium.refresh_from_db()
    return honorarium


@transaction.atomic
def honoraria_approve(
    *,
    programme: Programme,
    month: datetime.date,
    by: User,
    seen_ids: set[int] | None = None,
    now=None,
) -> int:
    """Approve every honorarium waiting in the month; approved ones are locked. Not one's own.

    With `seen_ids` (the check step's list) only exactly that list is approved: when one was
    added, left unpaid or approved by someone else since, nothing is approved.
    """
    waiting = Honorarium.objects.filter(
        programme=programme, month=month_start(month), status=Honorarium.Status.PROPOSED
    )
    if waiting.filter(person=by).exists():
        raise ValidationError(_("You cannot approve your own honorarium. Ask another coordinator."))
    if seen_ids is not None:
        if set(waiting.values_list("pk", flat=True)) != seen_ids:
            raise ValidationError(
                _("The list changed after you checked it. Check it again before you approve.")
            )
        waiting = waiting.filter(pk__in=seen_ids)
    count = waiting.update(
        status=Honorarium.Status.APPROVED, decided_by=by, decided_at=now or timezone.now()
    )
    if not count:
        raise ValidationError(
            _("Nothing in %(month)s waits for approval.") % {"month": month_label(month)}
        )
    if seen_ids is not None and count != len(seen_ids):
        # Someone else's approval or decline won the race between the check and the update.
        transaction.set_rollback(True)
        raise ValidationError(
            _("The list changed after you checked it. Check it again before you approve.")
        )
    return count


# --- Travel claims -----------------------------------------------------------------------


def _clean_claim(
    *,
    programme: Programme,
    person: User,
    date: datetime.date,
    from_place: str,
    to_place: str,
    kilometres,
    ticket_amount,
    meeting: Meeting | None,
    today: datetime.date,
) -> dict:
    errors: dict[str, str] = {}
    kilometres = _amount(
        kilometres, "kilometres", _("Write the kilometres as a number, for example 24.5.")
    )
    ticket_amount = _amount(
        ticket_amount, "ticket_amount", _("Write the amount as a number, for example 62.50.")
    )
    if kilometres is not None and kilometres <= 0:
        errors["kilometres"] = _("Kilometres must be more than zero.")
    if ticket_amount is not None and ticket_amount <= 0:
        errors["ticket_amount"] = _("The ticket amount must be more than zero.")
    if kilometres is None and ticket_amount is None:
        errors["kilometres"] = _("Write how far you drove, or what the ticket cost.")
    if kilometres is not None and ticket_amount is not None and not errors:
        message = _("Write either kilometres or a ticket amount, not both. Make two claims.")
        errors["kilometres"] = message
        errors["ticket_amount"] = message
    if not from_place.strip():
        errors["from_place"] = _("Write where you travelled from.")
    if not to_place.strip():
        errors["to_place"] = _("Write where you travelled to.")
    if date > today:
        errors["date"] = _("You cannot claim travel for a day that has not come yet.")
    else:
        member = (
            Membership.objects.filter(
                person=person,
                group__programmes=programme,
                group__kind=Group.Kind.RESOURCE,
                starts_on__lte=date,
            )
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date))
            .exists()
        )
        if not member:
            errors["date"] = _("You were not a member of the resource group on this day.")
    if meeting is not None and "date" not in errors:
        attended = Attendance.objects.filter(
            meeting=meeting,
            membership__person=person,
            membership__group__programmes=programme,
            status=Attendance.Status.PRESENT,
        ).exists()
        if not attended:
            errors["meeting"] = _("Choose a meeting you were at.")
        elif timezone.localdate(meeting.starts_at) != date:
            errors["date"] = _("The date must be the day of the meeting.")
    km_rate = None
    if kilometres is not None and "kilometres" not in errors and "date" not in errors:
        rate = rate_on(HonorariumRate.objects.filter(programme=programme), date)
        if rate is None or not rate.km_rate:
            errors["kilometres"] = _(
                "The programme pays no kilometre rate for this day. Claim a ticket instead, or "
                "ask the coordinator."
            )
        else:
            km_rate = rate.km_rate
    if errors:
        raise ValidationError(errors)
    amount = to_ore(kilometres * km_rate) if kilometres is not None else to_ore(ticket_amount)
    return {
        "date": date,
        "month": month_start(date),
        "meeting": meeting,
        "from_place": from_place.strip(),
        "to_place": to_place.strip(),
        "kilometres": kilometres,
        "km_rate": km_rate,
        "ticket_amount": to_ore(ticket_amount) if ticket_amount is not None else None,
        "amount": amount,
    }


@transaction.atomic
def travel_claim_submit(
    *,
    programme: Programme,
    person: User,
    date: datetime.date,
    from_place: str,
    to_place: str,
    kilometres=None,
    ticket_amount=None,
    meeting: Meeting | None = None,
    comment: str = "",
    today: datetime.date | None = None,
    now=None,
) -> TravelClaim:
    """A member claims one trip: kilometres at the programme's rate on the day, or a ticket.

    Exactly one of the two, more than zero, on a past day within the member's membership.
    """
    values = _clean_claim(
        programme=programme,
        person=person,
        date=date,
        from_place=from_place,
        to_place=to_place,
        kilometres=kilometres,
        ticket_amount=ticket_amount,
        meeting=meeting,
        today=today or timezone.localdate(),
    )
    claim = TravelClaim(
        programme=programme,
        person=person,
        comment=comment.strip(),
        submitted_at=now or timezone.now(),
        **values,
    )
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def travel_claim_update(
    *,
    claim: TravelClaim,
    by: User,
    date: datetime.date,
    from_place: str,
    to_place: str,
    kilometres=None,
    ticket_amount=None,
    meeting: Meeting | None = None,
    comment: str = "",
    today: datetime.date | None = None,
    now=None,
) -> TravelClaim:
    """The member corrects their own claim before it is approved; it waits for approval again."""
    claim = TravelClaim.objects.select_for_update().get(pk=claim.pk)
    if claim.person_id != by.pk:
        raise ValidationError(_("You can only change your own travel claims."))
    if claim.is_locked:
        raise ValidationError(
            _(
                "This claim is approved and locked. If something was wrong, make a new claim "
                "and say in the comment what it corrects."
            )
        )
    values = _clean_claim(
        programme=claim.programme,
        person=by,
        date=date,
        from_place=from_place,
        to_place=to_place,
        kilometres=kilometres,
        ticket_amount=ticket_amount,
        meeting=meeting,
        today=today or timezone.localdate(),
    )
    for name, value in values.items():
        setattr(claim, name, value)
    claim.comment = comment.strip()
    claim.status = TravelClaim.Status.SUBMITTED
    claim.submitted_at = now or timezone.now()
    claim.full_clean()
    claim.save()
    return claim


def _decide(
    *, claim: TravelClaim, by: User, to_status: str, comment: str, now, seen_submitted_at=None
) -> TravelClaim:
    if claim.person_id == by.pk:
        raise ValidationError(
            _("You cannot approve or return your own travel claim. Ask another coordinator.")
        )
    waiting = TravelClaim.objects.filter(pk=claim.pk, status=TravelClaim.Status.SUBMITTED)
    if seen_submitted_at is not None:
        # Approve only the sending that was checked, not one sent again since.
        waiting = waiting.filter(submitted_at=seen_submitted_at)
    # Only one decision wins, even if two coordinators press at the same time.
    changed = waiting.update(
        status=to_status, decided_by=by, decided_at=now or timezone.now(), return_comment=comment
    )
    if not changed:
        if (
            seen_submitted_at is not None
            and TravelClaim.objects.filter(
                pk=claim.pk, status=TravelClaim.Status.SUBMITTED
            ).exists()
        ):
            raise ValidationError(
                _(
                    "The claim was sent again after you opened it. Nothing is approved. "
                    "Check it again."
                )
            )
        raise ValidationError(_("This claim is not waiting for approval any more."))
    claim.refresh_from_db()
    return claim


def travel_claim_approve(
    *, claim: TravelClaim, by: User, now=None, seen_submitted_at=None
) -> TravelClaim:
    """A coordinator approves a submitted claim; from then on it is locked and paid. With
    `seen_submitted_at`, only the sending the coordinator looked at is approved."""
    return _decide(
        claim=claim,
        by=by,
        to_status=TravelClaim.Status.APPROVED,
        comment="",
        now=now,
        seen_submitted_at=seen_submitted_at,
    )


def travel_claim_return(*, claim: TravelClaim, by: User, comment: str, now=None) -> TravelClaim:
    """A coordinator sends a claim back with a comment saying what to fix."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what needs to be fixed.")})
    return _decide(
        claim=claim,
        by=by,
        to_status=TravelClaim.Status.RETURNED,
        comment=comment.strip(),
        now=now,
    )
