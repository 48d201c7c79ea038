"""Recording a first meeting: what is stored, and every refusal the issue names, with nothing
stored when the service refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from checklists import services
from checklists.models import ChecklistUse
from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.participation.factories import MembershipFactory, OfficeFactory


@pytest.fixture
def checklist(cast):
    return published_checklist(cast.programme)


def _record(cast, version, **overrides):
    arguments = {
        "version": version,
        "advisor": cast.advisor,
        "office": cast.offices.gjovik,
        "met_on": timezone.localdate(),
        "items": list(version.items.all()),
        "note": "",
    } | overrides
    return services.use_record(**arguments)


def _refusal(cast, version, **overrides) -> dict:
    with pytest.raises(ValidationError) as error:
        _record(cast, version, **overrides)
    assert not ChecklistUse.objects.exists()
    return error.value.message_dict


def test_a_use_stores_office_advisor_date_version_and_points_only(cast, checklist):
    _, version, items = checklist

    use = _record(cast, version, items=items[:2], note="  Personen kom for sent.  ")

    assert use.office == cast.offices.gjovik
    assert use.advisor == cast.advisor
    assert use.met_on == timezone.localdate()
    assert use.version == version
    assert set(use.items_covered.all()) == set(items[:2])
    assert use.note == "Personen kom for sent."


def test_a_note_without_points_is_enough(cast, checklist):
    _, version, _ = checklist

    use = _record(cast, version, items=[], note="Møtet ble avlyst etter ti minutter.")

    assert use.items_covered.count() == 0


def test_no_points_and_no_note_is_refused(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(cast, version, items=[], note="   ")

    assert "Tick the points you covered" in errors["items_covered"][0]


def test_a_date_in_the_future_is_refused(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(cast, version, met_on=timezone.localdate() + datetime.timedelta(days=1))

    assert "in the future" in errors["met_on"][0]


def test_a_date_before_the_programme_is_refused(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(cast, version, met_on=cast.programme.starts_on - datetime.timedelta(days=1))

    assert "before the programme started" in errors["met_on"][0]


def test_the_first_day_of_the_programme_and_today_are_accepted(cast, checklist):
    _, version, _ = checklist

    _record(cast, version, met_on=cast.programme.starts_on)
    _record(cast, version, met_on=timezone.localdate())

    assert ChecklistUse.objects.count() == 2


def test_an_office_the_advisor_does_not_belong_to_is_refused(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(cast, version, office=cast.offices.toten)

    assert "where you are an advisor" in errors["office"][0]


def test_an_office_from_an_ended_advisor_membership_is_refused(cast, checklist):
    _, version, _ = checklist
    MembershipFactory(
        person=cast.advisor,
        group=cast.project_group,
        role="advisor",
        office=cast.offices.toten,
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    errors = _refusal(cast, version, office=cast.offices.toten)

    assert "office" in errors


def test_an_office_outside_the_programme_is_refused_even_for_an_advisor_there(cast, checklist):
    _, version, _ = checklist
    elsewhere = OfficeFactory(code="hamar")
    MembershipFactory(
        person=cast.advisor, group=cast.project_group, role="advisor", office=elsewhere
    )

    errors = _refusal(cast, version, office=elsewhere)

    assert "office" in errors


def test_someone_who_is_not_an_advisor_cannot_record(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(cast, version, advisor=cast.leader)  # an office leader at NAV Gjøvik

    assert "office" in errors


@pytest.mark.parametrize("note", ["Fnr 01020312345", "010203 12345 kom ikke"])
def test_a_note_with_a_national_id_number_is_refused(cast, checklist, note):
    _, version, _ = checklist

    errors = _refusal(cast, version, note=note)

    assert "national identity number" in errors["note"][0]


def test_points_from_another_version_are_refused(cast, checklist):
    template, version, _ = checklist
    _, _, other_items = published_checklist(cast.programme)

    errors = _refusal(cast, version, items=other_items[:1])

    assert "items_covered" in errors


def test_every_refusal_is_reported_at_once(cast, checklist):
    _, version, _ = checklist

    errors = _refusal(
        cast,
        version,
        office=cast.offices.toten,
        met_on=timezone.localdate() + datetime.timedelta(days=3),
        items=[],
        note="01020312345",
    )

    assert set(errors) == {"office", "met_on", "note"}


def test_an_advisor_corrects_their_own_recent_use_and_it_keeps_its_version(cast, checklist):
    _, version, items = checklist
    use = _record(cast, version, items=items[:1])

    services.use_update(
        use=use,
        by=cast.advisor,
        office=cast.offices.gjovik,
        met_on=timezone.localdate() - datetime.timedelta(days=2),
        items=items,
        note="Rettet.",
    )

    use.refresh_from_db()
    assert use.version == version
    assert use.items_covered.count() == 3
    assert use.met_on == timezone.localdate() - datetime.timedelta(days=2)


def test_a_correction_is_refused_like_a_new_record(cast, checklist):
    _, version, items = checklist
    use = _record(cast, version, items=items[:1])

    with pytest.raises(ValidationError) as error:
        services.use_update(
            use=use,
            by=cast.advisor,
            office=cast.offices.gjovik,
            met_on=use.met_on,
            items=[],
            note="010203 12345",
        )

    assert "note" in error.value.message_dict
    use.refresh_from_db()
    assert use.note == "" and use.items_covered.count() == 1


def test_nobody_corrects_another_advisors_use_or_an_old_one(cast, checklist):
    _, version, items = checklist
    old = ChecklistUseFactory(version=version, office=cast.offices.gjovik, advisor=cast.advisor)
    ChecklistUse.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    old.refresh_from_db()
    recent = _record(cast, version)

    assert not services.use_is_correctable(use=old, by=cast.advisor)
    assert not services.use_is_correctable(use=recent, by=cast.coordinator)
    with pytest.raises(ValidationError):
        services.use_update(
            use=old, by=cast.advisor, office=cast.offices.gjovik, met_on=old.met_on, items=items
        )
