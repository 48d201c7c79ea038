"""Members drifting away from the resource group, the follow-up log, and why people left."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from participation.access import ProgrammeAccess
from participation.models import Group, Membership, Programme
from participation.selectors import attendance_overviews

from .. import access as rules
from ..models import FollowUpContact

DEFAULT_WEEKS = 6


def resource_groups(programme: Programme):
    return programme.groups.filter(kind=Group.Kind.RESOURCE).order_by("name")


@dataclass
class DriftingMember:
    membership: Membership
    streak: int
    is_flagged: bool  # absent the group's number of meetings in a row
    last_present: datetime.datetime | None
    weeks_away: int
    is_away_long: bool  # away the chosen number of weeks while the group met
    last_contact: FollowUpContact | None


def drifting_members(
    *, programme: Programme, weeks: int = DEFAULT_WEEKS, now=None
) -> list[DriftingMember]:
    """Current members flagged for absences in a row, or away `weeks` weeks while the group met.

    Those who have been away longest come first. Five queries for any number of members.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    overviews = attendance_overviews(groups=resource_groups(programme), now=now)
    candidates = []
    for overview in overviews.values():
        for row in overview.rows:
            since = (
                timezone.localdate(row.last_present)
                if row.last_present
                else row.membership.starts_on
            )
            weeks_away = (today - since).days // 7
            away_long = row.streak > 0 and weeks_away >= weeks
            if row.is_flagged or away_long:
                candidates.append((row, weeks_away, away_long))
    contacts = _last_contacts([row.membership.pk for row, *_rest in candidates])
    members = [
        DriftingMember(
            membership=row.membership,
            streak=row.streak,
            is_flagged=row.is_flagged,
            last_present=row.last_present,
            weeks_away=weeks_away,
            is_away_long=away_long,
            last_contact=contacts.get(row.membership.pk),
        )
        for row, weeks_away, away_long in candidates
    ]
    members.sort(key=lambda m: (-m.weeks_away, m.membership.person.display_name))
    return members


def _last_contacts(membership_ids) -> dict[int, FollowUpContact]:
    latest = {}
    for contact in FollowUpContact.objects.filter(membership__in=membership_ids).order_by(
        "contacted_on", "pk"
    ):
        latest[contact.membership_id] = contact
    return latest


def member_for_followup(*, access: ProgrammeAccess, membership_id: int) -> Membership:
    """A membership in one of the programme's resource groups; coordinators only, else 404."""
    if not rules.can_manage(access):
        raise Http404
    membership = (
        Membership.objects.filter(pk=membership_id, group__in=resource_groups(access.programme))
        .select_related("person", "group")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def followup_log(*, membership: Membership):
    return membership.follow_ups.select_related("by").order_by("-contacted_on", "-pk")


@dataclass
class ReasonRow:
    reason: str
    label: str
    count: int
    percent: int


def leaving_reasons(*, programme: Programme) -> tuple[list[ReasonRow], int]:
    """Why members left the programme's resource groups, most common first, and how many left."""
    counts = (
        Membership.objects.filter(group__in=resource_groups(programme), ends_on__isnull=False)
        .values("end_reason")
        .annotate(count=Count("pk"))
    )
    total = sum(row["count"] for row in counts)
    labels = dict(Membership.EndReason.choices)
    rows = [
        ReasonRow(
            reason=row["end_reason"],
            label=str(labels.get(row["end_reason"], "–")),
            count=row["count"],
            percent=round(100 * row["count"] / total) if total else 0,
        )
        for row in counts
    ]
    rows.sort(key=lambda r: (-r.count, r.label))
    return rows, total


def left_members(*, programme: Programme):
    """Who has left the resource groups, newest first."""
    return (
        Membership.objects.filter(group__in=resource_groups(programme), ends_on__isnull=False)
        .select_related("person", "group")
        .order_by("-ends_on")
    )
