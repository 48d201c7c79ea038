"""Reads for recruitment: postings, the pipeline, and the eligibility hint. Coordinators only."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _

from participation.access import ProgrammeAccess
from participation.models import Programme

from .. import access as rules
from ..models import Application, Posting

OPEN_STATUSES = [s for s, nexts in Application.NEXT.items() if nexts]


def postings_for(*, access: ProgrammeAccess):
    if not rules.can_manage(access):
        raise Http404
    return (
        Posting.objects.filter(programme=access.programme)
        .select_related("group")
        .annotate(
            application_count=Count("applications"),
            open_count=Count("applications", filter=Q(applications__status__in=OPEN_STATUSES)),
            accepted_count=Count(
                "applications", filter=Q(applications__status=Application.Status.ACCEPTED)
            ),
        )
        .order_by("-opens_on", "-pk")
    )


def posting_for(*, access: ProgrammeAccess, posting_id: int) -> Posting:
    posting = postings_for(access=access).filter(pk=posting_id).first()
    if posting is None:
        raise Http404
    return posting


def application_for(*, access: ProgrammeAccess, application_id: int) -> Application:
    if not rules.can_manage(access):
        raise Http404
    application = (
        Application.objects.filter(pk=application_id, posting__programme=access.programme)
        .select_related("posting__group", "membership")
        .first()
    )
    if application is None:
        raise Http404
    return application


def public_posting(*, slug: str) -> Posting:
    posting = Posting.objects.filter(slug=slug).select_related("programme").first()
    if posting is None:
        raise Http404
    return posting


def municipalities(programme: Programme) -> list[str]:
    return sorted(set(programme.offices.values_list("municipality", flat=True)))


@dataclass
class Eligibility:
    fits: bool
    notes: list[str]


def eligibility(
    application: Application, *, posting: Posting, municipalities: list[str]
) -> Eligibility:
    """A hint, never a decision: does the applicant's age band and home fit the target group?"""
    notes = []
    low, high = Application.AGE_BANDS[application.age_band]
    if high < posting.target_age_min or low > posting.target_age_max:
        notes.append(_("The age is outside the target group."))
    elif low < posting.target_age_min or high > posting.target_age_max:
        notes.append(_("Only part of the age band is in the target group: check the age."))
    if application.municipality not in municipalities:
        notes.append(_("Lives outside the programme's municipalities."))
    return Eligibility(fits=not notes, notes=notes)


@dataclass
class PipelineRow:
    application: Application
    eligibility: Eligibility


def pipeline(*, posting: Posting) -> tuple[list[PipelineRow], Counter]:
    """The posting's applications with their eligibility hint, and a count per status."""
    places = municipalities(posting.programme)
    applications = list(posting.applications.select_related("membership").order_by("received_at"))
    order = {status: index for index, status in enumerate(Application.Status.values)}
    applications.sort(key=lambda a: (order[a.status], a.received_at))
    rows = [
        PipelineRow(a, eligibility(a, posting=posting, municipalities=places)) for a in applications
    ]
    return rows, Counter(a.status for a in applications)


def open_application_count(*, programme: Programme) -> int:
    return Application.objects.filter(
        posting__programme=programme, status__in=OPEN_STATUSES
    ).count()
