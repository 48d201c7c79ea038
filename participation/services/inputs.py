"""Inputs from the users, followed until NAV has answered them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Group, Input, InputEvent, Meeting, Office, Programme, User
from ..privacy import remove_personal_numbers


@transaction.atomic
def input_create(
    *,
    programme: Programme,
    title: str,
    source: str,
    description: str = "",
    group: Group | None = None,
    meeting: Meeting | None = None,
    raised_by: User | None = None,
    raised_on: datetime.date | None = None,
    assigned_office: Office | None = None,
    assigned_to: User | None = None,
) -> Input:
    """Register an input; its feedback is due after the programme's number of weeks."""
    raised_on = raised_on or timezone.localdate()
    if group is not None and not programme.groups.filter(pk=group.pk).exists():
        raise ValidationError({"group": _("Choose a group in this programme.")})
    if meeting is not None:
        if group is None:
            group = meeting.group
        elif meeting.group_id != group.pk:
            raise ValidationError({"meeting": _("The meeting must belong to the chosen group.")})
    if assigned_office is not None and not programme.offices.filter(pk=assigned_office.pk).exists():
        raise ValidationError({"assigned_office": _("Choose an office in this programme.")})
    item = Input(
        programme=programme,
        title=remove_personal_numbers(title.strip()),
        description=remove_personal_numbers(description.strip()),
        source=source,
        group=group,
        meeting=meeting,
        raised_by=raised_by,
        raised_on=raised_on,
        assigned_office=assigned_office,
        assigned_to=assigned_to,
        feedback_due_on=raised_on + datetime.timedelta(weeks=programme.feedback_due_weeks),
    )
    item.full_clean()
    item.save()
    InputEvent.objects.create(input=item, to_status=item.status, by=raised_by)
    return item


def input_assign(*, input: Input, office: Office | None, person: User | None) -> Input:
    """Say which office and person follow the input up."""
    if office is not None and not input.programme.offices.filter(pk=office.pk).exists():
        raise ValidationError({"assigned_office": _("Choose an office in this programme.")})
    input.assigned_office, input.assigned_to = office, person
    input.save(update_fields=["assigned_office", "assigned_to"])
    return input


@transaction.atomic
def input_change_status(
    *,
    input: Input,
    to_status: str,
    by: User | None,
    feedback: str = "",
    decline_reason: str = "",
    note: str = "",
    now: datetime.datetime | None = None,
) -> Input:
    """Move an input forward. Done and declined need feedback; declined needs a reason too.

    Moving backwards is refused: what was promised to the users stays in the record.
    """
    now = now or timezone.now()
    if to_status not in Input.Status.values:
        raise ValidationError({"to_status": _("Unknown status.")})
    if input.is_closed:
        raise ValidationError({"to_status": _("This input is closed.")})
    if Input.STATUS_ORDER[to_status] <= Input.STATUS_ORDER[input.status]:
        raise ValidationError(
            {"to_status": _("An input can only move forward, not back to an earlier step.")}
        )
    feedback = feedback.strip() or input.feedback
    errors = {}
    if to_status in (Input.Status.DONE, Input.Status.DECLINED) and not feedback:
        errors["feedback"] = _("Write the feedback to the users before closing the input.")
    if to_status == Input.Status.DECLINED and not decline_reason.strip():
        errors["decline_reason"] = _("Say why the input was declined.")
    if errors:
        raise ValidationError(errors)
    from_status = input.status
    input.status = to_status
    input.status_changed_at = now
    if to_status == Input.Status.DECLINED:
        input.decline_reason = decline_reason.strip()
    _set_feedback(input, feedback, now)
    input.save()
    InputEvent.objects.create(
        input=input, from_status=from_status, to_status=to_status, at=now, by=by, note=note.strip()
    )
    return input


@transaction.atomic
def input_give_feedback(
    *, input: Input, feedback: str, by: User | None, now: datetime.datetime | None = None
) -> Input:
    """Write or improve the feedback the users see, at any step."""
    if not feedback.strip():
        raise ValidationError({"feedback": _("The feedback cannot be empty.")})
    now = now or timezone.now()
    _set_feedback(input, feedback.strip(), now)
    input.save(update_fields=["feedback", "feedback_at"])
    InputEvent.objects.create(
        input=input,
        from_status=input.status,
        to_status=input.status,
        at=now,
        by=by,
        note=_("Feedback updated"),
    )
    return input


def _set_feedback(input: Input, feedback: str, now: datetime.datetime) -> None:
    if feedback and feedback != input.feedback:
        input.feedback = feedback
    # The first feedback is the one the steering report's "days to feedback" counts from.
    if input.feedback and input.feedback_at is None:
        input.feedback_at = now
