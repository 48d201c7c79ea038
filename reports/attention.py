"""Page one of the steering report: what needs the leaders' attention, computed.

Each check is a small function `(source, sections) -> list[Attention]` in CHECKS: it reads the
sections already built (or one selector) and returns an item only when something is wrong,
with the figure that triggered it and where to read more (the section's anchor in the PDF,
a page in the app). Add a check by writing one more function and listing it.

Nothing here names a young person: members are counted, inputs are owned by an office, a
group or a NAV employee.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.formatting import format_nok, format_percent
from participation.models import ActionItem, Group, Input, Membership

from .goals import format_goal_value
from .sections import YOUNG_ROLES, ReportInput, Section, shown_name


@dataclass(frozen=True)
class Attention:
    """One thing the leaders should act on."""

    kind: str
    text: str  # what is wrong, in a plain sentence
    figure: str  # the figure that triggered it
    anchor: str  # the section of the report to read more in
    url: str = ""  # the page in the app


def _app_url(name: str, **kwargs) -> str:
    return settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _end_day(source: ReportInput) -> datetime.date:
    return min(source.period.end, timezone.localdate(source.now))


def office_missing_from_project_group(
    source: ReportInput, sections: dict[str, Section]
) -> list[Attention]:
    """An office of the programme with no advisor in the project group, or whose advisors
    have been away from the project group's last meetings (its absence threshold)."""
    project_groups = [g for g in source.groups if g.kind == Group.Kind.PROJECT]
    if not project_groups:
        return []
    on = _end_day(source)
    seated = set(
        Membership.objects.current(on=on)
        .filter(group__in=project_groups, role=Membership.Role.ADVISOR, office__isnull=False)
        .values_list("office_id", flat=True)
    )
    items = []
    for office in source.programme.offices.filter(is_active=True).order_by("name"):
        if office.pk not in seated:
            items.append(
                Attention(
                    kind="office-without-advisor",
                    text=_("%(office)s has no advisor in the project group.")
                    % {"office": office.name},
                    figure=_("0 advisors"),
                    anchor="attendance",
                    url=_app_url(
                        "group_detail", slug=source.programme.slug, group_id=project_groups[0].pk
                    ),
                )
            )
    presence = sections["attendance"].data or {}
    for flagged in presence.get("flagged_offices", []):
        row, group = flagged["row"], flagged["group"]
        if row.office.pk not in seated:
            continue
        items.append(
            Attention(
                kind="office-absent",
                text=_("Nobody from %(office)s has come to %(group)s lately.")
                % {"office": row.office.name, "group": group.name},
                figure=ngettext(
                    "away from the last meeting",
                    "away from the last %(count)d meetings",
                    row.streak,
                )
                % {"count": row.streak},
                anchor="attendance",
                url=_app_url("attendance_overview", slug=source.programme.slug, group_id=group.pk),
            )
        )
    return items


def inputs_past_deadline(source: ReportInput, sections: dict[str, Section]) -> list[Attention]:
    """Open inputs whose feedback is past its deadline, counted per owner (an office, a
    group or a NAV employee; never a young person's name)."""
    end_day = _end_day(source)
    late = (
        Input.objects.filter(
            programme=source.programme,
            raised_on__lte=source.period.end,
            feedback_at__isnull=True,
            feedback_due_on__lt=end_day,
        )
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related("assigned_office", "assigned_group", "assigned_to")
    )
    young = (
        set()
        if source.internal
        else set(
            Membership.objects.filter(
                group__programmes=source.programme,
                group__kind=Group.Kind.RESOURCE,
                role__in=YOUNG_ROLES,
            ).values_list("person_id", flat=True)
        )
    )
    owners: Counter[str] = Counter()
    for each in late:
        if each.assigned_office is not None:
            owners[each.assigned_office.name] += 1
        elif each.assigned_group is not None:
            owners[each.assigned_group.name] += 1
        elif each.assigned_to is not None:
            owners[shown_name(each.assigned_to, young)] += 1
        else:
            owners[_("nobody (not assigned)")] += 1
    if not owners:
        return []
    total = sum(owners.values())
    return [
        Attention(
            kind="inputs-late",
            text=ngettext(
                "%(count)d input is past its deadline for feedback.",
                "%(count)d inputs are past their deadline for feedback.",
                total,
            )
            % {"count": total},
            figure=", ".join(
                f"{owner}: {count}"
                for owner, count in sorted(owners.items(), key=lambda pair: (-pair[1], pair[0]))
            ),
            anchor="inputs",
            url=_app_url("input_list", slug=source.programme.slug),
        )
    ]


def budget_ahead_of_period(source: ReportInput, sections: dict[str, Section]) -> list[Attention]:
    """Budget lines used faster than the programme's period has run (the budget page's own
    rule, resourcegroup's spend totals), or over their amount."""
    paid = sections["hours"].data or {}
    items = []
    for status in paid.get("lines", []):
        if status.pace not in ("ahead", "over"):
            continue
        items.append(
            Attention(
                kind="budget-ahead",
                text=(
                    _("The budget line “%(line)s” is overspent.")
                    if status.pace == "over"
                    else _("The budget line “%(line)s” is used faster than the period runs.")
                )
                % {"line": status.line.name},
                figure=(
                    _("%(spent)s used and committed of %(amount)s")
                    % {
                        "spent": format_nok(status.used + status.committed, 0),
                        "amount": format_nok(status.line.amount, 0),
                    }
                    if status.pace == "over"
                    else _("%(used)s used, %(gone)s of the period gone")
                    % {
                        "used": format_percent(status.percent_used),
                        "gone": format_percent(status.period_share),
                    }
                ),
                anchor="hours",
                url=_app_url("resourcegroup:budget", slug=source.programme.slug),
            )
        )
    return items


def members_drifting_away(source: ReportInput, sections: dict[str, Section]) -> list[Attention]:
    """Young members absent from their group's last meetings (the group's absence threshold),
    as a count per group."""
    presence = sections["attendance"].data or {}
    per_group: Counter = Counter()
    for flagged in presence.get("flagged_members", []):
        if flagged["row"].membership.role in YOUNG_ROLES:
            per_group[flagged["group"]] += 1
    return [
        Attention(
            kind="members-drifting",
            text=ngettext(
                "%(count)d member of %(group)s has stopped coming.",
                "%(count)d members of %(group)s have stopped coming.",
                count,
            )
            % {"count": count, "group": group.name},
            figure=ngettext(
                "away from the last meeting",
                "away from the last %(count)d meetings",
                group.absence_threshold,
            )
            % {"count": group.absence_threshold},
            anchor="attendance",
            url=_app_url("attendance_overview", slug=source.programme.slug, group_id=group.pk),
        )
        for group, count in sorted(per_group.items(), key=lambda pair: pair[0].name)
    ]


def decision_follow_ups_overdue(
    source: ReportInput, sections: dict[str, Section]
) -> list[Attention]:
    """Steering-group decisions with a follow-up still open past its date."""
    steering = [g for g in source.groups if g.kind == Group.Kind.STEERING]
    late = list(
        ActionItem.objects.overdue(today=_end_day(source))
        .filter(decision__isnull=False, decision__meeting__group__in=steering)
        .order_by("due_on")
        .values_list("decision_id", "due_on")
    )
    if not late:
        return []
    decisions = len({decision for decision, _due in late})
    oldest = (_end_day(source) - late[0][1]).days
    return [
        Attention(
            kind="decision-follow-up-late",
            text=ngettext(
                "%(count)d steering-group decision has a follow-up past its date.",
                "%(count)d steering-group decisions have a follow-up past its date.",
                decisions,
            )
            % {"count": decisions},
            figure=ngettext("the oldest %(days)d day late", "the oldest %(days)d days late", oldest)
            % {"days": oldest},
            anchor="decisions",
            url=_app_url("group_detail", slug=source.programme.slug, group_id=steering[0].pk),
        )
    ]


def indicator_moving_wrong_way(
    source: ReportInput, sections: dict[str, Section]
) -> list[Attention]:
    """A goal whose indicator moved away from its target since the previous measurement
    (reports.goals decides; a suppressed figure raises nothing)."""
    goals = (sections.get("goals") and sections["goals"].data) or {}
    items = []
    for each in goals.get("goals", []):
        progress = each["progress"]
        if not progress.moving_wrong_way or progress.suppressed:
            continue
        items.append(
            Attention(
                kind="indicator-wrong-way",
                text=_("The goal “%(goal)s” is moving away from its target.")
                % {"goal": progress.goal.title},
                figure=_("%(indicator)s: from %(previous)s to %(latest)s (target %(target)s)")
                % {
                    "indicator": progress.indicator_label,
                    "previous": format_goal_value(progress.previous, progress.unit),
                    "latest": format_goal_value(progress.latest, progress.unit),
                    "target": format_goal_value(progress.target, progress.unit) or "–",
                },
                anchor="goals",
                url=_app_url("reports:goal_list", slug=source.programme.slug),
            )
        )
    return items


CHECKS: list[Callable[[ReportInput, dict[str, Section]], list[Attention]]] = [
    office_missing_from_project_group,
    inputs_past_deadline,
    indicator_moving_wrong_way,
    budget_ahead_of_period,
    members_drifting_away,
    decision_follow_ups_overdue,
]


def attention_items(source: ReportInput, sections: dict[str, Section]) -> list[Attention]:
    """Every check's items, in the order of CHECKS."""
    return [item for check in CHECKS for item in check(source, sections)]


def attention_section(source: ReportInput, sections: dict[str, Section]) -> Section:
    """Page one's list: what needs the leaders' attention (an empty list says all is well)."""
    return Section(
        "attention",
        _("What needs your attention"),
        "reports/steering/_attention.html",
        {"items": attention_items(source, sections)},
    )
