"""Who may see and do what with the region's activity offers. The one place views ask.

Everybody in the programme may read the register (the resource group judges the offers);
the coordinators and the advisors keep it, an advisor the entries of their own office.
Outsiders get a 404 whether the offer exists or not.
"""

from django.db.models import QuerySet
from django.http import Http404

from participation.access import ProgrammeAccess, access_programme
from participation.models import Membership, Office, User

from .models import Offer


def advisor_office_ids(access: ProgrammeAccess) -> set[int]:
    """Offices where the user is an advisor now."""
    return {
        m.office_id
        for m in access.memberships
        if m.role == Membership.Role.ADVISOR and m.office_id is not None
    }


def own_offices(access: ProgrammeAccess) -> QuerySet[Office]:
    """The programme's offices the user belongs to (as advisor, leader or member)."""
    return access.programme.offices.filter(pk__in=access.office_ids).order_by("name")


def can_keep_offers(access: ProgrammeAccess) -> bool:
    """Coordinators and advisors add and check entries."""
    return access.is_coordinator or bool(advisor_office_ids(access))


def keeping_offices(access: ProgrammeAccess) -> QuerySet[Office]:
    """The offices whose entries the user may add and change."""
    offices = access.programme.offices.order_by("name")
    if access.is_coordinator:
        return offices
    return offices.filter(pk__in=advisor_office_ids(access))


def can_edit(access: ProgrammeAccess, offer: Offer) -> bool:
    return access.is_coordinator or offer.office_id in advisor_office_ids(access)


def can_see_comments(access: ProgrammeAccess) -> bool:
    """Young people's free text is read by those who keep the register, not by everyone."""
    return can_keep_offers(access)


def can_see_region(access: ProgrammeAccess) -> bool:
    """The region's picture: the steering group, the coordinators and the advisors."""
    return access.can_see_programme_overview or access.is_advisor


def can_raise_input(access: ProgrammeAccess) -> bool:
    """Coordinators, advisors and the resource group turn a poor or missing offer into an
    input."""
    return can_keep_offers(access) or access.is_resource_group_member


def offers_visible_to(access: ProgrammeAccess) -> QuerySet[Offer]:
    return Offer.objects.filter(programme=access.programme)


def access_offer(user: User, slug: str, offer_id: int) -> tuple[ProgrammeAccess, Offer]:
    """An offer of a programme the user belongs to; 404 otherwise."""
    access = access_programme(user, slug)
    offer = (
        offers_visible_to(access)
        .select_related("office", "last_checked_by")
        .prefetch_related("open_to_offices")
        .filter(pk=offer_id)
        .first()
    )
    if offer is None:
        raise Http404
    return access, offer


def access_offer_to_edit(user: User, slug: str, offer_id: int) -> tuple[ProgrammeAccess, Offer]:
    """An offer the user keeps; 404 for everyone else, as for pages they cannot see."""
    access, offer = access_offer(user, slug, offer_id)
    if not can_edit(access, offer):
        raise Http404
    return access, offer


def require(condition: bool) -> None:
    if not condition:
        raise Http404
