"""Meetings: creating them one by one or as a series, the agenda, attendance and minutes."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Group,
    Meeting,
    MeetingSeries,
    Membership,
    User,
)

# A series is a plan for a season, not forever: a year of weekly meetings at most.
MAX_MEETINGS_IN_SERIES = 60
# Groups where the users' own matters get a standing first item on every agenda.
GROUPS_WITH_USERS_ITEM = (Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE)


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A wall-clock time in Oslo, right on both sides of a daylight-saving change."""
    return datetime.datetime.combine(day, time, tzinfo=ZoneInfo(settings.TIME_ZONE))


@transaction.atomic
def meeting_create(
    *,
    group: Group,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str = "",
    video_url: str = "",
    title: str = "",
    series: MeetingSeries | None = None,
) -> Meeting:
    """Create one meeting; resource groups and user committees get the users' standing item."""
    meeting = Meeting(
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        video_url=video_url,
        title=title,
        series=series,
    )
    meeting.full_clean()
    meeting.save()
    if group.kind in GROUPS_WITH_USERS_ITEM:
        # Stored text is in the programme's language, whatever the coordinator's screen shows.
        with translation.override(settings.LANGUAGE_CODE):
            title = _("From the users")
            description = _("The members' own matters and experiences come first.")
        AgendaItem.objects.create(
            meeting=meeting,
            number=1,
            title=title,
            description=description,
            kind=AgendaItem.Kind.THEME,
            is_from_users=True,
        )
    return meeting


@transaction.atomic
def meeting_series_create(
    *,
    group: Group,
    first_date: datetime.date,
    last_date: datetime.date | None,
    interval_days: int,
    start_time: datetime.time,
    duration_minutes: int,
    place: str = "",
) -> MeetingSeries:
    """Generate a group's meetings every N days between two dates; each can then be edited."""
    if last_date is None:
        raise ValidationError({"last_date": _("A series needs a last date.")})
    if last_date < first_date:
        raise ValidationError({"last_date": _("The last date must be after the first.")})
    if interval_days < 1:
        raise ValidationError(
            {"interval_days": _("There must be at least one day between meetings.")}
        )
    if duration_minutes < 1:
        raise ValidationError({"duration_minutes": _("A meeting must last at least one minute.")})
    count = (last_date - first_date).days // interval_days + 1
    if count > MAX_MEETINGS_IN_SERIES:
        raise ValidationError(
            {
                "last_date": _(
                    "That would be %(count)d meetings. Make a series of at most %(max)d."
                )
                % {"count": count, "max": MAX_MEETINGS_IN_SERIES}
            }
        )
    series = MeetingSeries(
        group=group,
        first_date=first_date,
        last_date=last_date,
        interval_days=interval_days,
        start_time=start_time,
        duration_minutes=duration_minutes,
        place=place,
    )
    series.full_clean()
    series.save()
    length = datetime.timedelta(minutes=duration_minutes)
    for n in range(count):
        starts_at = local_datetime(
            first_date + datetime.timedelta(days=n * interval_days), start_time
        )
        meeting_create(
            group=group, starts_at=starts_at, ends_at=starts_at + length, place=place, series=series
        )
    return series


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str,
    video_url: str,
    title: str,
) -> Meeting:
    """Change one meeting; the rest of its series stays as it is."""
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.place, meeting.video_url, meeting.title = place, video_url, title
    meeting.full_clean()
    meeting.save(update_fields=["starts_at", "ends_at", "place", "video_url", "title"])
    return meeting


def meeting_cancel(*, meeting: Meeting, reason: str = "") -> Meeting:
    """Cancel one meeting. It stays in the list, marked cancelled, and the series goes on."""
    if meeting.is_past:
        raise ValidationError(_("A meeting that has taken place cannot be cancelled."))
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.save(update_fields=["status", "cancel_reason"])
    return meeting


def _next_number(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.DISCUSSION,
    presenter: str = "",
    description: str = "",
    document_url: str = "",
) -> AgendaItem:
    """A coordinator's (or writer's) item, straight onto the agenda with the next number."""
    # Lock the meeting so two people adding at once do not get the same number.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    item = AgendaItem(
        meeting=meeting,
        number=_next_number(meeting),
        title=title.strip(),
        kind=kind,
        presenter=presenter.strip(),
        description=description.strip(),
        document_url=document_url,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_propose(
    *, meeting: Meeting, title: str, description: str, by: User, now=None
) -> AgendaItem:
    """A member proposes an item before the agenda closes; a coordinator then decides."""
    now = now or timezone.now()
    if now > meeting.agenda_deadline:
        raise ValidationError(
            _("The agenda closed %(deadline)s. Bring it up under “From the users” instead.")
            % {
                "deadline": date_format(
                    timezone.localtime(meeting.agenda_deadline), "DATETIME_FORMAT"
                )
            }
        )
    if not Membership.objects.current().filter(person=by, group=meeting.group_id).exists():
        raise ValidationError(_("Only members of the group can propose items."))
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    item = AgendaItem(
        meeting=meeting,
        number=_next_number(meeting),
        title=title.strip(),
        description=description.strip(),
        kind=AgendaItem.Kind.DISCUSSION,
        state=AgendaItem.State.PROPOSED,
        proposed_by=by,
    )
    item.full_clean()
    item.save()
    return item


def agenda_item_decide(*, item: AgendaItem, accept: bool) -> AgendaItem:
    """Take a proposed item onto the agenda, or not."""
    if item.state != AgendaItem.State.PROPOSED:
        raise ValidationError(_("This item has already been decided on."))
    item.state = AgendaItem.State.ACCEPTED if accept else AgendaItem.State.DECLINED
    item.save(update_fields=["state"])
    return item


def agenda_send(*, meeting: Meeting) -> Meeting:
    """Mark the agenda as sent and queue the invitation with the agenda and calendar file."""
    from ..tasks import send_meeting_invitation

    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is cancelled."))
    meeting.agenda_sent_at = timezone.now()
    meeting.save(update_fields=["agenda_sent_at"])
    transaction.on_commit(lambda: send_meeting_invitation.delay(meeting.pk))
    return meeting


@transaction.atomic
def attendance_record(*, meeting: Meeting, statuses: dict[int, str]) -> list[Attendance]:
    """Record attendance for many members at once (membership id → status).

    Everyone must be a member of the meeting's group on the meeting's day; otherwise nothing
    is stored.
    """
    if meeting.is_cancelled:
        raise ValidationError(_("Attendance cannot be recorded for a cancelled meeting."))
    valid = set(Attendance.Status.values)
    if bad := [s for s in statuses.values() if s not in valid]:
        raise ValidationError(_("Unknown attendance: %(value)s") % {"value": bad[0]})
    day = timezone.localdate(meeting.starts_at)
    members = set(
        Membership.objects.current(on=day)
        .filter(group=meeting.group_id, pk__in=statuses)
        .values_list("pk", flat=True)
    )
    if strangers := set(statuses) - members:
        raise ValidationError(
            _("%(count)d of those listed were not members of the group on the meeting day.")
            % {"count": len(strangers)}
        )
    existing = {a.membership_id: a for a in meeting.attendances.all()}
    to_create, to_update = [], []
    for membership_id, status in statuses.items():
        if attendance := existing.get(membership_id):
            if attendance.status != status:
                attendance.status = status
                to_update.append(attendance)
        else:
            to_create.append(
                Attendance(meeting=meeting, membership_id=membership_id, status=status)
            )
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["status"])
    return list(meeting.attendances.all())


@transaction.atomic
def attendance_restore(*, meeting: Meeting, previous: dict[int, str | None]) -> None:
    """Put attendance back as it was before one save (membership id → status, None for not
    recorded): the undo of `attendance_record`."""
    gone = [pk for pk, status in previous.items() if status is None]
    meeting.attendances.filter(membership_id__in=gone).delete()
    for membership_id, status in previous.items():
        if status is not None:
            meeting.attendances.filter(membership_id=membership_id).update(status=status)


class MinutesConflict(ValidationError):
    """Someone else saved the minutes after this person opened them."""


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, version: int, summary: str, item_minutes: dict[int, str]
) -> Meeting:
    """Save the minutes as a draft, unless someone else saved since `version` was read."""
    if meeting.minutes_are_approved:
        raise ValidationError(_("The minutes are approved and can no longer be changed."))
    items = {item.pk: item for item in meeting.agenda_items.all()}
    if unknown := set(item_minutes) - set(items):
        raise ValidationError(_("Unknown agenda item: %(pk)s") % {"pk": sorted(unknown)[0]})
    # One conditional update decides who wins; the loser is told and keeps their text.
    won = Meeting.objects.filter(pk=meeting.pk, minutes_version=version).update(
        minutes_version=F("minutes_version") + 1,
        minutes_summary=summary.strip(),
        minutes_status=Meeting.MinutesStatus.DRAFT,
    )
    if not won:
        raise MinutesConflict(
            _(
                "Someone else saved these minutes while you were writing. Your text is in the "
                "fields and theirs is shown beside each one. Put together what should stand, "
                "then save again."
            )
        )
    for pk, text in item_minutes.items():
        items[pk].minutes = text.strip()
    AgendaItem.objects.bulk_update(items.values(), ["minutes"])
    meeting.refresh_from_db()
    return meeting


class MinutesChangedSinceChecked(ValidationError):
    """The minutes were saved again after the approver checked them."""


def minutes_approve(*, meeting: Meeting, by: User, version: int) -> Meeting:
    """Approve exactly the version of the minutes the approver checked; members can then read
    them. One conditional update decides, so a save in between makes the approval fail."""
    won = Meeting.objects.filter(
        pk=meeting.pk, minutes_version=version, minutes_status=Meeting.MinutesStatus.DRAFT
    ).update(
        minutes_status=Meeting.MinutesStatus.APPROVED,
        minutes_approved_at=timezone.now(),
        minutes_approved_by=by,
    )
    meeting.refresh_from_db()
    if won:
        return meeting
    if meeting.minutes_status == Meeting.MinutesStatus.NONE:
        raise ValidationError(_("There are no minutes to approve yet."))
    if meeting.minutes_are_approved:
        raise ValidationError(_("The minutes are already approved."))
    raise MinutesChangedSinceChecked(
        _(
            "Someone saved the minutes after you checked them. Nothing is approved. "
            "Check the new text below before you approve."
        )
    )


class MinutesPartRefused(ValidationError):
    """A decision or an action item sent with the minutes was refused; nothing was saved."""

    def __init__(self, part: str, error: ValidationError):
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.messages)
        self.part = part


@transaction.atomic
def minutes_page_save(
    *,
    meeting: Meeting,
    minutes: dict | None = None,
    decision: dict | None = None,
    action_item: dict | None = None,
) -> Meeting:
    """Save everything sent from the minutes page at once: the text, and a new decision and
    action item if any. All or nothing, so no button there throws typed text away."""
    if minutes is not None:
        meeting = minutes_save(meeting=meeting, **minutes)
    for part, add, values in (
        ("decision", decision_add, decision),
        ("action_item", action_item_create, action_item),
    ):
        if values is None:
            continue
        try:
            add(meeting=meeting, **values)
        except ValidationError as error:
            raise MinutesPartRefused(part, error) from error
    return meeting


def decision_add(*, meeting: Meeting, text: str, agenda_item: AgendaItem | None = None) -> Decision:
    """Record what the meeting decided."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item from this meeting's agenda.")})
    decision = Decision(meeting=meeting, agenda_item=agenda_item, text=text.strip())
    decision.full_clean()
    decision.save()
    return decision


def action_item_create(
    *,
    meeting: Meeting,
    title: str,
    owner: User | None = None,
    due_on: datetime.date | None = None,
    decision: Decision | None = None,
) -> ActionItem:
    """Who does what by when. The owner is a member of the group or a coordinator; a
    decision followed up must be one of this meeting's."""
    if decision is not None and decision.meeting_id != meeting.pk:
        raise ValidationError({"decision": _("Choose a decision from this meeting.")})
    if owner is not None:
        is_member = Membership.objects.current().filter(person=owner, group=meeting.group_id)
        is_coordinator = owner.coordinated_programmes.filter(groups=meeting.group_id)
        if not (is_member.exists() or is_coordinator.exists()):
            raise ValidationError({"owner": _("Choose a member of the group or a coordinator.")})
    item = ActionItem(
        group_id=meeting.group_id,
        meeting=meeting,
        decision=decision,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
    )
    item.full_clean()
    item.save()
    return item


def action_item_set_status(*, action_item: ActionItem, status: str, note: str = "") -> ActionItem:
    """Close an action item (done or dropped), or open it again."""
    if status not in ActionItem.Status.values:
        raise ValidationError(_("Unknown status."))
    action_item.status = status
    action_item.closed_at = None if status == ActionItem.Status.OPEN else timezone.now()
    if note:
        action_item.note = note.strip()
    action_item.save(update_fields=["status", "closed_at", "note"])
    return action_item


def action_item_restore(
    *, action_item: ActionItem, status: str, closed_at: datetime.datetime | None, note: str
) -> ActionItem:
    """Put an action item back as it was before a status change: the undo of
    `action_item_set_status`, with its old closing time and note."""
    if status not in ActionItem.Status.values:
        raise ValidationError(_("Unknown status."))
    action_item.status = status
    action_item.closed_at = closed_at
    action_item.note = note
    action_item.save(update_fields=["status", "closed_at", "note"])
    return action_item
