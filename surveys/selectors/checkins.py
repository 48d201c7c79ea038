"""The meeting check-ins, shown only in aggregate over enough answers."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import ProgrammeAccess, meetings_visible_to
from participation.models import Group, Meeting, Membership, User
from participation.models.meetings import CHECK_IN_PERIOD

from ..models import CheckInCount, CheckInReceipt
from ..suppression import SUBTRACTION, suppress

CHECK_IN_GROUP_KINDS = (Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE)
TOPICS = (CheckInCount.Topic.WELLBEING, CheckInCount.Topic.MEETING)


@dataclass
class CheckInRow:
    label: str
    meeting: Meeting | None
    n: int
    hidden_reason: str | None
    means: dict[str, float | None]
    counts: dict[str, list[int]]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_reason is not None

    @property
    def wellbeing(self) -> float | None:
        return self.means.get(CheckInCount.Topic.WELLBEING)

    @property
    def meeting_mean(self) -> float | None:
        return self.means.get(CheckInCount.Topic.MEETING)


def check_in_overview(*, access: ProgrammeAccess, total_label: str) -> list[CheckInRow]:
    """Per past resource-group meeting: how many checked in, and the means where ≥ 5 did."""
    meetings = list(
        meetings_visible_to(access)
        .filter(group__kind__in=CHECK_IN_GROUP_KINDS)
        .past()
        .order_by("-starts_at")[:40]
    )
    receipts = dict(
        CheckInReceipt.objects.filter(meeting__in=meetings)
        .values_list("meeting_id")
        .annotate(n=Count("id"))
    )
    counts = CheckInCount.objects.filter(meeting__in=meetings, count__gt=0).values_list(
        "meeting_id", "topic", "score", "count"
    )
    table: dict = defaultdict(lambda: defaultdict(lambda: [0] * 5))
    for meeting_id, topic, score, count in counts:
        table[meeting_id][topic][score - 1] += count
    with_answers = [meeting for meeting in meetings if receipts.get(meeting.pk)]
    decision = suppress({meeting.pk: receipts[meeting.pk] for meeting in with_answers})
    rows = [
        _row(
            str(meeting),
            meeting,
            receipts[meeting.pk],
            decision.reason(meeting.pk),
            [table[meeting.pk]],
        )
        for meeting in with_answers
    ]
    total = sum(receipts[meeting.pk] for meeting in with_answers)
    if with_answers:
        rows.append(
            _row(
                total_label,
                None,
                total,
                decision.total_reason,
                [table[meeting.pk] for meeting in with_answers],
            )
        )
    if decision.total_reason == SUBTRACTION:
        # The sum of the rows shown: it reveals nothing the page does not already show.
        shown = [meeting for meeting in with_answers if not decision.is_hidden(meeting.pk)]
        rows.append(
            _row(
                _("The meetings shown, together"),
                None,
                sum(receipts[meeting.pk] for meeting in shown),
                None,
                [table[meeting.pk] for meeting in shown],
            )
        )
    return rows


def _row(label, meeting, n, reason, tables) -> CheckInRow:
    counts = {topic: [0] * 5 for topic in TOPICS}
    for each in tables:
        for topic in TOPICS:
            for index, count in enumerate(each[topic]):
                counts[topic][index] += count
    means = {}
    for topic in TOPICS:
        answered = sum(counts[topic])
        means[topic] = (
            sum((index + 1) * count for index, count in enumerate(counts[topic])) / answered
            if answered and reason is None
            else None
        )
    if reason is not None:
        counts = {}
    return CheckInRow(label, meeting, n, reason, means, counts)


def open_check_ins(*, access: ProgrammeAccess, person: User) -> list[Meeting]:
    """The person's resource-group meetings they can still check in for (within two weeks)."""
    now = timezone.now()
    return list(
        meetings_visible_to(access)
        .filter(
            group__kind__in=CHECK_IN_GROUP_KINDS,
            group__memberships__in=Membership.objects.current().filter(person=person),
            starts_at__lte=now,
            ends_at__gte=now - CHECK_IN_PERIOD,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(pk__in=CheckInReceipt.objects.filter(person=person).values("meeting_id"))
        .distinct()
        .order_by("-starts_at")
    )


def check_in_status(*, meeting: Meeting, person: User) -> bool:
    """Whether the person has checked in for the meeting."""
    return CheckInReceipt.objects.filter(meeting=meeting, person=person).exists()
