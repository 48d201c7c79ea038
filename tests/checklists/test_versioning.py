"""Draft → published → retired, and revisions: a published version never changes, and every
recorded use keeps the version it was made with."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from checklists import services
from checklists.models import ChecklistTemplate, ChecklistUse


@pytest.fixture
def draft(cast):
    template = services.template_create(
        programme=cast.programme,
        title="Sjekkliste for første møte",
        introduction="Til bruk i første møte.",
        co_authors=[cast.member],
    )
    version = template.versions.get()
    services.item_create(version=version, text="Forklar hvorfor vi møtes")
    services.item_create(version=version, text="Vær åpen om konsekvenser")
    return template, version


def _record(cast, version, **kwargs):
    return services.use_record(
        version=version,
        advisor=cast.advisor,
        office=cast.offices.gjovik,
        met_on=timezone.localdate(),
        items=kwargs.pop("items", list(version.items.all())),
        **kwargs,
    )


def test_a_new_checklist_is_a_draft_with_an_empty_version_1(cast):
    template = services.template_create(programme=cast.programme, title="Ny liste")

    assert template.status == ChecklistTemplate.Status.DRAFT
    version = template.versions.get()
    assert version.number == 1 and version.is_draft and not version.items.exists()


def test_publishing_makes_the_version_current_and_the_checklist_published(draft):
    template, version = draft

    services.version_publish(version=version)

    version.refresh_from_db()
    template.refresh_from_db()
    assert version.is_current
    assert template.status == ChecklistTemplate.Status.PUBLISHED
    assert list(template.co_authors.all())


def test_an_empty_version_cannot_be_published(cast):
    template = services.template_create(programme=cast.programme, title="Tom liste")

    with pytest.raises(ValidationError, match="at least one point"):
        services.version_publish(version=template.versions.get())

    assert template.versions.get().is_draft


def test_a_published_version_is_frozen(draft):
    _, version = draft
    services.version_publish(version=version)
    item = version.items.first()

    with pytest.raises(ValidationError, match="can no longer change"):
        services.item_update(item=item, text="Nytt", order=1)
    with pytest.raises(ValidationError):
        services.item_create(version=version, text="Ekstra")
    with pytest.raises(ValidationError):
        services.item_delete(item=item)
    with pytest.raises(ValidationError):
        services.version_update(version=version, introduction="Ny", change_log="")

    item.refresh_from_db()
    assert item.text == "Forklar hvorfor vi møtes"
    assert version.items.count() == 2


def test_a_revision_is_a_draft_copy_that_remembers_each_point(draft):
    template, version = draft
    services.version_publish(version=version)

    revision = services.version_revise(template=template)

    assert revision.number == 2 and revision.is_draft
    copies = list(revision.items.order_by("order"))
    assert [c.text for c in copies] == ["Forklar hvorfor vi møtes", "Vær åpen om konsekvenser"]
    assert [c.previous_id for c in copies] == list(
        version.items.order_by("order").values_list("pk", flat=True)
    )
    version.refresh_from_db()
    assert version.is_current  # advisors keep using version 1 until version 2 is published


def test_only_one_draft_at_a_time(draft):
    template, version = draft
    services.version_publish(version=version)
    services.version_revise(template=template)

    with pytest.raises(ValidationError, match="already a draft"):
        services.version_revise(template=template)


def test_a_revision_needs_a_change_log_before_it_is_published(draft):
    template, version = draft
    services.version_publish(version=version)
    revision = services.version_revise(template=template)

    with pytest.raises(ValidationError) as error:
        services.version_publish(version=revision)

    assert "change_log" in error.value.message_dict
    revision.refresh_from_db()
    assert revision.is_draft


def test_publishing_a_revision_retires_the_old_version_and_old_uses_keep_it(cast, draft):
    template, version = draft
    services.version_publish(version=version)
    old_use = _record(cast, version)
    revision = services.version_revise(template=template)
    services.item_update(
        item=revision.items.get(text="Forklar hvorfor vi møtes"),
        text="Forklar hvorfor vi møtes – og hvor lenge",
        order=1,
    )
    services.version_update(
        version=revision, introduction="", change_log="Punktet om hvorfor er gjort tydeligere."
    )

    services.version_publish(version=revision)

    version.refresh_from_db()
    revision.refresh_from_db()
    old_use.refresh_from_db()
    assert version.retired_at is not None and not version.is_current
    assert revision.is_current
    assert old_use.version == version
    assert {i.text for i in old_use.items_covered.all()} == {
        "Forklar hvorfor vi møtes",
        "Vær åpen om konsekvenser",
    }
    new_use = _record(cast, revision)
    assert new_use.version == revision


def test_a_use_cannot_be_recorded_with_a_retired_version(cast, draft):
    template, version = draft
    services.version_publish(version=version)
    revision = services.version_revise(template=template)
    services.version_update(version=revision, introduction="", change_log="Ny runde.")
    services.version_publish(version=revision)
    version.refresh_from_db()

    with pytest.raises(ValidationError, match="no longer in use"):
        _record(cast, version)

    assert not ChecklistUse.objects.exists()


def test_retiring_the_checklist_stops_recording_but_keeps_uses(cast, draft):
    template, version = draft
    services.version_publish(version=version)
    _record(cast, version)

    services.template_retire(template=template)

    template.refresh_from_db()
    version.refresh_from_db()
    assert template.status == ChecklistTemplate.Status.RETIRED
    assert version.retired_at is not None
    assert ChecklistUse.objects.count() == 1
    with pytest.raises(ValidationError):
        _record(cast, version)
    with pytest.raises(ValidationError, match="retired"):
        services.version_revise(template=template)


def test_publishing_can_be_dated_for_the_demo(draft):
    _, version = draft
    at = timezone.now() - datetime.timedelta(days=100)

    services.version_publish(version=version, at=at)

    version.refresh_from_db()
    assert version.published_at == at
