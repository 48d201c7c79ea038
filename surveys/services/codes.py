"""Making one-time answer codes and telling whether one may be used.

Codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so that a code
copied from a slip on an old phone is typed right: 31⁸ ≈ 850 billion codes, with the flood
limits on the survey pages, cannot be guessed. Using a code happens in `response_submit`,
in the same transaction as storing the response, by a conditional update."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Office

from ..models import AnswerCode, AnswerCodeBatch, Survey
from ..selectors.surveys import card_checklist

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
MAX_BATCH = 480  # 20 A4 pages of 24 slips


def normalise_code(text: str) -> str:
    """The code as stored: capitals, without spaces and dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:16]


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def codes_make(
    *,
    survey: Survey,
    office: Office,
    count: int,
    today: datetime.date | None = None,
    printed_as: str = AnswerCodeBatch.PrintedAs.SLIPS,
) -> AnswerCodeBatch:
    """A batch of `count` new codes for the office, to print as slips or as first-meeting
    cards; refuses an office outside the survey, a count outside 1–MAX_BATCH, and cards where
    the programme has no checklist in use."""
    if printed_as not in AnswerCodeBatch.PrintedAs.values:
        raise ValidationError({"printed_as": _("Choose slips or first-meeting cards.")})
    if printed_as == AnswerCodeBatch.PrintedAs.CARDS and not card_checklist(survey=survey):
        raise ValidationError(
            {"printed_as": _("The programme has no checklist in use to print on the cards.")}
        )
    if not survey.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("This survey does not take answers for that office.")})
    if not 1 <= count <= MAX_BATCH:
        raise ValidationError(
            {"count": _("Make between 1 and %(max)s codes at a time.") % {"max": MAX_BATCH}}
        )
    with transaction.atomic():
        batch = AnswerCodeBatch.objects.create(
            survey=survey,
            office=office,
            made_on=today or timezone.localdate(),
            printed_as=printed_as,
        )
        codes: set[str] = set()
        while len(codes) < count:
            wanted = {_new_code() for _ in range(count - len(codes))}
            taken = set(
                AnswerCode.objects.filter(survey=survey, code__in=wanted).values_list(
                    "code", flat=True
                )
            )
            codes |= wanted - taken
        AnswerCode.objects.bulk_create(
            AnswerCode(batch=batch, survey=survey, code=code) for code in sorted(codes)
        )
    return batch


def code_office(*, survey: Survey, code: str) -> Office | None:
    """The office of an unused code of the survey, else None (unknown and used alike)."""
    found = (
        AnswerCode.objects.filter(survey=survey, code=normalise_code(code), is_used=False)
        .select_related("batch__office")
        .first()
    )
    return found.batch.office if found else None


def code_use(*, survey: Survey, office: Office, code: str) -> bool:
    """Mark the code used; True for the one caller whose update matched an unused code.
    Call inside the transaction that stores the response."""
    matched = AnswerCode.objects.filter(
        survey=survey, batch__office=office, code=normalise_code(code), is_used=False
    ).update(is_used=True)
    return matched == 1


def codes_per_office(*, survey: Survey) -> dict[int, int]:
    """Codes handed out per office (every code made counts as handed out)."""
    return dict(
        AnswerCode.objects.filter(survey=survey)
        .values_list("batch__office_id")
        .annotate(n=Count("id"))
    )
