"""Reads for the activity offers: finding an offer, young people's judgements with small
groups hidden, and the region's picture (also read by the steering report)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils import timezone

from participation.models import Office, Programme
from surveys.suppression import THRESHOLD, is_too_few, suppress

from .distances import municipalities_within
from .models import CrossBorderUse, Judgement, Offer, OfferInput

# A mean usefulness under this (on 1 to 5) marks an offer the young people judge poorly.
POOR_BELOW = 3.0


@dataclass(frozen=True)
class OfferFilters:
    office: Office | None = None  # the young person's office
    open_to_office: bool = False
    municipality: str = ""
    kind: str = ""
    weekday: str = ""
    within_km: int | None = None


def open_to(office: Office) -> Q:
    """Offers a young person followed by this office may join: in the office's municipality,
    open to the whole region, or open to this office by agreement."""
    return (
        Q(municipality=office.municipality)
        | Q(openness=Offer.Openness.WHOLE_REGION)
        | Q(openness=Offer.Openness.AGREED_OFFICES, open_to_offices=office)
    )


def offer_search(*, programme: Programme, filters: OfferFilters) -> QuerySet[Offer]:
    """Running offers matching the filters; distance counts from the young person's office."""
    offers = Offer.objects.filter(programme=programme, is_active=True)
    if filters.office is not None and filters.open_to_office:
        matching = Offer.objects.filter(programme=programme).filter(open_to(filters.office))
        offers = offers.filter(pk__in=matching.values("pk"))
    if filters.municipality:
        offers = offers.filter(municipality=filters.municipality)
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.weekday:
        offers = offers.filter(weekdays__contains=filters.weekday)
    if filters.office is not None and filters.within_km is not None:
        near = municipalities_within(filters.office.municipality, filters.within_km)
        offers = offers.filter(municipality__in=near)
    return offers.select_related("office").order_by("municipality", "title")


def offers_to_check(*, programme: Programme, today: datetime.date | None = None):
    """Running offers nobody has checked within the set number of days, oldest first."""
    today = today or timezone.localdate()
    return [
        offer
        for offer in Offer.objects.filter(programme=programme, is_active=True)
        .select_related("office")
        .order_by("last_checked_on")
        if offer.needs_check(today)
    ]


@dataclass(frozen=True)
class JudgementSummary:
    """What young people said of one offer; figures only when five or more answered."""

    count: int
    usefulness: float | None = None
    welcome: float | None = None
    recommend_share: float | None = None

    @property
    def is_hidden(self) -> bool:
        return is_too_few(self.count)

    @property
    def is_poor(self) -> bool:
        return not self.is_hidden and self.usefulness is not None and self.usefulness < POOR_BELOW


def judgement_summaries(
    *, offer_ids, until: datetime.date | None = None
) -> dict[int, JudgementSummary]:
    """Per offer: the number of judgements, and the means only when there are five or more."""
    judgements = Judgement.objects.filter(offer_id__in=list(offer_ids))
    if until is not None:
        judgements = judgements.filter(given_on__lte=until)
    rows = judgements.values("offer_id").annotate(
        n=Count("pk"),
        usefulness=Avg("usefulness"),
        welcome=Avg("welcome"),
        yes=Count("pk", filter=Q(recommend=Judgement.Recommend.YES)),
    )
    summaries = {}
    for row in rows:
        if is_too_few(row["n"]):
            summaries[row["offer_id"]] = JudgementSummary(count=row["n"])
        else:
            summaries[row["offer_id"]] = JudgementSummary(
                count=row["n"],
                usefulness=round(row["usefulness"], 1),
                welcome=round(row["welcome"], 1),
                recommend_share=round(100 * row["yes"] / row["n"]),
            )
    return summaries


def judgement_comments(*, offer: Offer) -> list[Judgement]:
    """The free texts, only once five or more have judged the offer: fewer could be told
    apart by who was there."""
    judgements = offer.judgements.all()
    if judgements.count() < THRESHOLD:
        return []
    return [j for j in judgements.exclude(comment="").order_by("-given_on")]


def inputs_about(*, offer: Offer) -> list[OfferInput]:
    return list(offer.offer_inputs.select_related("input").order_by("-input__raised_on"))


# --- The region's picture -----------------------------------------------------------------


@dataclass
class MunicipalityRow:
    municipality: str
    counts: list[int]
    total: int
    open_beyond: int
    missing_kinds: list[str]


@dataclass
class UseRow:
    offer: Offer
    young_people: int | None  # None: hidden, fewer than five
    offices: list[str]


@dataclass
class RegionPicture:
    kinds: list[tuple[str, str]]
    rows: list[MunicipalityRow]
    kind_totals: list[int]
    total: int
    kinds_nowhere: list[str]
    uses: list[UseRow]
    uses_total: int | None
    judged: list[tuple[Offer, JudgementSummary]]
    to_check: int
    missing_inputs: int
    has_offers: bool = field(default=False)

    @property
    def poor(self) -> list[tuple[Offer, JudgementSummary]]:
        return [(offer, summary) for offer, summary in self.judged if summary.is_poor]


def region_picture(
    *,
    programme: Programme,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> RegionPicture:
    """Offers per municipality and type, the gaps, cross-border use recorded in the period,
    and young people's judgement (small groups hidden) — for the steering group."""
    today = timezone.localdate()
    end = end or today
    municipalities = sorted(set(programme.offices.values_list("municipality", flat=True)))
    kinds = list(Offer.Kind.choices)
    offers = list(
        Offer.objects.filter(programme=programme, is_active=True)
        .select_related("office")
        .order_by("municipality", "title")
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    open_beyond: dict[str, int] = defaultdict(int)
    for offer in offers:
        counts[offer.municipality][offer.kind] += 1
        if offer.is_cross_border:
            open_beyond[offer.municipality] += 1
    rows = [
        MunicipalityRow(
            municipality=name,
            counts=[counts[name][value] for value, _label in kinds],
            total=sum(counts[name].values()),
            open_beyond=open_beyond[name],
            missing_kinds=[str(label) for value, label in kinds if not counts[name][value]],
        )
        for name in municipalities
    ]
    kind_totals = [sum(row.counts[i] for row in rows) for i in range(len(kinds))]
    uses, uses_total = _cross_border_uses(programme=programme, start=start, end=end)
    summaries = judgement_summaries(offer_ids=[o.pk for o in offers], until=end)
    return RegionPicture(
        kinds=kinds,
        rows=rows,
        kind_totals=kind_totals,
        total=sum(kind_totals),
        kinds_nowhere=[
            str(label) for (_v, label), n in zip(kinds, kind_totals, strict=True) if not n
        ],
        uses=uses,
        uses_total=uses_total,
        judged=[(o, summaries[o.pk]) for o in offers if o.pk in summaries],
        to_check=sum(1 for offer in offers if offer.needs_check(today)),
        missing_inputs=OfferInput.objects.filter(
            programme=programme, reason=OfferInput.Reason.MISSING
        ).count(),
        has_offers=bool(offers),
    )


def _cross_border_uses(*, programme, start, end) -> tuple[list[UseRow], int | None]:
    """Young people from other offices per offer in the period; an offer's count under five
    is hidden, and the total too when the hidden ones could be worked out from it."""
    uses = CrossBorderUse.objects.filter(offer__programme=programme, month__lte=end)
    if start is not None:
        uses = uses.filter(month__gte=start.replace(day=1))
    per_offer = {
        row["offer_id"]: row["n"] for row in uses.values("offer_id").annotate(n=Sum("young_people"))
    }
    if not per_offer:
        return [], None
    offices_of: dict[int, set[str]] = defaultdict(set)
    for offer_id, office_name in uses.values_list("offer_id", "office__name"):
        offices_of[offer_id].add(office_name)
    decision = suppress(per_offer)
    offers = Offer.objects.filter(pk__in=per_offer).order_by("municipality", "title")
    rows = [
        UseRow(
            offer=offer,
            young_people=None if decision.is_hidden(offer.pk) else per_offer[offer.pk],
            offices=sorted(offices_of[offer.pk]),
        )
        for offer in offers
    ]
    total = None if decision.is_total_hidden else sum(per_offer.values())
    return rows, total


def register_rows(*, programme: Programme) -> QuerySet[Offer]:
    """Every entry, closed ones too, for the export."""
    return (
        Offer.objects.filter(programme=programme)
        .select_related("office", "last_checked_by")
        .prefetch_related("open_to_offices")
        .order_by("municipality", "title")
    )


@dataclass
class PrintableList:
    municipality: str
    kind_label: str
    offers: list[Offer]


def printable_list(*, programme: Programme, municipality: str, kind: str) -> PrintableList:
    """Running offers in one municipality and of one type (unknown values are ignored)."""
    municipalities = set(programme.offices.values_list("municipality", flat=True))
    municipality = municipality if municipality in municipalities else ""
    kind = kind if kind in Offer.Kind.values else ""
    offers = Offer.objects.filter(programme=programme, is_active=True)
    if municipality:
        offers = offers.filter(municipality=municipality)
    if kind:
        offers = offers.filter(kind=kind)
    return PrintableList(
        municipality=municipality,
        kind_label=str(Offer.Kind(kind).label) if kind else "",
        offers=list(offers.order_by("municipality", "kind", "title")),
    )
