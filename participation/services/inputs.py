"""Inputs from the users, followed until NAV has answered them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Group, Input, InputEvent, InputOwnerChange, Meeting, Office, Programme, User
from ..privacy import remove_personal_numbers
from ..selectors.inputs import input_owner_candidates


def _owner_errors(
    *, programme: Programme, office: Office | None, group: Group | None, person: User | None
) -> dict:
    """The owner must belong to this programme: its office, its group, one of its people."""
    errors = {}
    if office is not None and not programme.offices.filter(pk=office.pk).exists():
        errors["assigned_office"] = _("Choose an office in this programme.")
    if group is not None and not programme.groups.filter(pk=group.pk).exists():
        errors["assigned_group"] = _("Choose a group in this programme.")
    if (
        person is not None
        and not input_owner_candidates(programme=programme).filter(pk=person.pk).exists()
    ):
        errors["assigned_to"] = _(
            "Choose a coordinator, an office leader or an advisor in this programme."
        )
    return errors


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
    assigned_group: Group | None = None,
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
    errors = _owner_errors(
        programme=programme, office=assigned_office, group=assigned_group, person=assigned_to
    )
    if errors:
        raise ValidationError(errors)
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
        assigned_group=assigned_group,
        assigned_to=assigned_to,
        feedback_due_on=raised_on + datetime.timedelta(weeks=programme.feedback_due_weeks),
    )
    item.full_clean()
    item.save()
    InputEvent.objects.create(input=item, to_status=item.status, by=raised_by)
    if item.has_owner:
        # Given when it was raised: an input registered afterwards keeps that day.
        at = None if raised_on >= timezone.localdate() else _midday(raised_on)
        _record_owner_change(
            item, by=raised_by, before=(None, None, None, None), reason="", notify=True, at=at
        )
    return item


def _midday(day: datetime.date) -> datetime.datetime:
    from .meetings import local_datetime

    return local_datetime(day, datetime.time(12, 0))


def _record_owner_change(
    item: Input,
    *,
    by: User | None,
    before: tuple,
    reason: str,
    notify: bool,
    at: datetime.datetime | None = None,
) -> InputOwnerChange:
    """Store one change of owner or due date; when the owner changed, tell the new owners
    (after the commit; never the person who made the change)."""
    from_office, from_group, from_person, from_due_on = before
    change = InputOwnerChange.objects.create(
        input=item,
        from_office=from_office,
        from_group=from_group,
        from_person=from_person,
        from_due_on=from_due_on,
        to_office=item.assigned_office,
        to_group=item.assigned_group,
        to_person=item.assigned_to,
        to_due_on=item.feedback_due_on,
        by=by,
        reason=reason.strip(),
        at=at or timezone.now(),
    )
    if notify and change.owner_changed and item.has_owner:
        from ..tasks import notify_input_assigned

        change_id = change.pk
        transaction.on_commit(lambda: notify_input_assigned.delay(change_id))
    return change


@transaction.atomic
def input_assign(
    *,
    input: Input,
    office: Office | None,
    person: User | None,
    group: Group | None = None,
    due_on: datetime.date | None = None,
    today: datetime.date | None = None,
    by: User | None = None,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Input:
    """Give the input to its owners (an office, a group and/or a person of this programme)
    with the date the answer is due; without a date the due date stays as it is (set from the
    programme's deadline for answering inputs when the input was raised).

    A change of owner or date is kept in the input's history (from, to, by whom, why); new
    owners are told, unless they gave it to themselves."""
    today = today or timezone.localdate()
    before = (input.assigned_office, input.assigned_group, input.assigned_to, input.feedback_due_on)
    errors = _owner_errors(programme=input.programme, office=office, group=group, person=person)
    if due_on is not None and due_on != input.feedback_due_on:
        if due_on < input.raised_on:
            errors["due_on"] = _("The answer cannot be due before the input was raised.")
        elif due_on < today:
            errors["due_on"] = _("Choose today or a later day.")
    if errors:
        raise ValidationError(errors)
    input.assigned_office, input.assigned_group, input.assigned_to = office, group, person
    fields = ["assigned_office", "assigned_group", "assigned_to"]
    if due_on is not None:
        input.feedback_due_on = due_on
        fields.append("feedback_due_on")
    input.save(update_fields=fields)
    if before != (office, group, person, input.feedback_due_on):
        _record_owner_change(input, by=by, before=before, reason=reason, notify=True, at=now)
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
    # One conditional update decides: the owner and a coordinator answering at once cannot
    # both win, and fields nobody here changed (the owner, say) are left as stored.
    won = Input.objects.filter(pk=input.pk, status=from_status).update(
        status=input.status,
        status_changed_at=input.status_changed_at,
        decline_reason=input.decline_reason,
        feedback=input.feedback,
        feedback_at=input.feedback_at,
    )
    if not won:
        raise ValidationError(
            {
                "to_status": _(
                    "Someone else moved this input on while you were writing. The page shows "
                    "what is stored now. What you wrote is kept below."
                )
            }
        )
    InputEvent.objects.create(
        input=input, from_status=from_status, to_status=to_status, at=now, by=by, note=note.strip()
    )
    if input.is_closed:
        # The members who raised it are told once the answer is stored for good.
        from ..tasks import notify_input_answered

        input_id = input.pk
        transaction.on_commit(lambda: notify_input_answered.delay(input_id))
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
