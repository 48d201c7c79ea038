"""Recruitment: postings, applications, the pipeline, inviting those chosen, deleting the rest."""

import datetime
import hashlib
import logging
import secrets
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from participation import services as participation_services
from participation.models import Group, Membership, Programme, User
from participation.privacy import find_personal_numbers, remove_personal_numbers
from participation.services.notifications import send_sms

from ..models import Application, ApplicationEvent, Posting
from ..models.recruitment import APPLICATION_CONSENT

logger = logging.getLogger(__name__)

# Applications that did not lead to a place; deleted a set time after the posting closes.
NOT_CHOSEN_STATUSES = (Application.Status.NOT_CHOSEN, Application.Status.DECLINED)


@transaction.atomic
def posting_save(
    *,
    programme: Programme,
    posting: Posting | None = None,
    group: Group,
    title: str,
    slug: str,
    text: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    advertised_where: str = "",
    target_group: str = "",
    target_age_min: int,
    target_age_max: int,
    delete_after_days: int = 90,
) -> Posting:
    """Make or change a posting for a group of the programme. The link's slug never changes
    once someone has applied, since it may be printed on posters."""
    errors = {}
    if not programme.groups.filter(pk=group.pk).exists():
        errors["group"] = _("Choose a group in this programme.")
    if closes_on < opens_on:
        errors["closes_on"] = _("The deadline cannot be before the posting opens.")
    if target_age_max < target_age_min:
        errors["target_age_max"] = _("The oldest age cannot be below the youngest.")
    if posting is not None and posting.slug != slug and posting.applications.exists():
        errors["slug"] = _("The link cannot change after someone has applied.")
    if errors:
        raise ValidationError(errors)
    posting = posting or Posting(programme=programme)
    posting.group = group
    posting.title = title.strip()
    posting.slug = slug
    posting.text = text.strip()
    posting.opens_on, posting.closes_on = opens_on, closes_on
    posting.advertised_where = advertised_where.strip()
    posting.target_group = target_group.strip()
    posting.target_age_min, posting.target_age_max = target_age_min, target_age_max
    posting.delete_after_days = delete_after_days
    posting.full_clean()
    posting.save()
    return posting


@transaction.atomic
def application_submit(
    *,
    posting: Posting,
    name: str,
    email: str = "",
    phone: str = "",
    municipality: str,
    age_band: str,
    motivation: str,
    has_consented: bool,
    source: str = Application.Source.FORM,
    by: User | None = None,
    today: datetime.date | None = None,
) -> Application:
    """Receive an application through the public form, or entered by the coordinator.

    The form is open only between the posting's dates; a way to get in touch and consent to
    store the application are needed; a national ID number is never stored.
    """
    today = today or timezone.localdate()
    if source == Application.Source.FORM and not posting.is_open(today=today):
        raise ValidationError(_("This posting is closed for applications."))
    errors = {}
    if not name.strip():
        errors["name"] = _("Write your name.")
    if not email.strip() and not phone.strip():
        errors["email"] = _("Write an email address or a mobile number, so that we can reach you.")
    if age_band not in Application.AgeBand.values:
        errors["age_band"] = _("Choose your age.")
    if not municipality.strip():
        errors["municipality"] = _("Choose where you live.")
    if not motivation.strip():
        errors["motivation"] = _("Write a few words about why you want to join.")
    elif any(f.kind == "national_id" for f in find_personal_numbers(motivation)):
        errors["motivation"] = _(
            "It looks like you wrote a national identity number. We do not need it: please "
            "remove it."
        )
    if not has_consented:
        errors["has_consented"] = _(
            "We can only take the application if you agree that we store it."
        )
    if errors:
        raise ValidationError(errors)
    application = Application(
        posting=posting,
        name=name.strip(),
        email=email.strip().lower(),
        phone=phone.strip(),
        municipality=municipality.strip(),
        age_band=age_band,
        motivation=remove_personal_numbers(motivation.strip()),
        has_consented=True,
        consent_text=str(APPLICATION_CONSENT),
        consented_at=timezone.now(),
        source=source,
    )
    withdraw_key = secrets.token_urlsafe(32)
    application.withdraw_key_hash = _key_hash(withdraw_key)
    application.full_clean()
    application.save()
    ApplicationEvent.objects.create(application=application, to_status=application.status, by=by)
    # The receipt goes in the language the form was filled in, once the application is stored.
    transaction.on_commit(lambda: application_receipt_send(application, withdraw_key))
    return application


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def application_receipt_send(application: Application, withdraw_key: str) -> None:
    """Tell the applicant the application arrived, with their own link to withdraw it: by
    email when they gave one, else by SMS. Withdrawing must be as easy as applying."""
    context = {
        "application": application,
        "posting": application.posting,
        "link": settings.MEDVIRK_BASE_URL.rstrip("/")
        + reverse("resourcegroup:apply_withdraw", kwargs={"key": withdraw_key}),
    }
    if application.email:
        try:
            send_mail(
                subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
                + _("We have received your application"),
                message=render_to_string("resourcegroup/recruitment/receipt_email.txt", context),
                from_email=None,
                recipient_list=[application.email],
            )
        except (smtplib.SMTPException, OSError):
            # The application is stored and the coordinator can withdraw it for them; the
            # applicant must not get an error page for a receipt. Operators see it.
            logger.exception("The receipt for application %s could not be sent", application.pk)
    else:
        send_sms(
            application.phone,
            render_to_string("resourcegroup/recruitment/receipt_sms.txt", context).strip(),
        )


def application_by_withdraw_key(key: str) -> Application | None:
    """The application the key in a receipt belongs to, if it still exists."""
    if not key:
        return None
    return (
        Application.objects.select_related("posting")
        .filter(withdraw_key_hash=_key_hash(key))
        .first()
    )


@transaction.atomic
def application_move(
    *,
    application: Application,
    to_status: str,
    by: User,
    note: str = "",
    interview_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Application:
    """Move an application one step on: received → interview booked → interviewed → offered →
    accepted or declined; or not chosen on the way. Closed applications do not move."""
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if to_status not in Application.NEXT.get(application.status, ()):
        raise ValidationError(
            {
                "to_status": _("An application that is “%(status)s” cannot move there.")
                % {"status": application.get_status_display()}
            }
        )
    from_status = application.status
    application.status = to_status
    application.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if interview_at is not None:
        application.interview_at = interview_at
        fields.append("interview_at")
    application.save(update_fields=fields)
    ApplicationEvent.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        note=note.strip(),
        at=now,
        by=by,
    )
    return application


def application_note(*, application: Application, note: str, by: User) -> ApplicationEvent:
    """A note on the application without moving it."""
    if not note.strip():
        raise ValidationError({"note": _("Write the note.")})
    return ApplicationEvent.objects.create(
        application=application,
        from_status=application.status,
        to_status=application.status,
        note=note.strip(),
        by=by,
    )


@transaction.atomic
def application_invite(
    *,
    application: Application,
    by: User,
    role: str = Membership.Role.MEMBER,
    email: str = "",
):
    """An accepted applicant becomes a member of the posting's group and is invited to log in."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.ACCEPTED:
        raise ValidationError(_("Only an applicant who has accepted the offer can be invited."))
    if application.membership_id is not None:
        raise ValidationError(_("This applicant has already been invited."))
    if role not in (Membership.Role.MEMBER, Membership.Role.PAID_REPRESENTATIVE):
        raise ValidationError({"role": _("Choose member or paid representative.")})
    email = (email or application.email).strip()
    if not email:
        raise ValidationError({"email": _("An email address is needed to send the invitation.")})
    posting = application.posting
    invitation = participation_services.person_invite(
        programme=posting.programme,
        invited_by=by,
        email=email,
        display_name=application.name,
        group=posting.group,
        role=role,
    )
    application.membership = invitation.membership
    application.save(update_fields=["membership"])
    return invitation


END_STATUSES = (*NOT_CHOSEN_STATUSES, Application.Status.ACCEPTED)


def application_withdraw_consent(*, application: Application) -> None:
    """The applicant withdraws the consent to store the application: it is deleted at once
    (a member's place in the group, if any, is not touched)."""
    Application.objects.filter(pk=application.pk).delete()


def applications_delete_ended(*, today: datetime.date | None = None) -> int:
    """Delete applications in any end state (not chosen, declined, accepted: an accepted one
    lives on as the membership) once their posting's deadline is more than the posting's
    number of days behind us. Returns how many were deleted."""
    return _applications_delete_past_keeping(END_STATUSES, today=today)


def applications_delete_expired(*, today: datetime.date | None = None) -> int:
    """Delete applications not chosen (or declined) once their posting's deadline is more than
    the posting's number of days behind us. Returns how many were deleted."""
    return _applications_delete_past_keeping(NOT_CHOSEN_STATUSES, today=today)


def _applications_delete_past_keeping(statuses, *, today: datetime.date | None) -> int:
    """Each posting keeps its applications for its own number of days after it closed."""
    today = today or timezone.localdate()
    past_keeping = [
        posting.pk
        for posting in Posting.objects.filter(closes_on__lt=today).only(
            "pk", "closes_on", "delete_after_days"
        )
        if posting.closes_on + datetime.timedelta(days=posting.delete_after_days) < today
    ]
    deleted, _per_model = Application.objects.filter(
        posting__in=past_keeping, status__in=statuses
    ).delete()
    return deleted
