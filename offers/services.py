"""Writes for the activity offers: keeping the register, young people's judgements, recorded
cross-border use, and turning a poor or missing offer into an input."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Group, Input, Office, Programme, User
from participation.privacy import find_personal_numbers
from participation.services.inputs import input_create

from .models import WEEKDAY_CODES, CrossBorderUse, Judgement, Offer, OfferInput

# The fields a keeper fills in; the rest (programme, checks, code) the services set.
OFFER_FIELDS = (
    "title",
    "kind",
    "provider",
    "description",
    "age_min",
    "age_max",
    "needs",
    "municipality",
    "address",
    "public_transport",
    "weekdays",
    "hours",
    "how_to_start",
    "contact",
    "capacity",
    "cost_to_office",
    "openness",
    "cross_border_terms",
    "is_active",
)

REMOVED_NUMBER = "[…]"


def municipalities_of(programme: Programme) -> list[str]:
    """The municipalities of the programme's offices, in name order."""
    return sorted(set(programme.offices.values_list("municipality", flat=True)))


def _validate(offer: Offer, *, open_to_offices: list[Office]) -> None:
    errors = {}
    if offer.municipality not in municipalities_of(offer.programme):
        errors["municipality"] = _("Choose one of the programme's municipalities.")
    if not offer.programme.offices.filter(pk=offer.office_id).exists():
        errors["office"] = _("Choose an office in this programme.")
    unknown_days = set(filter(None, offer.weekdays.split(","))) - set(WEEKDAY_CODES)
    if unknown_days:
        errors["weekdays"] = _("Choose days from the list.")
    if offer.openness == Offer.Openness.AGREED_OFFICES and not open_to_offices:
        errors["open_to_offices"] = _("Choose the offices whose young people may join.")
    try:
        offer.full_clean(exclude=["public_code", "programme", "office"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


def _normalise(fields: dict) -> dict:
    fields = dict(fields)
    for name in ("title", "provider", "municipality", "address", "hours", "contact"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].strip()
    return fields


@transaction.atomic
def offer_create(
    *,
    programme: Programme,
    office: Office,
    by: User | None,
    open_to_offices: list[Office] | None = None,
    checked_on: datetime.date | None = None,
    **fields,
) -> Offer:
    """Add an offer to the register; whoever adds it has checked it today."""
    open_to_offices = list(open_to_offices or [])
    offer = Offer(
        programme=programme,
        office=office,
        last_checked_on=checked_on or timezone.localdate(),
        last_checked_by=by,
        **_normalise({name: value for name, value in fields.items() if name in OFFER_FIELDS}),
    )
    _validate(offer, open_to_offices=open_to_offices)
    offer.save()
    offer.open_to_offices.set(_only_agreed(offer, open_to_offices))
    return offer


@transaction.atomic
def offer_update(
    *, offer: Offer, by: User, office: Office, open_to_offices: list[Office], **fields
) -> Offer:
    """Change an entry; saving it counts as checking it."""
    for name, value in _normalise(fields).items():
        if name in OFFER_FIELDS:
            setattr(offer, name, value)
    offer.office = office
    offer.last_checked_on = timezone.localdate()
    offer.last_checked_by = by
    _validate(offer, open_to_offices=open_to_offices)
    offer.save()
    offer.open_to_offices.set(_only_agreed(offer, open_to_offices))
    return offer


def _only_agreed(offer: Offer, offices: list[Office]) -> list[Office]:
    # An offer open to the whole region or to its own municipality lists no offices: the
    # list would say something the openness does not.
    return offices if offer.openness == Offer.Openness.AGREED_OFFICES else []


def offer_mark_checked(*, offer: Offer, by: User) -> Offer:
    """Someone looked and the entry is still right: today, by them."""
    offer.last_checked_on = timezone.localdate()
    offer.last_checked_by = by
    offer.save(update_fields=["last_checked_on", "last_checked_by"])
    return offer


def strip_personal_numbers(text: str) -> str:
    """The text with anything shaped like a national ID or phone number taken out."""
    for finding in find_personal_numbers(text):
        text = text.replace(finding.text, REMOVED_NUMBER)
    return text


def judgement_submit(
    *, offer: Offer, usefulness: int, welcome: int, recommend: str, comment: str = ""
) -> Judgement:
    """Store one anonymous judgement: only the day, never the time, and numbers that could
    point at a person taken out of the comment before it is saved."""
    if not offer.is_active:
        raise ValidationError(_("This offer is closed and takes no judgements."))
    judgement = Judgement(
        offer=offer,
        given_on=timezone.localdate(),
        usefulness=usefulness,
        welcome=welcome,
        recommend=recommend,
        comment=strip_personal_numbers(comment.strip()),
    )
    judgement.full_clean()
    judgement.save()
    return judgement


def cross_border_use_record(
    *, offer: Offer, office: Office, month: datetime.date, young_people: int, by: User
) -> CrossBorderUse:
    """Record how many young people from another office used the offer in a month."""
    if office.municipality == offer.municipality:
        raise ValidationError(
            {"office": _("Choose an office from another municipality than the offer's.")}
        )
    if not offer.programme.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("Choose an office in this programme.")})
    month = month.replace(day=1)
    if month > timezone.localdate():
        raise ValidationError({"month": _("The month cannot be in the future.")})
    use = CrossBorderUse(
        offer=offer, office=office, month=month, young_people=young_people, recorded_by=by
    )
    use.full_clean()
    try:
        with transaction.atomic():
            use.save()
    except IntegrityError as error:
        # Two keepers recording the same month at once: the second is told, not doubled.
        if "cross_border_use_once_per_office_and_month" not in str(error):
            raise
        raise ValidationError(
            {"month": _("Use from this office in this month is already recorded.")}
        ) from error
    return use


@transaction.atomic
def offer_input_raise(
    *,
    programme: Programme,
    reason: str,
    title: str,
    description: str,
    by: User,
    offer: Offer | None = None,
    kind: str = "",
    municipality: str = "",
) -> OfferInput:
    """Turn a poor or missing offer into an input on its usual way to an answer: the
    resource group's assessment comes from the resource group, the young people's judgement
    from a survey; the office that keeps the offer (or the municipality's office) follows up."""
    if reason not in OfferInput.Reason.values:
        raise ValidationError({"reason": _("Choose why you raise the input.")})
    if reason == OfferInput.Reason.MISSING:
        offer = None
        if kind and kind not in Offer.Kind.values:
            raise ValidationError({"kind": _("Choose a type from the list.")})
        if municipality and municipality not in municipalities_of(programme):
            raise ValidationError(
                {"municipality": _("Choose one of the programme's municipalities.")}
            )
    elif offer is None or offer.programme_id != programme.pk:
        raise ValidationError({"offer": _("Choose the offer the input is about.")})
    if offer is not None:
        kind, municipality, office = offer.kind, offer.municipality, offer.office
    else:
        office = programme.offices.filter(municipality=municipality).order_by("name").first()
    resource_group = None
    if reason == OfferInput.Reason.RESOURCE_GROUP:
        resource_group = programme.groups.filter(kind=Group.Kind.RESOURCE).order_by("pk").first()
    source = (
        Input.Source.SURVEY if reason == OfferInput.Reason.POOR_JUDGEMENT else Input.Source.DIRECT
    )
    item = input_create(
        programme=programme,
        title=title,
        description=strip_personal_numbers(description),
        source=source,
        group=resource_group,
        raised_by=by,
        assigned_office=office,
    )
    link = OfferInput(
        programme=programme,
        offer=offer,
        input=item,
        reason=reason,
        kind=kind,
        municipality=municipality,
    )
    link.full_clean()
    link.save()
    return link
