"""The steering report as a list of sections. Each section is a function that reads through
one app's public selectors, imported directly (or participation's models for what has no
selector yet), and returns a Section: its data, or no data with a plain sentence saying so.

"No data" means the period really has none. A section that raises fails the whole report
(SectionFailed names the section): the report's page says which part failed and the task
tries again; a PDF never says "no data" where reading the data failed.
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from checklists.selectors import adoption as checklist_adoption
from checklists.selectors import published_templates_with_current_version
from offers.selectors import region_picture
from participation.access import coordinators_view_of
from participation.models import (
    ActionItem,
    Attendance,
    Decision,
    Group,
    Input,
    Meeting,
    Membership,
    Programme,
)
from participation.selectors import attendance_overviews, input_stats
from participation.services.meetings import local_datetime
from resourcegroup.selectors.budget import budget_status, spend_totals
from resourcegroup.selectors.hours import budget_overview
from surveys.selectors import round_comparison, survey_results, surveys_visible_to
from surveys.suppression import THRESHOLD as SUPPRESSION_THRESHOLD

from .charts import Bar, data_url, percent_bars
from .goals import goal_progress, progress_chart
from .offices import office_cards

logger = logging.getLogger(__name__)

NO_DATA_TEXT = gettext_lazy("No data yet for this period.")


@dataclass(frozen=True)
class Period:
    """Whole days in Oslo, both ends included."""

    start: datetime.date
    end: datetime.date

    @property
    def start_at(self) -> datetime.datetime:
        return local_datetime(self.start, datetime.time.min)

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the period."""
        return local_datetime(self.end + datetime.timedelta(days=1), datetime.time.min)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class ReportInput:
    programme: Programme
    period: Period
    now: datetime.datetime
    groups: list[Group] = field(default_factory=list)
    # The coordinators' internal version names young members; it never leaves the coordinators.
    internal: bool = False

    @property
    def until(self) -> datetime.datetime:
        """The end of what has happened: the period's end, or now if that is earlier."""
        return min(self.period.end_at, self.now)


@dataclass
class Section:
    slug: str
    title: str
    template: str
    data: Any = None
    empty_text: str = ""

    @property
    def has_data(self) -> bool:
        return self.data is not None

    @property
    def no_data_text(self) -> str:
        return str(self.empty_text or NO_DATA_TEXT)


def _rate(present: int, recorded: int) -> float | None:
    return round(100 * present / recorded, 1) if recorded else None


@dataclass
class AttendanceCount:
    label: str
    present: int = 0
    notice: int = 0
    absent: int = 0

    @property
    def recorded(self) -> int:
        return self.present + self.notice + self.absent

    @property
    def rate(self) -> float | None:
        return _rate(self.present, self.recorded)

    def add(self, status: str, count: int) -> None:
        if status == Attendance.Status.PRESENT:
            self.present += count
        elif status == Attendance.Status.NOTICE:
            self.notice += count
        else:
            self.absent += count


# --- Meetings and attendance ----------------------------------------------------------------


def _held_meetings(source: ReportInput):
    return Meeting.objects.filter(
        group__in=source.groups,
        starts_at__gte=source.period.start_at,
        starts_at__lt=source.until,
        ends_at__lte=source.until,
    )


def meetings_held(source: ReportInput) -> Section:
    """Per group: meetings held in the period, cancelled, and with approved minutes."""
    counts = {
        row["group_id"]: row
        for row in Meeting.objects.filter(
            group__in=source.groups,
            starts_at__gte=source.period.start_at,
            starts_at__lt=source.until,
        )
        .values("group_id")
        .annotate(
            held=Count("pk", filter=~Q(status=Meeting.Status.CANCELLED)),
            cancelled=Count("pk", filter=Q(status=Meeting.Status.CANCELLED)),
            approved=Count(
                "pk",
                filter=Q(minutes_status=Meeting.MinutesStatus.APPROVED)
                & ~Q(status=Meeting.Status.CANCELLED),
            ),
        )
    }
    rows = [
        {
            "group": group,
            "held": counts.get(group.pk, {}).get("held", 0),
            "cancelled": counts.get(group.pk, {}).get("cancelled", 0),
            "approved": counts.get(group.pk, {}).get("approved", 0),
        }
        for group in source.groups
    ]
    total = sum(r["held"] for r in rows)
    data = (
        {"rows": rows, "total": total, "cancelled": sum(r["cancelled"] for r in rows)}
        if rows and (total or any(r["cancelled"] for r in rows))
        else None
    )
    return Section(
        "meetings",
        _("Meetings held"),
        "reports/steering/_meetings.html",
        data,
        _("No meetings were held in this period."),
    )


def attendance(source: ReportInput) -> Section:
    """Attendance (present of those recorded) per group, per role and per office, the project
    group's offices (anyone from the office there), and members and offices flagged by
    absences in a row."""
    rows = (
        Attendance.objects.filter(
            meeting__in=_held_meetings(source).exclude(status=Meeting.Status.CANCELLED)
        )
        .values("meeting__group_id", "membership__role", "membership__office__name", "status")
        .annotate(count=Count("pk"))
    )
    groups = {g.pk: g for g in source.groups}
    by_group = {pk: AttendanceCount(label=g.name) for pk, g in groups.items()}
    by_role: dict[str, AttendanceCount] = {}
    by_office: dict[str, AttendanceCount] = {}
    role_labels = dict(Membership.Role.choices)
    total = AttendanceCount(label=_("All groups"))
    for row in rows:
        status, count = row["status"], row["count"]
        by_group[row["meeting__group_id"]].add(status, count)
        role = row["membership__role"]
        by_role.setdefault(role, AttendanceCount(label=str(role_labels.get(role, role)))).add(
            status, count
        )
        if row["membership__office__name"]:
            office = row["membership__office__name"]
            by_office.setdefault(office, AttendanceCount(label=office)).add(status, count)
        total.add(status, count)
    if not total.recorded:
        return Section(
            "attendance",
            _("Attendance"),
            "reports/steering/_attendance.html",
            None,
            _("No attendance was recorded in this period."),
        )

    project_groups = [g for g in source.groups if g.kind == Group.Kind.PROJECT]
    in_period = attendance_overviews(
        groups=project_groups, since=source.period.start, now=source.until
    )
    project_offices = []
    for group in project_groups:
        for office_row in in_period[group.pk].office_rows:
            recorded = [cell for cell in office_row.cells if cell is not None]
            project_offices.append(
                {
                    "group": group,
                    "office": office_row.office,
                    "meetings": len(recorded),
                    "present": sum(1 for cell in recorded if cell),
                    "rate": _rate(sum(1 for cell in recorded if cell), len(recorded)),
                }
            )
    # Streaks run across the period's start: a member away since before it is still away.
    flags = attendance_overviews(groups=source.groups, now=source.until)
    young = _young_people(source)
    flagged_members = [
        {"group": o.group, "row": row, "name": shown_name(row.membership.person, young)}
        for o in flags.values()
        for row in o.flagged
    ]
    flagged_offices = [
        {"group": o.group, "row": row} for o in flags.values() for row in o.flagged_offices
    ]
    group_rows = [c for c in by_group.values() if c.recorded]
    data = {
        "total": total,
        "by_group": group_rows,
        "by_role": sorted(by_role.values(), key=lambda c: c.label),
        "by_office": sorted(by_office.values(), key=lambda c: c.label),
        "project_offices": project_offices,
        "flagged_members": flagged_members,
        "flagged_offices": flagged_offices,
        "group_chart": data_url(percent_bars([Bar(c.label, c.rate) for c in group_rows])),
        "office_chart": data_url(
            percent_bars([Bar(r["office"].name, r["rate"]) for r in project_offices])
        )
        if project_offices
        else None,
    }
    return Section("attendance", _("Attendance"), "reports/steering/_attendance.html", data)


# The roles of young people in a resource group: the steering report leaves the app, so it
# shows them as "a member", never by name (NAV staff in the groups keep their names).
YOUNG_ROLES = (Membership.Role.MEMBER, Membership.Role.PAID_REPRESENTATIVE)


def _young_people(source: ReportInput) -> set[int]:
    """The people who are young members of any of the programme's resource groups (none in the
    coordinators' internal version, which names everybody)."""
    if source.internal:
        return set()
    return set(
        Membership.objects.filter(
            group__programmes=source.programme,
            group__kind=Group.Kind.RESOURCE,
            role__in=YOUNG_ROLES,
        ).values_list("person_id", flat=True)
    )


def shown_name(person, young: set[int]) -> str:
    """The person's name, or "a member" for a young member (documents that leave the app)."""
    if person is None:
        return ""
    return _("A member") if person.pk in young else person.display_name


def members(source: ReportInput) -> Section:
    """Who joined and who left the groups in the period, and why they left."""
    memberships = Membership.objects.filter(group__in=source.groups).select_related(
        "person", "group", "office", "predecessor__person"
    )
    joined = list(
        memberships.filter(
            starts_on__gte=source.period.start, starts_on__lte=source.period.end
        ).order_by("starts_on", "person__display_name")
    )
    left = list(
        memberships.filter(
            ends_on__gte=source.period.start, ends_on__lte=source.period.end
        ).order_by("ends_on", "person__display_name")
    )
    young = _young_people(source)
    for membership in [*joined, *left]:
        membership.shown_name = shown_name(membership.person, young)
        predecessor = membership.predecessor
        membership.predecessor_name = shown_name(predecessor.person if predecessor else None, young)
    reasons: dict[str, int] = defaultdict(int)
    for membership in left:
        reasons[membership.get_end_reason_display() or _("Not given")] += 1
    current = (
        Membership.objects.current(on=min(source.period.end, timezone.localdate(source.now)))
        .filter(group__in=source.groups)
        .values("group_id")
        .annotate(count=Count("pk"))
    )
    data = (
        {
            "joined": joined,
            "left": left,
            "reasons": sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0])),
            "current": {row["group_id"]: row["count"] for row in current},
        }
        if joined or left
        else None
    )
    return Section(
        "members",
        _("Members who joined and left"),
        "reports/steering/_members.html",
        data,
        _("Nobody joined or left a group in this period."),
    )


# --- Inputs, action items, decisions --------------------------------------------------------


def inputs(source: ReportInput) -> Section:
    """Inputs raised in the period and how many got feedback, the median days to feedback,
    the inputs still open at the period's end, and those declined in it with the reasons."""
    programme_inputs = Input.objects.filter(programme=source.programme)
    raised = input_stats(
        inputs=programme_inputs.filter(
            raised_on__gte=source.period.start, raised_on__lte=source.period.end
        )
    )
    answered = input_stats(
        inputs=programme_inputs.filter(
            feedback_at__gte=source.period.start_at, feedback_at__lt=source.until
        )
    )
    end_day = min(source.period.end, timezone.localdate(source.now))
    open_inputs = list(
        programme_inputs.filter(raised_on__lte=source.period.end)
        .exclude(status__in=[Input.Status.DONE, Input.Status.DECLINED])
        .select_related("group", "assigned_office")
        .order_by("raised_on", "pk")
    )
    for item in open_inputs:
        item.days_open = (end_day - item.raised_on).days
        item.is_late = item.feedback_at is None and item.feedback_due_on < end_day
    declined = list(
        programme_inputs.filter(
            status=Input.Status.DECLINED,
            status_changed_at__gte=source.period.start_at,
            status_changed_at__lt=source.until,
        )
        .select_related("group", "assigned_office")
        .order_by("status_changed_at")
    )
    by_source = dict(Input.Source.choices)
    sources = (
        programme_inputs.filter(
            raised_on__gte=source.period.start, raised_on__lte=source.period.end
        )
        .values("source")
        .annotate(count=Count("pk"))
        .order_by("-count", "source")
    )
    if not (raised.raised or answered.with_feedback or open_inputs or declined):
        return Section("inputs", _("Inputs"), "reports/steering/_inputs.html", None)
    data = {
        "raised": raised,
        "answered": answered,
        "open": open_inputs,
        "open_late": sum(1 for item in open_inputs if item.is_late),
        "declined": declined,
        "sources": [(by_source.get(row["source"], row["source"]), row["count"]) for row in sources],
    }
    return Section("inputs", _("Inputs"), "reports/steering/_inputs.html", data)


def action_items(source: ReportInput) -> Section:
    """Open action items whose date had passed at the end of the period."""
    end_day = min(source.period.end, timezone.localdate(source.now))
    items = list(
        ActionItem.objects.overdue(today=end_day)
        .filter(group__in=source.groups)
        .select_related("owner", "group", "meeting")
        .order_by("due_on", "pk")
    )
    young = _young_people(source)
    for item in items:
        item.days_late = (end_day - item.due_on).days
        item.owner_name = shown_name(item.owner, young)
    return Section(
        "action-items",
        _("Overdue action items"),
        "reports/steering/_action_items.html",
        {"items": items} if items else None,
        _("No action items are overdue."),
    )


def latest_held_steering_meeting(source: ReportInput) -> Meeting | None:
    """The steering group's latest meeting that has been held (ended, not cancelled) by the
    end of the period, whether or not it took decisions."""
    steering = [g for g in source.groups if g.kind == Group.Kind.STEERING]
    return (
        Meeting.objects.filter(group__in=steering, ends_at__lte=source.until)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("group")
        .order_by("-starts_at", "-pk")
        .first()
    )


def decisions(source: ReportInput) -> Section:
    """The decisions of the steering group's latest held meeting, each with its follow-ups
    (who, by when, done or not), and whether that meeting's minutes are approved."""
    title = _("Decisions from the last steering meeting")
    template = "reports/steering/_decisions.html"
    meeting = latest_held_steering_meeting(source)
    if meeting is None:
        return Section("decisions", title, template, None, _("The steering group has not met yet."))
    end_day = min(source.period.end, timezone.localdate(source.now))
    young = _young_people(source)
    rows = list(
        Decision.objects.filter(meeting=meeting)
        .select_related("agenda_item")
        .prefetch_related(
            Prefetch(
                "follow_ups",
                queryset=ActionItem.objects.select_related("owner").order_by("due_on", "pk"),
            )
        )
    )
    for decision in rows:
        decision.items = list(decision.follow_ups.all())
        for item in decision.items:
            item.owner_name = shown_name(item.owner, young)
            item.is_late = (
                item.status == ActionItem.Status.OPEN
                and item.due_on is not None
                and item.due_on < end_day
            )
        decision.is_followed_up = bool(decision.follow_up.strip()) or any(
            item.status == ActionItem.Status.DONE for item in decision.items
        )
    data = {
        "meeting": meeting,
        "minutes_approved": meeting.minutes_are_approved,
        "decisions": rows,
        "followed_up": sum(1 for d in rows if d.is_followed_up),
        "late": sum(1 for d in rows for item in d.items if item.is_late),
    }
    return Section("decisions", title, template, data)


# --- From the other apps (checklists, surveys, resourcegroup, offers) -----------------------


def checklist(source: ReportInput) -> Section:
    """Uses of the first-meeting checklist per office and month, and the points most often
    skipped (checklists.selectors)."""
    data = _checklist_data(source)
    return Section(
        "checklist",
        _("The checklist for advisors"),
        "reports/steering/_checklist.html",
        data,
    )


MOST_SKIPPED = 5


def _checklist_data(source: ReportInput):
    published, adoption_of = published_templates_with_current_version, checklist_adoption
    programme, period = source.programme, source.period
    offices = programme.offices.order_by("name")
    adoptions = []
    for template in published(programme=programme):
        adoption = adoption_of(
            template=template, offices=offices, start=period.start, end=period.end
        )
        if adoption.total_uses:
            skipped = adoption.points_most_skipped_first[:MOST_SKIPPED]
            adoptions.append(
                {
                    "adoption": adoption,
                    "most_skipped": skipped,
                    "chart": data_url(
                        percent_bars([Bar(point.text, point.share) for point in skipped])
                    ),
                }
            )
    if not adoptions:
        return None
    total = sum(a["adoption"].total_uses for a in adoptions)
    return {
        "adoptions": adoptions,
        "total": total,
        "key_figures": [{"label": _("First meetings with the checklist"), "value": total}],
    }


def survey(source: ReportInput) -> Section:
    """Headline survey results per office against the previous round, small groups suppressed
    (surveys.selectors)."""
    data = _survey_data(source)
    return Section("survey", _("The survey"), "reports/steering/_survey.html", data)


def _survey_data(source: ReportInput):
    visible, results_of, compare = surveys_visible_to, survey_results, round_comparison
    # Read as the steering group does: published surveys, every office, small groups hidden.
    reader = coordinators_view_of(source.programme)
    blocks = []
    for each in visible(reader).prefetch_related("rounds").order_by("title"):
        if not each.is_published:
            continue
        rounds = sorted(
            (r for r in each.rounds.all() if r.starts_on <= source.period.end),
            key=lambda r: r.starts_on,
        )
        if not rounds:
            continue
        current = rounds[-1]
        previous = rounds[-2] if len(rounds) > 1 else None
        results = results_of(survey=each, round=current)
        if results.response_total is None or not results.response_total.n:
            continue
        # Never the count of a hidden total: with the offices shown it would reveal the
        # hidden office's count by subtraction.
        total = next((r for r in results.responses if r.is_total and not r.is_hidden), None)
        comparisons = []
        for comparison in compare(survey=each):
            index = {r.pk: i for i, r in enumerate(comparison.rounds)}
            rows = [
                {
                    "label": label,
                    "is_total": office_id is None,
                    "now": per_round[index[current.pk]],
                    "before": per_round[index[previous.pk]] if previous else None,
                }
                for label, office_id, per_round in comparison.rows
            ]
            comparisons.append({"question": comparison.question, "rows": rows})
        blocks.append(
            {
                "survey": each,
                "round": current,
                "previous": previous,
                "responses": results.responses,
                "total": total,
                "overall": [
                    {"question": c["question"], "row": row}
                    for c in comparisons
                    if (row := _headline_total(c["rows"])) is not None
                ],
                "headline": comparisons[0] if comparisons else None,
            }
        )
    if not blocks:
        return None
    shown = [block["total"] for block in blocks if block["total"] is not None]
    figures = (
        [{"label": _("Survey answers (latest round)"), "value": sum(t.n for t in shown)}]
        if len(shown) == len(blocks)
        else []
    )
    return {"surveys": blocks, "key_figures": figures}


def _headline_total(rows: list[dict]) -> dict | None:
    """All offices; or, where that is hidden (one office too small to subtract), the
    offices shown, together."""
    totals = [row for row in rows if row["is_total"]]
    shown = [row for row in totals if row["now"] is not None and not row["now"].is_hidden]
    return (shown or totals or [None])[0]


def hours(source: ReportInput) -> Section:
    """Paid hours and cost in the period and up to its end, against the programme's budget
    (resourcegroup.selectors)."""
    data = _hours_data(source)
    return Section("hours", _("Paid hours and budget"), "reports/steering/_hours.html", data)


def _hours_data(source: ReportInput):
    overview = budget_overview(programme=source.programme)
    first_month = source.period.start.replace(day=1)
    in_period = [m for m in overview.months if first_month <= m.month <= source.period.end]
    until_end = [m for m in overview.months if m.month <= source.period.end]
    # The same totals as the budget page and the payroll files (resourcegroup.selectors.budget).
    totals = spend_totals(programme=source.programme, until=source.period.end)
    if not until_end and not totals.amount and not totals.waiting_amount:
        return None
    as_of = min(source.period.end, timezone.localtime(source.now).date())
    hours_so_far, amount_so_far = totals.hours, totals.hours_amount
    budget_nok, budget_hours = overview.budget_nok, overview.budget_hours
    share_nok = float(100 * amount_so_far / budget_nok) if budget_nok else None
    share_hours = float(100 * hours_so_far / budget_hours) if budget_hours else None
    bars = []
    if share_nok is not None:
        bars.append(Bar(_("Budget used (kroner)"), share_nok))
    if share_hours is not None:
        bars.append(Bar(_("Budget used (hours)"), share_hours))
    hours_in_period = sum((m.hours for m in in_period), Decimal(0))
    amount_in_period = sum((m.amount for m in in_period), Decimal(0))
    figures = [{"label": _("Paid hours in the period"), "value": hours_in_period, "note": "hours"}]
    if share_nok is not None:
        figures.append({"label": _("Budget used"), "value": share_nok, "note": "percent"})
    return {
        "months": in_period,
        "hours": hours_in_period,
        "amount": amount_in_period,
        "hours_so_far": hours_so_far,
        "amount_so_far": amount_so_far,
        "budget_nok": budget_nok,
        "budget_hours": budget_hours,
        "share_nok": share_nok,
        "share_hours": share_hours,
        "waiting_hours": overview.waiting_hours,
        "waiting_amount": overview.waiting_amount,
        "totals": totals,
        "as_of": as_of,
        "lines": budget_status(programme=source.programme, today=as_of, until=as_of).lines,
        "chart": data_url(percent_bars(bars)) if bars else None,
        "key_figures": figures,
    }


def offers(source: ReportInput) -> Section:
    """The region's activity offers: per municipality and type, gaps, cross-border use in the
    period and young people's judgement with small groups hidden (offers.selectors)."""
    data = _offers_data(source)
    return Section(
        "offers", _("Activity offers in the region"), "reports/steering/_offers.html", data
    )


def _offers_data(source: ReportInput):
    picture = region_picture(
        programme=source.programme, start=source.period.start, end=source.period.end
    )
    if not picture.has_offers:
        return None
    figures = [{"label": _("Activity offers running"), "value": picture.total}]
    if picture.poor:
        figures.append({"label": _("Offers young people judge poorly"), "value": len(picture.poor)})
    return {"picture": picture, "key_figures": figures}


# --- Goals ------------------------------------------------------------------------------------


def goals(source: ReportInput) -> Section:
    """Each goal's baseline, latest value, trend and target at the period's end (reports.goals)."""
    today = min(source.period.end, timezone.localdate(source.now))
    progress = goal_progress(source.programme, today=today)
    data = (
        {"goals": [{"progress": each, "chart": progress_chart(each)} for each in progress]}
        if progress
        else None
    )
    return Section(
        "goals",
        _("Goals"),
        "reports/steering/_goals.html",
        data,
        _("The programme has no goals with indicators yet."),
    )


# --- Key figures ----------------------------------------------------------------------------


def key_figures(
    source: ReportInput,
    sections: dict[str, Section],
    *,
    previous: dict[str, Any] | None = None,
) -> Section:
    """The figures a leader reads first, taken from the other sections, each beside the same
    figure for the period before (`previous`, by label; None: no period before)."""
    figures = []

    def add(label, value, note=""):
        figures.append({"label": label, "value": value, "note": note})

    meetings = sections["meetings"].data
    add(_("Meetings held"), meetings["total"] if meetings else 0)
    presence = sections["attendance"].data
    if presence:
        add(_("Attendance"), presence["total"].rate, "percent")
        if presence["flagged_members"]:
            add(_("Members away many times in a row"), len(presence["flagged_members"]))
        if presence["flagged_offices"]:
            add(_("Offices missing from the project group"), len(presence["flagged_offices"]))
    people = sections["members"].data
    add(_("Joined"), len(people["joined"]) if people else 0)
    add(_("Left"), len(people["left"]) if people else 0)
    given = sections["inputs"].data
    if given:
        add(_("Inputs raised"), given["raised"].raised)
        add(_("Feedback given"), given["answered"].with_feedback)
        if given["answered"].median_days_to_feedback is not None:
            add(_("Median days to feedback"), given["answered"].median_days_to_feedback, "days")
        add(_("Inputs still open"), len(given["open"]))
    late = sections["action-items"].data
    add(_("Overdue action items"), len(late["items"]) if late else 0)
    for slug in ("checklist", "survey", "hours", "offers"):
        section = sections.get(slug)
        if section and section.has_data and isinstance(section.data, dict):
            for figure in section.data.get("key_figures", []):
                figures.append(figure)
    for figure in figures:
        figure.setdefault("note", "")
        figure["previous"] = (previous or {}).get(str(figure["label"]))
        figure.setdefault("target", None)
    # Each goal is a key figure too: its latest value beside its previous one and its target.
    goal_data = (sections.get("goals") and sections["goals"].data) or {}
    for each in goal_data.get("goals", []):
        progress = each["progress"]
        figures.append(
            {
                "label": progress.goal.title,
                "value": None if progress.suppressed else progress.latest,
                "previous": None if progress.suppressed else progress.previous,
                "target": progress.target,
                "note": "goal",
                "unit": progress.unit,
            }
        )
    return Section(
        "key-figures",
        _("Key figures"),
        "reports/steering/_key_figures.html",
        {
            "figures": figures,
            "has_previous": previous is not None,
            "has_targets": any(figure["target"] is not None for figure in figures),
        },
    )


def previous_period(source: ReportInput) -> ReportInput | None:
    """The period of the same length just before this one; None before the programme."""
    days = datetime.timedelta(days=source.period.days)
    period = Period(start=source.period.start - days, end=source.period.start - _ONE_DAY)
    if period.end < source.programme.starts_on:
        return None
    return ReportInput(
        programme=source.programme,
        period=period,
        now=min(source.now, period.end_at),
        groups=source.groups,
        internal=source.internal,
    )


_ONE_DAY = datetime.timedelta(days=1)


def _previous_figures(source: ReportInput) -> dict[str, Any] | None:
    before = previous_period(source)
    if before is None:
        return None
    # The goals carry their own previous value and the office cards give no key figure: the
    # period before is read only for the sections the key figures come from.
    wanted = [section for section in SECTIONS if section not in (goals, offices, words_and_rules)]
    by_slug = {s.slug: s for s in (_built(section, before) for section in wanted)}
    return {
        str(figure["label"]): figure["value"]
        for figure in key_figures(before, by_slug).data["figures"]
    }


def offices(source: ReportInput) -> Section:
    """Each office's card, a page each, after the programme-wide sections (reports.offices)."""
    cards = office_cards(
        programme=source.programme,
        period=source.period,
        now=source.now,
        unnamed=_young_people(source),
    )
    return Section(
        "office-cards",
        _("Each office's card"),
        "reports/offices/_report_section.html",
        {"cards": cards} if cards else None,
        _("The programme has no offices in use."),
    )


def words_and_rules(source: ReportInput) -> Section:
    """The last page: the words and rules the figures follow, with this programme's own
    settings (the suppression threshold, each group's absence threshold, the feedback deadline)."""
    return Section(
        "words-and-rules",
        _("Words and rules in this report"),
        "reports/steering/_words_and_rules.html",
        {
            "threshold": SUPPRESSION_THRESHOLD,
            "feedback_due_weeks": source.programme.feedback_due_weeks,
            "absence_thresholds": [
                (group.name, group.absence_threshold)
                for group in source.groups
                if group.kind == Group.Kind.RESOURCE
            ],
        },
    )


SECTIONS: list[Callable[[ReportInput], Section]] = [
    meetings_held,
    attendance,
    members,
    inputs,
    action_items,
    decisions,
    checklist,
    survey,
    hours,
    offers,
    goals,
    offices,
    words_and_rules,
]


class SectionFailed(Exception):
    """A section of the report raised: the report fails (and is tried again) naming it."""

    def __init__(self, section: str):
        self.section = section
        super().__init__(f"the report section {section!r} failed")


def _built(section: Callable[[ReportInput], Section], source: ReportInput) -> Section:
    try:
        return section(source)
    except Exception as error:
        # Not swallowed: raised again with the section's name, so that the report's status
        # says which part failed; the cause stays chained for the log.
        raise SectionFailed(section.__name__) from error


def build_sections(source: ReportInput, *, with_previous: bool = True) -> list[Section]:
    """Key figures first (beside the period before's), then every section in order. Raises
    SectionFailed when one fails."""
    sections = [_built(section, source) for section in SECTIONS]
    by_slug = {section.slug: section for section in sections}
    previous = _previous_figures(source) if with_previous else None
    return [key_figures(source, by_slug, previous=previous), *sections]
