"""People: invitations, memberships and the person's own settings."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..models import AuditEvent, Group, Invitation, Membership, Office, Programme, User
from .audit import audit_event


def account_for_email(*, email: str) -> User | None:
    """The account an address already belongs to, if any (to show the coordinator whom)."""
    return User.objects.filter(email__iexact=User.objects.normalize_email(email.strip())).first()


@transaction.atomic
def person_invite(
    *,
    programme: Programme,
    invited_by: User,
    email: str,
    display_name: str,
    group: Group,
    role: str,
    office: Office | None = None,
    predecessor: Membership | None = None,
    confirm_existing: bool = False,
) -> Invitation:
    """Invite a person into a group of the programme and queue their invitation email.

    A new person gets an account without a password and the seat; they choose a password
    from the link. An address that already belongs to an account is only invited once the
    coordinator has confirmed whom it goes to, and the seat is offered, never given: the
    person accepts it while logged in. Nothing is stored if any rule fails.
    """
    from ..tasks import send_invitation

    if not programme.groups.filter(pk=group.pk).exists():
        raise ValidationError({"group": _("Choose a group in this programme.")})
    if office is not None and not programme.offices.filter(pk=office.pk).exists():
        raise ValidationError({"office": _("Choose an office in this programme.")})
    if predecessor is not None and predecessor.group_id != group.pk:
        raise ValidationError({"predecessor": _("The seat must be in the same group.")})
    if predecessor is not None and hasattr(predecessor, "successor"):
        raise ValidationError({"predecessor": _("Someone has already taken over this seat.")})

    email = User.objects.normalize_email(email.strip()).lower()
    person = account_for_email(email=email)
    if person is None:
        person = User(email=email, display_name=display_name.strip())
        person.set_unusable_password()
        person.full_clean()
        person.save()
        membership = Membership(
            person=person, group=group, role=role, office=office, predecessor=predecessor
        )
        membership.full_clean()
        membership.save()
        invitation = Invitation.objects.create(
            email=email,
            person=person,
            membership=membership,
            programme=programme,
            invited_by=invited_by,
        )
    else:
        if Membership.objects.current().filter(person=person, group=group).exists():
            raise ValidationError({"email": _("This person is already a member of the group.")})
        if not confirm_existing:
            raise ValidationError(
                {"email": _("This address belongs to an existing account. Confirm whom to invite.")}
            )
        # Checked now so the coordinator hears of a bad seat, and again on acceptance.
        Membership(
            person=person, group=group, role=role, office=office, predecessor=predecessor
        ).full_clean()
        invitation = Invitation.objects.create(
            email=person.email,
            person=person,
            programme=programme,
            invited_by=invited_by,
            group=group,
            role=role,
            office=office,
            predecessor=predecessor,
        )
    transaction.on_commit(lambda: send_invitation.delay(invitation.pk))
    return invitation


@transaction.atomic
def invitation_respond(*, invitation: Invitation, person: User, accept: bool) -> Invitation:
    """The invited person takes the offered seat, or declines it; only once, only their own."""
    if invitation.person_id != person.pk or invitation.membership_id is not None:
        raise ValidationError(_("This invitation is not open."))
    now = timezone.now()
    field = "accepted_at" if accept else "declined_at"
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, declined_at__isnull=True
    ).update(**{field: now})
    if not claimed:
        raise ValidationError(_("This invitation has already been answered."))
    if accept:
        if Membership.objects.current().filter(person=person, group=invitation.group).exists():
            raise ValidationError(_("You are already a member of this group."))
        membership = Membership(
            person=person,
            group=invitation.group,
            role=invitation.role,
            office=invitation.office,
            predecessor=invitation.predecessor,
        )
        membership.full_clean()
        membership.save()
        Invitation.objects.filter(pk=invitation.pk).update(membership=membership)
    invitation.refresh_from_db()
    return invitation


def invitation_url(*, person: User) -> str:
    """The absolute link where an invited person chooses their password."""
    path = reverse(
        "invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    return settings.MEDVIRK_BASE_URL.rstrip("/") + path


def invitation_send(*, invitation: Invitation) -> None:
    """Email the invitation in the person's language and record when it was sent."""
    person = invitation.person
    is_offer = invitation.membership_id is None
    needs_password = not person.has_usable_password()
    if needs_password:
        link = invitation_url(person=person)
    elif is_offer:
        link = settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(
            "invitation_respond", kwargs={"pk": invitation.pk}
        )
    else:
        link = settings.MEDVIRK_BASE_URL.rstrip("/") + reverse("account_login")
    context = {
        "invitation": invitation,
        "person": person,
        "programme": invitation.programme,
        "group": invitation.membership.group if invitation.membership else invitation.group,
        "inviter": invitation.invited_by,
        "needs_password": needs_password,
        "is_offer": is_offer and not needs_password,
        "link": link,
    }
    with translation.override(person.language):
        subject = _("Invitation to %(programme)s") % {"programme": invitation.programme.name}
        text = render_to_string("participation/email/invitation.txt", context)
        html = render_to_string("participation/email/invitation.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[invitation.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def invitation_resend(*, invitation: Invitation) -> None:
    """Queue the invitation email again (a new link; the old one may have expired)."""
    from ..tasks import send_invitation

    if invitation.is_accepted:
        raise ValidationError(_("The invitation has already been accepted."))
    if invitation.declined_at is not None:
        raise ValidationError(_("The invitation has been declined."))
    transaction.on_commit(lambda: send_invitation.delay(invitation.pk))


@transaction.atomic
def invitation_accept(*, person: User, password: str) -> None:
    """Set the invited person's password and mark their invitations and email as confirmed."""
    from allauth.account.models import EmailAddress

    person.set_password(password)
    person.save(update_fields=["password"])
    # Choosing a password from the emailed link proves the address and answers the seats
    # offered to it so far.
    # A coordinator's invitation (create_coordinator) offers no seat in a group.
    for offer in Invitation.objects.filter(
        person=person,
        membership__isnull=True,
        group__isnull=False,
        accepted_at__isnull=True,
        declined_at__isnull=True,
    ).select_related("group", "office", "predecessor"):
        invitation_respond(invitation=offer, person=person, accept=True)
    Invitation.objects.filter(person=person, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": True, "primary": True}
    )


def user_sessions_end(*, user: User) -> int:
    """Log the user out everywhere at once: delete every session signed in as them.

    Sessions live in the database (Django's default engine); one query reads the sessions
    that have not expired, which SESSION_COOKIE_AGE keeps few.
    """
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    deleted, _details = Session.objects.filter(session_key__in=keys).delete()
    return deleted


@transaction.atomic
def person_deactivate(*, person: User) -> None:
    """Close a person's account: no login, their sessions ended and calendar feeds gone now."""
    from ..models import CalendarFeed

    if person.is_active:
        person.is_active = False
        person.save(update_fields=["is_active"])
    CalendarFeed.objects.filter(user=person).delete()
    user_sessions_end(user=person)


def user_set_language(*, user: User, language: str) -> None:
    """Remember the user's language, so that emails to them use it too."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def membership_end(
    *,
    membership: Membership,
    ends_on: datetime.date,
    end_reason: str,
    handover_note: str = "",
) -> Membership:
    """Record that a person left a group, why, and what their successor should know."""
    if membership.ends_on is not None:
        raise ValidationError(_("This membership has already ended."))
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the membership started.")})
    if ends_on > timezone.localdate() + datetime.timedelta(days=366):
        raise ValidationError({"ends_on": _("Choose a date within the next year.")})
    if end_reason not in Membership.EndReason.values:
        raise ValidationError({"end_reason": _("Choose why the person left.")})
    membership.ends_on = ends_on
    membership.end_reason = end_reason
    membership.handover_note = handover_note.strip()
    membership.save(update_fields=["ends_on", "end_reason", "handover_note"])
    return membership


# What a former young member is called once anonymised (stored, so not translated).
FORMER_MEMBER = "Tidligere medlem"


def members_anonymise_departed(*, today: datetime.date | None = None) -> int:
    """Anonymise young members (members and paid representatives of resource groups) whose
    every membership ended more than MEDVIRK_RETENTION_MEMBER_MONTHS ago: name, e-mail, phone
    and handover notes go, the login is closed; their attendance stays, counted as a former
    member's. Returns how many people were anonymised."""
    today = today or timezone.localdate()
    cutoff = today - relativedelta(months=settings.MEDVIRK_RETENTION_MEMBER_MONTHS)
    young = Membership.objects.filter(
        group__kind=Group.Kind.RESOURCE,
        role__in=(Membership.Role.MEMBER, Membership.Role.PAID_REPRESENTATIVE),
    ).values("person_id")
    still_there = Membership.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=cutoff)
    ).values("person_id")
    people = list(
        User.objects.filter(pk__in=young, is_staff=False, is_superuser=False)
        .exclude(pk__in=still_there)
        .exclude(display_name=FORMER_MEMBER)
    )
    people_anonymise(people=people)
    return len(people)


@transaction.atomic
def people_anonymise(*, people: list[User]) -> None:
    """Name, e-mail, phone and handover notes go and the login closes; memberships and
    attendance stay, counted as a former member's."""
    for person in people:
        person.display_name = FORMER_MEMBER
        person.email = f"former-{person.pk}@invalid.example"
        person.phone = ""
        person.municipality = ""
        person.is_active = False
        person.set_unusable_password()
    User.objects.bulk_update(
        people, ["display_name", "email", "phone", "municipality", "is_active", "password"]
    )
    Membership.objects.filter(person__in=people).update(handover_note="")


def person_municipality_set(
    *,
    person: User,
    municipality: str,
    allowed: list[str],
    changed_by: User,
    programme: Programme | None = None,
) -> None:
    """Record where the person lives (empty: not given). Only a municipality of the
    programme's offices is accepted, so that the representation counts add up. A change made
    by someone else (a coordinator) is logged."""
    municipality = municipality.strip()
    if municipality and municipality not in allowed:
        raise ValidationError({"municipality": _("Choose a municipality from the list.")})
    if municipality == person.municipality:
        return
    person.municipality = municipality
    person.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        person.save(update_fields=["municipality"])
        if changed_by.pk != person.pk:
            audit_event(
                actor=changed_by,
                action=AuditEvent.Action.CHANGED,
                programme=programme,
                subject=_("Home municipality of person %(id)s") % {"id": person.pk},
            )
