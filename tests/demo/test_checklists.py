"""The demo checklist: two versions, a year of uses from every office, and idempotent."""

import pytest
from django.db.models import Count

from checklists import selectors
from checklists.demo import demo_items, seed_checklists
from checklists.models import ChecklistItem, ChecklistTemplate, ChecklistUse, ChecklistVersion

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture
def programme(db, demo_programme):
    return demo_programme


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (ChecklistTemplate, ChecklistVersion, ChecklistItem, ChecklistUse)
    } | {"ticks": ChecklistUse.items_covered.through.objects.count()}


def test_seeding_twice_changes_nothing(programme):
    seed_checklists(programme=programme)
    first = _counts()
    seed_checklists(programme=programme)

    assert _counts() == first
    assert first["ChecklistVersion"] == 2


def test_version_2_is_in_use_and_version_1_kept_its_uses(programme):
    seed_checklists(programme=programme)

    template = ChecklistTemplate.objects.get(programme=programme)
    v1, v2 = template.versions.order_by("number")
    assert v1.retired_at is not None and v2.is_current
    assert v2.change_log
    assert v1.uses.exists() and v2.uses.exists()
    assert v2.items.count() == v1.items.count() + 1
    assert template.co_authors.filter(email="representative@example.org").exists()


def test_every_office_has_uses_and_gjovik_is_far_ahead_of_sondre_land(programme):
    seed_checklists(programme=programme)

    per_office = dict(ChecklistUse.objects.values_list("office__code").annotate(n=Count("pk")))
    assert set(per_office) == {
        "gjovik",
        "nordre-land",
        "sondre-land",
        "vestre-toten",
        "ostre-toten",
    }
    assert per_office["gjovik"] > 3 * per_office["nordre-land"] / 2
    assert per_office["sondre-land"] < 10
    assert max(per_office, key=per_office.get) == "gjovik"


def test_the_point_about_consequences_is_the_most_often_skipped(programme):
    seed_checklists(programme=programme)
    template = ChecklistTemplate.objects.get(programme=programme)
    start, end = selectors.default_period()

    figures = selectors.adoption(
        template=template, offices=programme.offices.all(), start=start, end=end
    )

    assert figures.points_most_skipped_first[0].text.startswith("Vær åpen om konsekvenser")


def test_the_survey_can_find_the_points_by_key(programme):
    seed_checklists(programme=programme)

    items = demo_items(programme=programme)

    assert items["purpose"].text == "Forklar hvorfor vi møtes og hva som skal skje"
    assert items["contact"].version.is_current
