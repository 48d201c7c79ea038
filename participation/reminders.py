"""The reminder sweep: one function per kind, each finding what is due at `now` and sending it.

Celery beat runs the sweep every 15 minutes (participation.tasks.run_reminder_sweep) and
`manage.py run_reminders --at ...` runs one by hand. Every reminder is due over a window of
hours or days, so a sweep that is deferred by the quiet hours (21–08 Oslo time) or a beat
that was missed sends it at the next run; what was already sent is never sent again,
because each message is claimed first (participation.services.notifications).

Do not wrap the sweep in a transaction: each claim must commit before its message is sent.
"""

import datetime
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone, translation

from . import ical
from .models import (
    ActionItem,
    Group,
    GroupReminderSettings,
    Input,
    Meeting,
    Membership,
    NotificationKind,
    Programme,
    SentNotification,
    User,
)
from .selectors import attendance_overviews
from .selectors.inputs import input_owners, input_raisers
from .services.calendars import _calendar_attachment
from .services.meetings import local_datetime
from .services.notifications import (
    Notice,
    channels_for,
    in_quiet_hours,
    notification_send,
)

logger = logging.getLogger(__name__)

Kind = NotificationKind
EMAIL_FOLDER = "participation/email/reminders/"
SMS_FOLDER = "participation/notifications/sms/"

# How far back an occasion still deserves a reminder the first time the sweep sees it.
ACTION_ITEM_DUE_SOON_DAYS = 2
OVERDUE_LOOKBACK_DAYS = 30
MINUTES_GRACE_DAYS = 2
MINUTES_LOOKBACK_DAYS = 30
PROGRAMME_ENDED_GRACE_DAYS = 30


@dataclass
class SweepResult:
    at: datetime.datetime
    deferred: bool = False
    sent: Counter = field(default_factory=Counter)  # (kind, channel) → messages
    failed: int = 0

    @property
    def total(self) -> int:
        return sum(count for (kind, channel), count in self.sent.items() if channel != "none")

    def summary(self) -> str:
        if self.deferred:
            return f"{self.at.isoformat()}: quiet hours, nothing sent (deferred)"
        parts = [f"{kind} by {channel}: {count}" for (kind, channel), count in self.sent.items()]
        return f"{self.at.isoformat()}: {self.total} sent, {self.failed} failed" + (
            " (" + "; ".join(sorted(parts)) + ")" if parts else ""
        )


def run_sweep(*, now: datetime.datetime | None = None) -> SweepResult:
    """Send every reminder due at `now`, each at most once per person and occasion."""
    now = now or timezone.now()
    result = SweepResult(at=now)
    if in_quiet_hours(now):
        result.deferred = True
        return result
    for reminder in all_reminders():
        try:
            reminder(now=now, result=result)
        except Exception:
            # One kind failing (say, an optional app's data) must not stop the others.
            logger.exception("Reminder %s failed", reminder.__name__)
            result.failed += 1
    return result


# --- Shared helpers -------------------------------------------------------------------------


def _setting(name: str, default):
    return getattr(settings, name, default)


def _group_settings(group_ids: Iterable[int]) -> dict[int, GroupReminderSettings]:
    return {
        s.group_id: s for s in GroupReminderSettings.objects.filter(group_id__in=set(group_ids))
    }


def _default_day_before_at() -> datetime.time:
    value = _setting("MEDVIRK_REMINDER_DAY_BEFORE_AT", "12:00")
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def _default_invitation_days() -> int:
    return int(_setting("MEDVIRK_INVITATION_DAYS_BEFORE", 7))


def active_programmes(now) -> list[Programme]:
    today = timezone.localdate(now)
    since = today - datetime.timedelta(days=PROGRAMME_ENDED_GRACE_DAYS)
    return list(
        Programme.objects.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=since))
        .prefetch_related("coordinators")
        .order_by("pk")
    )


def _first_programme_slug(group_field: str):
    return Subquery(
        Programme.objects.filter(groups=OuterRef(group_field)).order_by("pk").values("slug")[:1]
    )


def _members_by_group(group_ids: Iterable[int], *, on: datetime.date) -> dict[int, list[User]]:
    """Current, active members of each group with an email or a phone; one person once."""
    members = defaultdict(dict)
    for membership in (
        Membership.objects.current(on=on)
        .filter(group__in=set(group_ids), person__is_active=True)
        .select_related("person")
        .order_by("person__display_name")
    ):
        members[membership.group_id].setdefault(membership.person_id, membership.person)
    return {group_id: list(people.values()) for group_id, people in members.items()}


def _claimed(kind: str, pairs: Iterable[tuple[int, str]]) -> set[tuple[int, str]]:
    """Which (recipient id, occasion key) pairs are already claimed: one query, to skip work.
    The unique constraint, not this read, is what guarantees at most once."""
    pairs = list(pairs)
    if not pairs:
        return set()
    return set(
        SentNotification.objects.filter(
            kind=kind,
            recipient__in={p for p, _k in pairs},
            occasion_key__in={k for _p, k in pairs},
        ).values_list("recipient_id", "occasion_key")
    )


def deliver(notices: list[Notice], *, now, result: SweepResult) -> list[Notice]:
    """Send each notice by its recipient's channel; returns those that went out."""
    by_kind = defaultdict(list)
    for notice in notices:
        by_kind[notice.kind].append(notice)
    delivered = []
    for kind, kind_notices in by_kind.items():
        claimed = _claimed(
            kind, [(n.recipient.pk, key) for n in kind_notices for key, _obj in n.occasions]
        )
        channels = channels_for(people={n.recipient for n in kind_notices}, kind=kind)
        for notice in kind_notices:
            notice.occasions = [
                (key, obj)
                for key, obj in notice.occasions
                if (notice.recipient.pk, key) not in claimed
            ]
            if not notice.occasions:
                continue
            notice.channel = channels[notice.recipient.pk]
            try:
                channel = notification_send(notice=notice, now=now)
            except Exception:
                logger.exception("Sending %s to %s failed", kind, notice.recipient.pk)
                result.failed += 1
                continue
            if channel is not None:
                result.sent[(kind, channel)] += 1
                delivered.append(notice)
    return delivered


def make_notice(kind: str, recipient: User, occasions, **context) -> Notice:
    return Notice(
        kind=kind,
        recipient=recipient,
        occasions=list(occasions),
        email_template=EMAIL_FOLDER + kind,
        sms_template=SMS_FOLDER + kind + ".txt",
        context=context,
    )


def _meeting_url(meeting: Meeting) -> str:
    return ical.meeting_page_url(meeting, base_url=ical.base_url())


# --- Meetings -------------------------------------------------------------------------------


def meeting_invitations(*, now, result: SweepResult) -> None:
    """The invitation with the agenda and a calendar file, N days before (7 by default), to
    every member, when nobody has sent the agenda by hand. Members who join later get it at
    the next sweep; the meeting is then marked as having its agenda sent."""
    group_settings = GroupReminderSettings.objects.all()
    horizon = max([_default_invitation_days(), *(s.invitation_days_before for s in group_settings)])
    sent_by_sweep = SentNotification.objects.filter(
        kind=Kind.MEETING_INVITATION,
        occasion_key=_concat_key("meeting:", OuterRef("pk")),
    )
    meetings = list(
        ical.with_calendar_data(
            Meeting.objects.filter(
                starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=horizon)
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .filter(Q(agenda_sent_at__isnull=True) | Exists(sent_by_sweep))
        )
    )
    per_group = _group_settings(m.group_id for m in meetings)
    meetings = [
        m
        for m in meetings
        if m.starts_at
        <= now
        + datetime.timedelta(
            days=per_group[m.group_id].invitation_days_before
            if m.group_id in per_group
            else _default_invitation_days()
        )
    ]
    members = _members_by_group((m.group_id for m in meetings), on=timezone.localdate(now))
    claimed = _claimed(
        Kind.MEETING_INVITATION,
        [(p.pk, f"meeting:{m.pk}") for m in meetings for p in members.get(m.group_id, [])],
    )
    base_url = ical.base_url()
    notices = []
    for meeting in meetings:
        key = f"meeting:{meeting.pk}"
        deadline = meeting.agenda_deadline
        for person in members.get(meeting.group_id, []):
            if (person.pk, key) in claimed:
                continue
            notice = make_notice(
                Kind.MEETING_INVITATION,
                person,
                [(key, meeting)],
                meeting=meeting,
                group=meeting.group,
                agenda_items=ical.accepted_agenda_items(meeting),
                agenda_deadline=deadline if deadline > now else None,
                meeting_url=_meeting_url(meeting),
            )
            with translation.override(person.language or settings.LANGUAGE_CODE):
                ics = ical.calendar_for([meeting], name=meeting.display_title, base_url=base_url)
            notice.attachments.append(_calendar_attachment(ics, "motet.ics"))
            notices.append(notice)
    delivered = deliver(notices, now=now, result=result)
    sent_ids = {notice.occasions[0][1].pk for notice in delivered}
    if sent_ids:
        # Conditional: a coordinator who sent the agenda meanwhile keeps their time.
        Meeting.objects.filter(pk__in=sent_ids, agenda_sent_at__isnull=True).update(
            agenda_sent_at=now
        )


def _concat_key(prefix: str, ref):
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat

    return Concat(Value(prefix), Cast(ref, output_field=CharField()), output_field=CharField())


def meeting_reminders(*, now, result: SweepResult) -> None:
    """The reminder the day before, at the group's time (12:00 by default), to every member."""
    meetings = list(
        Meeting.objects.filter(starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=2))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .annotate(programme_slug=_first_programme_slug("group_id"))
    )
    per_group = _group_settings(m.group_id for m in meetings)
    due = []
    for meeting in meetings:
        day = timezone.localdate(meeting.starts_at)
        at = (
            per_group[meeting.group_id].day_before_at
            if meeting.group_id in per_group
            else _default_day_before_at()
        )
        if local_datetime(day - datetime.timedelta(days=1), at) <= now:
            due.append(meeting)
    members = _members_by_group((m.group_id for m in due), on=timezone.localdate(now))
    notices = [
        make_notice(
            Kind.MEETING_REMINDER,
            person,
            # The day is part of the occasion: a meeting moved to another day is reminded again.
            [(f"meeting:{meeting.pk}:{timezone.localdate(meeting.starts_at)}", meeting)],
            meeting=meeting,
            group=meeting.group,
            meeting_url=_meeting_url(meeting),
        )
        for meeting in due
        for person in members.get(meeting.group_id, [])
    ]
    deliver(notices, now=now, result=result)


AGENDA_DEADLINE_GROUPS = (Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE)


def agenda_deadlines(*, now, result: SweepResult) -> None:
    """The last day to propose agenda items, to the members of the users' groups: sent in
    the 24 hours before the deadline."""
    longest = (
        Group.objects.filter(kind__in=AGENDA_DEADLINE_GROUPS)
        .order_by("-agenda_deadline_days")
        .values_list("agenda_deadline_days", flat=True)
        .first()
    )
    if longest is None:
        return
    meetings = list(
        Meeting.objects.filter(
            group__kind__in=AGENDA_DEADLINE_GROUPS,
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(days=longest + 1),
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .annotate(programme_slug=_first_programme_slug("group_id"))
    )
    due = [
        m
        for m in meetings
        if m.agenda_deadline - datetime.timedelta(hours=24) <= now < m.agenda_deadline
    ]
    members = _members_by_group((m.group_id for m in due), on=timezone.localdate(now))
    notices = [
        make_notice(
            Kind.AGENDA_DEADLINE,
            person,
            [(f"meeting:{meeting.pk}:{timezone.localdate(meeting.agenda_deadline)}", meeting)],
            meeting=meeting,
            group=meeting.group,
            deadline=meeting.agenda_deadline,
            meeting_url=_meeting_url(meeting),
        )
        for meeting in due
        for person in members.get(meeting.group_id, [])
    ]
    deliver(notices, now=now, result=result)


# --- Action items ---------------------------------------------------------------------------


def _action_items():
    return (
        ActionItem.objects.open()
        .filter(owner__isnull=False, owner__is_active=True, due_on__isnull=False)
        .select_related("owner", "group", "meeting", "decision")
        .annotate(programme_slug=_first_programme_slug("group_id"))
        .order_by("due_on", "pk")
    )


def _per_owner(kind: str, items, key, *, now, result: SweepResult) -> None:
    by_owner = defaultdict(list)
    for item in items:
        item.meeting.programme_slug = item.programme_slug
        item.url = _meeting_url(item.meeting)
        by_owner[item.owner].append(item)
    notices = [
        make_notice(
            kind, owner, [(key(item), item) for item in owned], today=timezone.localdate(now)
        )
        for owner, owned in by_owner.items()
    ]
    deliver(notices, now=now, result=result)


def action_items_due(*, now, result: SweepResult) -> None:
    """Open action items due today or in the next two days, to their owners, one message each."""
    today = timezone.localdate(now)
    items = _action_items().filter(
        due_on__gte=today, due_on__lte=today + datetime.timedelta(days=ACTION_ITEM_DUE_SOON_DAYS)
    )
    _per_owner(
        Kind.ACTION_ITEM_DUE,
        items,
        lambda item: f"action_item:{item.pk}:due:{item.due_on}",
        now=now,
        result=result,
    )


def action_items_overdue(*, now, result: SweepResult) -> None:
    """Open action items past their date (in the last 30 days), to their owners, once."""
    today = timezone.localdate(now)
    items = _action_items().filter(
        due_on__lt=today, due_on__gte=today - datetime.timedelta(days=OVERDUE_LOOKBACK_DAYS)
    )
    _per_owner(
        Kind.ACTION_ITEM_OVERDUE,
        items,
        lambda item: f"action_item:{item.pk}:overdue:{item.due_on}",
        now=now,
        result=result,
    )


# --- To the coordinators --------------------------------------------------------------------


def per_coordinator(kind: str, rows, *, now, result: SweepResult, **context) -> None:
    """rows: (programme, key, object). One message per coordinator and programme."""
    grouped = defaultdict(list)
    for programme, key, obj in rows:
        for coordinator in programme.coordinators.all():
            if coordinator.is_active:
                grouped[(coordinator, programme)].append((key, obj))
    notices = [
        make_notice(kind, coordinator, occasions, programme=programme, **context)
        for (coordinator, programme), occasions in grouped.items()
    ]
    deliver(notices, now=now, result=result)


def minutes_waiting(*, now, result: SweepResult) -> None:
    """Draft minutes of meetings held two days ago or more (within a month), to the
    coordinators: one message listing them."""
    meetings = list(
        Meeting.objects.filter(
            minutes_status=Meeting.MinutesStatus.DRAFT,
            ends_at__lte=now - datetime.timedelta(days=MINUTES_GRACE_DAYS),
            ends_at__gte=now - datetime.timedelta(days=MINUTES_LOOKBACK_DAYS),
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .prefetch_related("group__programmes__coordinators")
        .order_by("starts_at")
    )
    rows = []
    for meeting in meetings:
        for programme in meeting.group.programmes.all():
            meeting.url = ical.meeting_page_url(
                meeting, base_url=ical.base_url(), slug=programme.slug
            )
            rows.append((programme, f"meeting:{meeting.pk}", meeting))
    per_coordinator(Kind.MINUTES_APPROVAL, rows, now=now, result=result)


def inputs_without_feedback(*, now, result: SweepResult) -> None:
    """Inputs past their feedback date with no feedback, to the programme's coordinators."""
    from django.urls import reverse

    today = timezone.localdate(now)
    programmes = {p.pk: p for p in active_programmes(now)}
    inputs = (
        Input.objects.filter(programme__in=programmes)
        .feedback_overdue(today=today)
        .select_related("group", "assigned_office")
        .order_by("feedback_due_on", "pk")
    )
    rows = []
    for item in inputs:
        programme = programmes[item.programme_id]
        item.url = ical.base_url() + reverse(
            "input_detail", kwargs={"slug": programme.slug, "input_id": item.pk}
        )
        rows.append((programme, f"input:{item.pk}:{item.feedback_due_on}", item))
    per_coordinator(Kind.INPUT_FEEDBACK, rows, now=now, result=result, today=today)


# --- Inputs and their owners (issue 15) -------------------------------------------------------

# Inputs answered this recently still tell their members (a notice deferred by the quiet
# hours, or a send that failed, goes out at a later sweep; older answers are not news).
INPUT_ANSWERED_LOOKBACK_DAYS = 7


def _input_due_soon_days() -> int:
    return int(_setting("MEDVIRK_INPUT_DUE_SOON_DAYS", 3))


def _input_url(item: Input, slug: str) -> str:
    from django.urls import reverse

    return ical.base_url() + reverse("input_detail", kwargs={"slug": slug, "input_id": item.pk})


def _open_inputs_of_active_programmes(now):
    programmes = {p.pk: p for p in active_programmes(now)}
    inputs = (
        Input.objects.filter(programme__in=programmes, feedback_at__isnull=True)
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related("group", "assigned_office", "assigned_group", "assigned_to")
        .order_by("feedback_due_on", "pk")
    )
    return programmes, inputs


def _per_input_owner(kind: str, inputs, key, *, programmes, now, result: SweepResult) -> None:
    today = timezone.localdate(now)
    inputs = list(inputs)
    owners = input_owners(inputs=inputs, on=today)
    by_owner = defaultdict(list)
    for item in inputs:
        item.url = _input_url(item, programmes[item.programme_id].slug)
        for person in owners[item.pk]:
            by_owner[person].append(item)
    notices = [
        make_notice(kind, owner, [(key(item), item) for item in owned], today=today)
        for owner, owned in by_owner.items()
    ]
    deliver(notices, now=now, result=result)


def input_owners_due(*, now, result: SweepResult) -> None:
    """Inputs whose answer is due today or in the next N days (3 by default), to their owners:
    once per input and due date (a new date is reminded again)."""
    today = timezone.localdate(now)
    programmes, inputs = _open_inputs_of_active_programmes(now)
    inputs = inputs.filter(
        feedback_due_on__gte=today,
        feedback_due_on__lte=today + datetime.timedelta(days=_input_due_soon_days()),
    )
    _per_input_owner(
        Kind.INPUT_DUE,
        inputs,
        lambda item: f"input:{item.pk}:due:{item.feedback_due_on}",
        programmes=programmes,
        now=now,
        result=result,
    )


def input_owners_overdue(*, now, result: SweepResult) -> None:
    """Inputs past their due date (within the last 30 days) and not answered, to their owners:
    once per input and due date."""
    today = timezone.localdate(now)
    programmes, inputs = _open_inputs_of_active_programmes(now)
    inputs = inputs.filter(
        feedback_due_on__lt=today,
        feedback_due_on__gte=today - datetime.timedelta(days=OVERDUE_LOOKBACK_DAYS),
    )
    _per_input_owner(
        Kind.INPUT_OVERDUE,
        inputs,
        lambda item: f"input:{item.pk}:overdue:{item.feedback_due_on}",
        programmes=programmes,
        now=now,
        result=result,
    )


def run_input_owner_reminders(*, now: datetime.datetime | None = None) -> SweepResult:
    """The daily reminders to those who owe inputs an answer (Celery beat, once a day, and
    `run_reminders`): due soon and overdue, each at most once per person, input and date."""
    now = now or timezone.now()
    result = SweepResult(at=now)
    if in_quiet_hours(now):
        result.deferred = True
        return result
    for reminder in (input_owners_due, input_owners_overdue):
        try:
            reminder(now=now, result=result)
        except Exception:
            logger.exception("Reminder %s failed", reminder.__name__)
            result.failed += 1
    return result


def inputs_answered(*, now, result: SweepResult, input_ids: Iterable[int] | None = None) -> None:
    """The answer to an input, to the members who raised it, once each, with a link to "What
    happened with what we said?". Run when the answer is given and by every sweep after."""
    from django.urls import reverse

    programmes = {p.pk: p for p in active_programmes(now)}
    inputs = (
        Input.objects.filter(
            programme__in=programmes,
            status__in=[Input.Status.DONE, Input.Status.DECLINED],
            status_changed_at__gte=now - datetime.timedelta(days=INPUT_ANSWERED_LOOKBACK_DAYS),
        )
        .select_related("group", "meeting")
        .order_by("status_changed_at", "pk")
    )
    if input_ids is not None:
        inputs = inputs.filter(pk__in=list(input_ids))
    inputs = list(inputs)
    raisers = input_raisers(inputs=inputs)
    notices = []
    for item in inputs:
        slug = programmes[item.programme_id].slug
        item.url = (
            ical.base_url()
            + reverse("inputs_for_members", kwargs={"slug": slug})
            + f"#input-{item.pk}"
        )
        for person in raisers[item.pk]:
            notices.append(
                make_notice(Kind.INPUT_ANSWERED, person, [(f"input:{item.pk}:answered", item)])
            )
    deliver(notices, now=now, result=result)


def input_answered_notify(*, input_id: int, now: datetime.datetime | None = None) -> SweepResult:
    """Tell the members who raised this input its answer, now unless in the quiet hours (then
    the next sweep after them does)."""
    now = now or timezone.now()
    result = SweepResult(at=now)
    if in_quiet_hours(now):
        result.deferred = True
        return result
    inputs_answered(now=now, result=result, input_ids=[input_id])
    return result


# An input given to someone this recently still tells them (a notice deferred by the quiet
# hours goes out at a later sweep; older handovers are not news).
INPUT_ASSIGNED_LOOKBACK_DAYS = 3


def inputs_assigned(*, now, result: SweepResult, change_ids: Iterable[int] | None = None) -> None:
    """An input given to new owners, to them (its person; else the office's leaders; else
    those who answer for the group), once per handover, with a link to answer it. Not to the
    one who gave it, and not when it has since moved on or been answered."""
    from .models import InputOwnerChange

    programmes = {p.pk: p for p in active_programmes(now)}
    changes = (
        InputOwnerChange.objects.filter(
            input__programme__in=programmes,
            input__feedback_at__isnull=True,
            at__gte=now - datetime.timedelta(days=INPUT_ASSIGNED_LOOKBACK_DAYS),
        )
        .exclude(input__status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related(
            "input__group", "input__assigned_office", "input__assigned_group", "input__assigned_to"
        )
        .order_by("at", "pk")
    )
    if change_ids is not None:
        changes = changes.filter(pk__in=list(change_ids))
    # Only a handover that still stands: the input's owners now are the change's "to".
    current = [
        change
        for change in changes
        if change.owner_changed
        and (change.to_office_id, change.to_group_id, change.to_person_id)
        == (
            change.input.assigned_office_id,
            change.input.assigned_group_id,
            change.input.assigned_to_id,
        )
    ]
    owners = input_owners(inputs=[c.input for c in current], on=timezone.localdate(now))
    notices = []
    for change in current:
        item = change.input
        item.url = _input_url(item, programmes[item.programme_id].slug)
        item.reason = change.reason
        for person in owners[item.pk]:
            if person.pk == change.by_id:
                continue
            notices.append(
                make_notice(
                    Kind.INPUT_ASSIGNED,
                    person,
                    [(f"input:{item.pk}:assigned:{change.pk}", item)],
                    today=timezone.localdate(now),
                )
            )
    deliver(notices, now=now, result=result)


def input_assigned_notify(*, change_id: int, now: datetime.datetime | None = None) -> SweepResult:
    """Tell the new owners of an input now, unless in the quiet hours (then a later sweep)."""
    now = now or timezone.now()
    result = SweepResult(at=now)
    if in_quiet_hours(now):
        result.deferred = True
        return result
    inputs_assigned(now=now, result=result, change_ids=[change_id])
    return result


def absence_flags(*, now, result: SweepResult) -> None:
    """Members away N meetings in a row (the group's threshold), to the coordinators; once
    per run of absences: a member who comes back and drifts away again is flagged again."""
    from django.urls import reverse

    rows = []
    for programme in active_programmes(now):
        groups = list(programme.groups.all())
        for overview in attendance_overviews(groups=groups, now=now).values():
            for row in overview.flagged:
                start = _streak_start(row, overview.meetings)
                row.group = overview.group
                row.url = ical.base_url() + reverse(
                    "attendance_overview",
                    kwargs={"slug": programme.slug, "group_id": overview.group.pk},
                )
                rows.append(
                    (programme, f"membership:{row.membership.pk}:from-meeting:{start}", row)
                )
    per_coordinator(Kind.ABSENCE_FLAG, rows, now=now, result=result)


def _streak_start(row, meetings) -> int | None:
    """The id of the first meeting of the member's current run of absences."""
    start = None
    for cell, meeting in reversed(list(zip(row.cells, meetings, strict=True))):
        if cell is None:
            continue
        if cell == "present":
            break
        start = meeting.pk
    return start


# --- Shared with the apps built on participation ----------------------------------------------


def absolute_url(name: str, **kwargs) -> str:
    """An absolute link to a page of another app; the programme page if it has none."""
    from django.urls import NoReverseMatch, reverse

    try:
        path = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        path = reverse("programme_detail", kwargs={"slug": kwargs.get("slug", "")})
    return ical.base_url() + path


def all_reminders() -> list[Callable]:
    """participation's reminder kinds, then those of every installed app with a `reminders`
    module listing its own in REMINDERS (the base never imports the apps built on it)."""
    found = list(REMINDERS)
    for config in apps.get_app_configs():
        if config.label == "participation":
            continue
        try:
            module = import_module(f"{config.name}.reminders")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.reminders":
                raise
            continue
        found.extend(getattr(module, "REMINDERS", []))
    return found


REMINDERS: list[Callable] = [
    meeting_invitations,
    meeting_reminders,
    agenda_deadlines,
    action_items_due,
    action_items_overdue,
    minutes_waiting,
    inputs_without_feedback,
    inputs_answered,
    inputs_assigned,
    absence_flags,
]
