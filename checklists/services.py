"""Writes for checklists: templates, versions and their points, and recorded uses.

Every service validates before it saves and raises ValidationError (with a field dict where a
field is to blame) so that the form can show the message beside the field. A published
version is frozen: points change only in a draft, and a revision is a new version.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participation.models import Membership, Office, Programme, User
from participation.privacy import looks_like_national_id

from .models import ChecklistItem, ChecklistTemplate, ChecklistUse, ChecklistVersion

# How long an advisor may correct a use after recording it.
CORRECTION_DAYS = 30


# --- templates and versions -------------------------------------------------------------


@transaction.atomic
def template_create(
    *,
    programme: Programme,
    title: str,
    introduction: str = "",
    co_authors: Iterable[User] = (),
) -> ChecklistTemplate:
    """A new checklist in draft, with an empty version 1 to write the points in."""
    template = ChecklistTemplate(programme=programme, title=title.strip())
    template.full_clean()
    template.save()
    template.co_authors.set(co_authors)
    version = ChecklistVersion(template=template, number=1, introduction=introduction.strip())
    version.full_clean()
    version.save()
    return template


@transaction.atomic
def template_update(
    *, template: ChecklistTemplate, title: str, co_authors: Iterable[User]
) -> ChecklistTemplate:
    """Change the title and the co-authors; the versions and their points stay as they are."""
    template.title = title.strip()
    template.full_clean()
    template.save(update_fields=["title"])
    template.co_authors.set(co_authors)
    return template


def _require_draft(version: ChecklistVersion) -> None:
    if version.is_frozen:
        raise ValidationError(
            _("This version is published and can no longer change. Make a new version instead.")
        )


def version_update(
    *, version: ChecklistVersion, introduction: str, change_log: str
) -> ChecklistVersion:
    """Change a draft's introduction and change log."""
    _require_draft(version)
    version.introduction = introduction.strip()
    version.change_log = change_log.strip()
    version.full_clean()
    version.save(update_fields=["introduction", "change_log"])
    return version


def item_create(
    *, version: ChecklistVersion, text: str, help_text: str = "", category: str = ""
) -> ChecklistItem:
    """Add a point at the end of a draft version."""
    _require_draft(version)
    last = version.items.order_by("-order").values_list("order", flat=True).first()
    item = ChecklistItem(
        version=version,
        text=text.strip(),
        help_text=help_text.strip(),
        category=category.strip(),
        order=(last or 0) + 1,
    )
    item.full_clean()
    item.save()
    return item


def item_update(
    *, item: ChecklistItem, text: str, help_text: str = "", category: str = "", order: int
) -> ChecklistItem:
    """Change a point of a draft version."""
    _require_draft(item.version)
    item.text = text.strip()
    item.help_text = help_text.strip()
    item.category = category.strip()
    item.order = order
    item.full_clean()
    item.save(update_fields=["text", "help_text", "category", "order"])
    return item


def item_delete(*, item: ChecklistItem) -> None:
    """Remove a point from a draft version (no use can refer to a draft)."""
    _require_draft(item.version)
    item.delete()


@transaction.atomic
def version_revise(*, template: ChecklistTemplate) -> ChecklistVersion:
    """Start the next version as a draft copy of the current one; the current stays in use."""
    template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
    if template.status == ChecklistTemplate.Status.RETIRED:
        raise ValidationError(_("This checklist is retired and cannot be revised."))
    versions = list(template.versions.order_by("number"))
    if any(v.is_draft for v in versions):
        raise ValidationError(_("There is already a draft. Finish or publish it first."))
    current = next((v for v in reversed(versions) if v.is_current), None)
    if current is None:
        raise ValidationError(_("Publish the first version before you revise it."))
    draft = ChecklistVersion.objects.create(
        template=template,
        number=versions[-1].number + 1,
        introduction=current.introduction,
    )
    ChecklistItem.objects.bulk_create(
        ChecklistItem(
            version=draft,
            text=item.text,
            help_text=item.help_text,
            category=item.category,
            order=item.order,
            previous=item,
        )
        for item in current.items.all()
    )
    return draft


@transaction.atomic
def version_publish(*, version: ChecklistVersion, at: datetime.datetime | None = None):
    """Publish a draft: it becomes the version advisors record with, and the one before is
    frozen and retired (its uses keep pointing at it)."""
    template = ChecklistTemplate.objects.select_for_update().get(pk=version.template_id)
    version.refresh_from_db()
    _require_draft(version)
    if template.status == ChecklistTemplate.Status.RETIRED:
        raise ValidationError(_("This checklist is retired and cannot be published again."))
    errors = {}
    if not version.items.exists():
        errors["__all__"] = _("Add at least one point before you publish.")
    if version.number > 1 and not version.change_log.strip():
        errors["change_log"] = _("Say what changed in this version and why before you publish.")
    if errors:
        raise ValidationError(errors)
    now = at or timezone.now()
    template.versions.filter(published_at__isnull=False, retired_at__isnull=True).update(
        retired_at=now
    )
    version.published_at = now
    version.save(update_fields=["published_at"])
    if template.status != ChecklistTemplate.Status.PUBLISHED:
        template.status = ChecklistTemplate.Status.PUBLISHED
        template.save(update_fields=["status"])
    return version


@transaction.atomic
def template_retire(*, template: ChecklistTemplate) -> ChecklistTemplate:
    """Take a checklist out of use; recorded uses and figures stay."""
    template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
    if template.status == ChecklistTemplate.Status.RETIRED:
        return template
    template.versions.filter(published_at__isnull=False, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    template.status = ChecklistTemplate.Status.RETIRED
    template.save(update_fields=["status"])
    return template


# --- recorded uses -------------------------------------------------------------------------


def advisor_office_ids(*, programme: Programme, advisor: User, on: datetime.date | None = None):
    """The offices the person is an advisor for in the programme (current memberships)."""
    return set(
        Membership.objects.current(on=on)
        .filter(
            person=advisor,
            role=Membership.Role.ADVISOR,
            group__programmes=programme,
            office__isnull=False,
            office__in=programme.offices.all(),
        )
        .values_list("office_id", flat=True)
    )


def _validate_use(
    *,
    version: ChecklistVersion,
    advisor: User,
    office: Office | None,
    met_on: datetime.date | None,
    items: list[ChecklistItem],
    note: str,
) -> None:
    programme = version.template.programme
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if office is None or office.pk not in advisor_office_ids(programme=programme, advisor=advisor):
        errors.setdefault("office", []).append(
            _("You can only record first meetings at an office where you are an advisor.")
        )
    if met_on is None:
        errors.setdefault("met_on", []).append(_("Enter the date of the first meeting."))
    elif met_on > today:
        errors.setdefault("met_on", []).append(
            _("The date is in the future. Record the meeting after it has taken place.")
        )
    elif met_on < programme.starts_on:
        errors.setdefault("met_on", []).append(
            _("The date is before the programme started (%(date)s).")
            % {"date": date_format(programme.starts_on, "DATE_FORMAT")}
        )
    if any(item.version_id != version.pk for item in items):
        errors.setdefault("items_covered", []).append(
            _("Some of the points are not on this version of the checklist.")
        )
    if not items and not note.strip():
        errors.setdefault("items_covered", []).append(
            _("Tick the points you covered, or write a short note on why none were covered.")
        )
    if looks_like_national_id(note):
        errors.setdefault("note", []).append(
            _(
                "The note looks like it contains a national identity number. Remove it: "
                "nothing that can identify the young person may be stored here."
            )
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def use_record(
    *,
    version: ChecklistVersion,
    advisor: User,
    office: Office | None,
    met_on: datetime.date | None,
    items: Iterable[ChecklistItem],
    note: str = "",
) -> ChecklistUse:
    """Record that an advisor used the current version in a first meeting."""
    items = list(items)
    if not version.is_current or version.template.status != ChecklistTemplate.Status.PUBLISHED:
        raise ValidationError(
            _("This version of the checklist is no longer in use. Open the checklist again.")
        )
    _validate_use(
        version=version, advisor=advisor, office=office, met_on=met_on, items=items, note=note
    )
    use = ChecklistUse(
        version=version, advisor=advisor, office=office, met_on=met_on, note=note.strip()
    )
    use.full_clean()
    use.save()
    use.items_covered.set(items)
    return use


def use_is_correctable(*, use: ChecklistUse, by: User) -> bool:
    """Advisors correct their own uses for a while after recording them."""
    return use.advisor_id == by.pk and use.created_at >= timezone.now() - datetime.timedelta(
        days=CORRECTION_DAYS
    )


@transaction.atomic
def use_update(
    *,
    use: ChecklistUse,
    by: User,
    office: Office | None,
    met_on: datetime.date | None,
    items: Iterable[ChecklistItem],
    note: str = "",
) -> ChecklistUse:
    """Correct one's own recent use; it keeps the version it was recorded with."""
    items = list(items)
    if not use_is_correctable(use=use, by=by):
        raise ValidationError(_("You can only correct your own records from the last 30 days."))
    _validate_use(
        version=use.version, advisor=by, office=office, met_on=met_on, items=items, note=note
    )
    use.office = office
    use.met_on = met_on
    use.note = note.strip()
    use.full_clean()
    use.save(update_fields=["office", "met_on", "note", "updated_at"])
    use.items_covered.set(items)
    return use
