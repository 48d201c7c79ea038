"""Setting up a programme without the admin: the first coordinator, the programme itself,
its offices and its groups, and the versions of their mandates."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import (
    Group,
    GroupReminderSettings,
    Invitation,
    MandateVersion,
    Office,
    Programme,
    User,
)


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


def _mandate_revise(
    *, owner: Programme | Group, old_text: str, new_text: str, reason: str, by: User | None
) -> MandateVersion | None:
    """Record a new mandate version when the text changed; a changed mandate needs a reason."""
    new_text, reason = new_text.strip(), reason.strip()
    if new_text == old_text.strip():
        return None
    if old_text.strip() and not reason:
        raise ValidationError({"mandate_reason": _("Say why the mandate changed.")})
    owner_field = "programme" if isinstance(owner, Programme) else "group"
    version = MandateVersion(
        **{owner_field: owner},
        text=new_text,
        reason=reason or _("First version"),
        valid_from=timezone.localdate(),
        created_by=by,
    )
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def programme_update(
    *, programme: Programme, changed_by: User, mandate_reason: str = "", **fields
) -> Programme:
    """Change the programme's settings; a changed mandate is kept as a new version with its
    reason. Nothing is stored if any value is refused."""
    old_mandate = Programme.objects.filter(pk=programme.pk).values_list("mandate", flat=True)[0]
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.mandate = programme.mandate.strip()
    programme.full_clean()
    programme.save()
    _mandate_revise(
        owner=programme,
        old_text=old_mandate,
        new_text=programme.mandate,
        reason=mandate_reason,
        by=changed_by,
    )
    return programme


@transaction.atomic
def office_create(*, programme: Programme, name: str, municipality: str, code: str) -> Office:
    """Add a new office to the programme; its code must not be taken by any other office."""
    code = code.strip().lower()
    if Office.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Another office already uses this code. Choose another.")})
    office = Office(name=name.strip(), municipality=municipality.strip(), code=code)
    office.full_clean()
    office.save()
    programme.offices.add(office)
    return office


@transaction.atomic
def office_update(*, office: Office, name: str, municipality: str, is_active: bool) -> Office:
    """Rename an office or take it out of use; its code (in printed links) never changes."""
    office.name, office.municipality, office.is_active = (
        name.strip(),
        municipality.strip(),
        is_active,
    )
    office.full_clean()
    office.save(update_fields=["name", "municipality", "is_active"])
    return office


_GROUP_REMINDER_FIELDS = ("day_before_at", "invitation_days_before")


def _group_save(
    *, group: Group, changed_by: User, old_mandate: str, mandate_reason: str, fields: dict
) -> Group:
    reminders = {name: fields.pop(name) for name in _GROUP_REMINDER_FIELDS if name in fields}
    for name, value in fields.items():
        setattr(group, name, value)
    if group.min_meetings_per_year is None:
        # A user committee must meet at least four times a year.
        group.min_meetings_per_year = 4 if group.kind == Group.Kind.USER_COMMITTEE else 0
    group.mandate = group.mandate.strip()
    group.full_clean()
    group.save()
    if reminders:
        settings_row, _created = GroupReminderSettings.objects.get_or_create(group=group)
        for name, value in reminders.items():
            setattr(settings_row, name, value)
        settings_row.full_clean()
        settings_row.save()
    _mandate_revise(
        owner=group,
        old_text=old_mandate,
        new_text=group.mandate,
        reason=mandate_reason,
        by=changed_by,
    )
    return group


@transaction.atomic
def group_create(*, programme: Programme, changed_by: User, **fields) -> Group:
    """A new group of the programme, with its rhythm, thresholds and reminder times. A user
    committee without a minimum number of meetings gets four a year."""
    fields.pop("mandate_reason", None)
    group = _group_save(
        group=Group(), changed_by=changed_by, old_mandate="", mandate_reason="", fields=fields
    )
    group.programmes.add(programme)
    return group


@transaction.atomic
def group_update(*, group: Group, changed_by: User, mandate_reason: str = "", **fields) -> Group:
    """Change a group's settings; a changed mandate is kept as a new version with its reason."""
    old_mandate = Group.objects.filter(pk=group.pk).values_list("mandate", flat=True)[0]
    return _group_save(
        group=group,
        changed_by=changed_by,
        old_mandate=old_mandate,
        mandate_reason=mandate_reason,
        fields=fields,
    )
