"""Reads for checklists: who may see which checklist, the advisor's own records, and the
adoption figures the steering group reads (also used by surveys and reports).

Every query is scoped by the programme. Outsiders get a 404 whether the object exists or not.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from participation.models import Office, Programme, User

# --- access: the rules live in access.py; imported here for the readers that use selectors ---
from .access import (  # noqa: E402, F401
    access_template,
    access_use,
    can_read_checklists,
    can_see_figures,
    figure_offices,
    recording_office_ids,
    templates_visible_to,
)
from .models import ChecklistItem, ChecklistTemplate, ChecklistUse, ChecklistVersion

# --- versions ------------------------------------------------------------------------------


def _items_prefetch() -> Prefetch:
    return Prefetch("items", queryset=ChecklistItem.objects.order_by("order", "pk"))


def current_version(*, template: ChecklistTemplate) -> ChecklistVersion | None:
    """The published version advisors record with now, with its points; None if none."""
    return (
        template.versions.filter(published_at__isnull=False, retired_at__isnull=True)
        .prefetch_related(_items_prefetch())
        .select_related("template")
        .first()
    )


def template_versions(*, template: ChecklistTemplate, include_drafts: bool) -> list:
    """Every version, newest first, with points and number of uses."""
    versions = template.versions.annotate(use_count=Count("uses")).prefetch_related(
        _items_prefetch()
    )
    if not include_drafts:
        versions = versions.filter(published_at__isnull=False)
    return list(versions.order_by("-number"))


def published_templates_with_current_version(*, programme: Programme) -> list[ChecklistTemplate]:
    """Published checklists of the programme, each with `.current` (its version in use)."""
    templates = list(
        ChecklistTemplate.objects.filter(
            programme=programme, status=ChecklistTemplate.Status.PUBLISHED
        ).prefetch_related(
            Prefetch(
                "versions",
                queryset=ChecklistVersion.objects.filter(
                    published_at__isnull=False, retired_at__isnull=True
                ),
                to_attr="current_versions",
            )
        )
    )
    for template in templates:
        template.current = template.current_versions[0] if template.current_versions else None
    return [t for t in templates if t.current is not None]


# --- an advisor's own records --------------------------------------------------------------


def recent_uses_of(*, programme: Programme, advisor: User, limit: int = 20) -> list[ChecklistUse]:
    """The advisor's latest records in the programme, with points covered and out of."""
    return list(
        ChecklistUse.objects.filter(advisor=advisor, version__template__programme=programme)
        .select_related("office", "version__template")
        .annotate(covered=Count("items_covered", distinct=True))
        .annotate(out_of=Count("version__items", distinct=True))
        .order_by("-met_on", "-pk")[:limit]
    )


# --- figures shared with surveys and reports -----------------------------------------------


def _uses_in(*, programme: Programme, start: datetime.date, end: datetime.date):
    return ChecklistUse.objects.filter(
        version__template__programme=programme, met_on__gte=start, met_on__lte=end
    )


def first_meetings_per_office(
    *, programme: Programme, start: datetime.date, end: datetime.date
) -> dict[int, int]:
    """Office id → recorded first meetings (checklist uses) dated in [start, end].

    The denominator of the survey's response rates. Offices without uses are left out.
    (A programme has one first-meeting checklist; with several, a meeting recorded on two
    checklists would count twice.)
    """
    rows = (
        _uses_in(programme=programme, start=start, end=end)
        .values("office_id")
        .annotate(n=Count("pk"))
        .values_list("office_id", "n")
    )
    return dict(rows)


def _coverage_counts(uses: QuerySet[ChecklistUse]):
    """Uses per (office, version) and ticks per (office, item), in two queries."""
    uses_per_office_version = {
        (office_id, version_id): n
        for office_id, version_id, n in uses.values("office_id", "version_id")
        .annotate(n=Count("pk"))
        .values_list("office_id", "version_id", "n")
    }
    through = ChecklistUse.items_covered.through
    ticks = {
        (office_id, item_id): n
        for office_id, item_id, n in through.objects.filter(checklistuse__in=uses)
        .values("checklistuse__office_id", "checklistitem_id")
        .annotate(n=Count("pk"))
        .values_list("checklistuse__office_id", "checklistitem_id", "n")
    }
    return uses_per_office_version, ticks


def item_coverage_per_office(
    *, programme: Programme, start: datetime.date, end: datetime.date
) -> dict[tuple[int, int], tuple[int, int]]:
    """(office id, checklist item id) → (uses where the item was ticked, uses of a version
    that has the item), over the uses dated in [start, end].

    Every item of every version an office used in the period is present, also with 0 ticks.
    Three queries whatever the number of offices and items.
    """
    uses = _uses_in(programme=programme, start=start, end=end)
    uses_per_office_version, ticks = _coverage_counts(uses)
    version_ids = {version_id for _, version_id in uses_per_office_version}
    items_of_version: dict[int, list[int]] = defaultdict(list)
    for item_id, version_id in ChecklistItem.objects.filter(version_id__in=version_ids).values_list(
        "pk", "version_id"
    ):
        items_of_version[version_id].append(item_id)
    coverage: dict[tuple[int, int], tuple[int, int]] = {}
    for (office_id, version_id), n_uses in uses_per_office_version.items():
        for item_id in items_of_version[version_id]:
            ticked, offered = coverage.get((office_id, item_id), (0, 0))
            coverage[(office_id, item_id)] = (
                ticked + ticks.get((office_id, item_id), 0),
                offered + n_uses,
            )
    return coverage


def same_point_item_ids(*, item: ChecklistItem) -> set[int]:
    """The ids of this point in every version of its checklist (a revision copies each point
    and remembers the one it came from), so figures can follow a point across versions."""
    items = ChecklistItem.objects.filter(version__template_id=item.version.template_id)
    previous = dict(items.values_list("pk", "previous_id"))
    root = item.pk
    while previous.get(root):
        root = previous[root]
    followers: dict[int, list[int]] = defaultdict(list)
    for pk, previous_id in previous.items():
        if previous_id:
            followers[previous_id].append(pk)
    found, stack = set(), [root]
    while stack:
        pk = stack.pop()
        found.add(pk)
        stack.extend(followers[pk])
    return found


# --- adoption figures for one checklist ----------------------------------------------------


def month_starts(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every month from start's month to end's month."""
    months = []
    month = start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this month included."""
    today = today or timezone.localdate()
    start = today.replace(day=1)
    for _ in range(11):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return start, today


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _cell(part: int, whole: int) -> tuple[int, int, int | None]:
    return part, whole, _share(part, whole)


@dataclass
class OfficeAdoption:
    office: Office
    per_month: list[int]
    uses: int = 0
    advisors: int = 0
    last_use: datetime.date | None = None


@dataclass
class PointCoverage:
    """One point of the checklist, followed across versions (a revised point is the same
    point), with its coverage per office."""

    text: str
    category: str
    ticked: int = 0
    offered: int = 0
    per_office: dict[int, tuple[int, int]] = field(default_factory=dict)
    per_version: dict[int, tuple[int, int]] = field(default_factory=dict)
    version_numbers: list[int] = field(default_factory=list)
    # Aligned with Adoption.offices and Adoption.versions: (ticked, offered, share %).
    office_cells: list[tuple[int, int, int | None]] = field(default_factory=list)
    # ... and (ticked, offered, share %, the version has the point).
    version_cells: list[tuple[int, int, int | None, bool]] = field(default_factory=list)

    @property
    def share(self) -> int | None:
        return _share(self.ticked, self.offered)

    @property
    def skipped(self) -> int:
        return self.offered - self.ticked


@dataclass
class VersionTrend:
    version: ChecklistVersion
    uses: int
    months_in_use: int
    average_share: int | None

    @property
    def uses_per_month(self) -> float | None:
        return round(self.uses / self.months_in_use, 1) if self.months_in_use else None


@dataclass
class Adoption:
    template: ChecklistTemplate
    start: datetime.date
    end: datetime.date
    months: list[datetime.date]
    offices: list[OfficeAdoption]
    month_totals: list[int]
    points: list[PointCoverage]
    versions: list[VersionTrend]
    published_in_month: dict[datetime.date, list[int]]

    @property
    def total_uses(self) -> int:
        return sum(self.month_totals)

    @property
    def points_most_skipped_first(self) -> list[PointCoverage]:
        return sorted(
            (p for p in self.points if p.offered),
            key=lambda p: (p.share if p.share is not None else 101, p.text),
        )

    @property
    def month_rows(self):
        """(month, per-office counts, total, version numbers published that month)."""
        return [
            (
                month,
                [office.per_month[i] for office in self.offices],
                self.month_totals[i],
                self.published_in_month.get(month, []),
            )
            for i, month in enumerate(self.months)
        ]


def adoption(
    *,
    template: ChecklistTemplate,
    offices: QuerySet[Office],
    start: datetime.date,
    end: datetime.date,
) -> Adoption:
    """Uses per office per month, advisors per office, coverage per point (followed across
    versions) and each version's uptake, for the given offices and period.

    A fixed number of queries whatever the number of offices, months, points or uses.
    """
    offices = list(offices)
    office_ids = [office.pk for office in offices]
    months = month_starts(start, end)
    month_index = {month: i for i, month in enumerate(months)}
    uses = ChecklistUse.objects.filter(
        version__template=template, office_id__in=office_ids, met_on__gte=start, met_on__lte=end
    )

    by_office = {
        office.pk: OfficeAdoption(office=office, per_month=[0] * len(months)) for office in offices
    }
    for office_id, month, n in (
        uses.annotate(month=TruncMonth("met_on"))
        .values("office_id", "month")
        .annotate(n=Count("pk"))
        .values_list("office_id", "month", "n")
    ):
        month = month.date() if isinstance(month, datetime.datetime) else month
        by_office[office_id].per_month[month_index[month]] += n
    for office_id, n, advisors, last_use in (
        uses.values("office_id")
        .annotate(n=Count("pk"), advisors=Count("advisor", distinct=True), last=Max("met_on"))
        .values_list("office_id", "n", "advisors", "last")
    ):
        row = by_office[office_id]
        row.uses, row.advisors, row.last_use = n, advisors, last_use
    month_totals = [sum(row.per_month[i] for row in by_office.values()) for i in range(len(months))]

    versions = list(
        template.versions.filter(published_at__isnull=False)
        .prefetch_related(_items_prefetch())
        .order_by("number")
    )
    uses_per_office_version, ticks = _coverage_counts(uses)

    # Follow each point back to its first version, so a revised point stays one point.
    points: dict[int, PointCoverage] = {}
    root_of: dict[int, int] = {}
    for version in versions:
        for item in version.items.all():
            root = root_of.get(item.previous_id, item.pk) if item.previous_id else item.pk
            root_of[item.pk] = root
            point = points.get(root)
            if point is None:
                point = points[root] = PointCoverage(text=item.text, category=item.category)
            point.text, point.category = item.text, item.category  # the latest wording
            point.version_numbers.append(version.number)
            for office_id in office_ids:
                offered = uses_per_office_version.get((office_id, version.pk), 0)
                if not offered:
                    continue
                ticked = ticks.get((office_id, item.pk), 0)
                o_ticked, o_offered = point.per_office.get(office_id, (0, 0))
                point.per_office[office_id] = (o_ticked + ticked, o_offered + offered)
                v_ticked, v_offered = point.per_version.get(version.number, (0, 0))
                point.per_version[version.number] = (v_ticked + ticked, v_offered + offered)
                point.ticked += ticked
                point.offered += offered
    point_list = list(points.values())

    trends = []
    published_in_month: dict[datetime.date, list[int]] = defaultdict(list)
    for version in versions:
        published = timezone.localtime(version.published_at).date()
        if start <= published <= end:
            published_in_month[published.replace(day=1)].append(version.number)
        in_use_from = max(published, start)
        in_use_to = (
            min(timezone.localtime(version.retired_at).date(), end) if version.retired_at else end
        )
        months_in_use = len(month_starts(in_use_from, in_use_to)) if in_use_from <= in_use_to else 0
        n_uses = sum(uses_per_office_version.get((o, version.pk), 0) for o in office_ids)
        ticked_sum = offered_sum = 0
        for point in point_list:
            ticked, offered = point.per_version.get(version.number, (0, 0))
            ticked_sum += ticked
            offered_sum += offered
        trends.append(
            VersionTrend(
                version=version,
                uses=n_uses,
                months_in_use=months_in_use,
                average_share=_share(ticked_sum, offered_sum),
            )
        )
    for point in point_list:
        point.office_cells = [_cell(*point.per_office.get(o, (0, 0))) for o in office_ids]
        point.version_cells = [
            (*_cell(*point.per_version.get(v.number, (0, 0))), v.number in point.version_numbers)
            for v in versions
        ]
    return Adoption(
        template=template,
        start=start,
        end=end,
        months=months,
        offices=list(by_office.values()),
        month_totals=month_totals,
        points=point_list,
        versions=trends,
        published_in_month=dict(published_in_month),
    )


def point_coverage_by_use(
    *, programme: Programme, start: datetime.date, end: datetime.date, office_id: int | None = None
) -> list[tuple[datetime.date, int, int]]:
    """(date of the first meeting, points ticked, points on its version) for each recorded use
    in [start, end], in two queries: how fully the checklist was followed, over time."""
    uses = _uses_in(programme=programme, start=start, end=end)
    if office_id:
        uses = uses.filter(office_id=office_id)
    rows = list(
        uses.annotate(ticked=Count("items_covered")).values_list("met_on", "version_id", "ticked")
    )
    sizes = dict(
        ChecklistItem.objects.filter(version_id__in={version for _day, version, _n in rows})
        .values_list("version_id")
        .annotate(n=Count("pk"))
    )
    return sorted((day, ticked, sizes.get(version, 0)) for day, version, ticked in rows)
