"""Setting up a programme without the admin: the first coordinator, the programme itself,
its offices and its groups, and the versions of their mandates."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import Invitation, Programme, User


@dataclass(frozen=True)
class CoordinatorCreated:
    person: User
    programme: Programme
    # None when the person already has a password: they log in as usual.
    invitation: Invitation | None
    is_new_person: bool
    is_new_programme: bool


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "programme"
    slug, number = base, 2
    while Programme.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def coordinator_create(*, email: str, programme: str = "") -> CoordinatorCreated:
    """Make the person with this address (new or existing) a coordinator, of the programme whose
    slug is `programme`, or of a new empty programme (named `programme`, if given), and queue
    the invitation email whose link lets them choose a password. Nothing is stored on error."""
    from allauth.account.models import EmailAddress

    from ..tasks import send_invitation
    from .people import account_for_email

    email = User.objects.normalize_email(email.strip()).lower()
    person = account_for_email(email=email)
    is_new_person = person is None
    if person is None:
        person = User(email=email, display_name=email.split("@")[0])
        person.set_unusable_password()
        person.full_clean()
        person.save()
    elif not person.is_active:
        raise ValidationError(_("The account for %(email)s is closed.") % {"email": email})
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": True, "primary": True}
    )

    found = Programme.objects.filter(slug=programme).first() if programme else None
    is_new_programme = found is None
    if found is None:
        name = programme.strip() or _("New programme")
        found = Programme(name=name, slug=_free_slug(name), starts_on=timezone.localdate())
        found.full_clean()
        found.save()
    found.coordinators.add(person)
    invitation = None
    if not person.has_usable_password():
        invitation = Invitation.objects.create(email=person.email, person=person, programme=found)
        transaction.on_commit(lambda: send_invitation.delay(invitation.pk))
    return CoordinatorCreated(
        person=person,
        programme=found,
        invitation=invitation,
        is_new_person=is_new_person,
        is_new_programme=is_new_programme,
    )
