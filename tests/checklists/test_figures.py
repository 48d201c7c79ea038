"""Adoption figures against a hand-counted fixture: first meetings per office (the survey's
denominator), coverage per point and office, and each version's uptake."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from checklists import selectors
from tests.checklists.factories import (
    ChecklistItemFactory,
    ChecklistTemplateFactory,
    ChecklistUseFactory,
    ChecklistVersionFactory,
    published_checklist,
)
from tests.participation.factories import UserFactory

pytestmark = pytest.mark.calendar


def _day(days_ago):
    return timezone.localdate() - datetime.timedelta(days=days_ago)


@pytest.fixture
def fixture(cast):
    """Version 1 (A, B, C) until 100 days ago, then version 2 (A', B' and a new D).

    use  office  version  days ago  ticked
    u0   gjøvik  1        170       A B C   (before the period)
    u1   gjøvik  1        150       A B C
    u2   gjøvik  1        140       A
    u3   toten   1        130       B C
    u4   gjøvik  2         20       A' D
    u5   gjøvik  2         10       A' B' D
    u6   toten   2          5       –       (a note only)
    and one use in another programme, which never counts.
    """
    now = timezone.now()
    template = ChecklistTemplateFactory(programme=cast.programme, title="Første møte")
    v1 = ChecklistVersionFactory(
        template=template,
        number=1,
        published_at=now - datetime.timedelta(days=200),
        retired_at=now - datetime.timedelta(days=100),
    )
    a, b, c = (ChecklistItemFactory(version=v1, text=t, order=i) for i, t in enumerate("ABC"))
    v2 = ChecklistVersionFactory(
        template=template, number=2, published_at=now - datetime.timedelta(days=100)
    )
    a2 = ChecklistItemFactory(version=v2, text="A2", order=1, previous=a)
    b2 = ChecklistItemFactory(version=v2, text="B2", order=2, previous=b)
    d = ChecklistItemFactory(version=v2, text="D", order=3)
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    second_advisor = UserFactory()
    toten_advisor = UserFactory()

    def use(office, version, days_ago, items, advisor=cast.advisor, note=""):
        return ChecklistUseFactory(
            office=office,
            version=version,
            met_on=_day(days_ago),
            items_covered=items,
            advisor=advisor,
            note=note,
        )

    use(gjovik, v1, 170, [a, b, c])
    use(gjovik, v1, 150, [a, b, c])
    use(gjovik, v1, 140, [a])
    use(toten, v1, 130, [b, c], advisor=toten_advisor)
    use(gjovik, v2, 20, [a2, d], advisor=second_advisor)
    use(gjovik, v2, 10, [a2, b2, d], advisor=second_advisor)
    use(toten, v2, 5, [], advisor=toten_advisor, note="Kort møte.")
    _, other_version, other_items = published_checklist(cast.other_programme)
    ChecklistUseFactory(
        office=gjovik,
        version=other_version,
        met_on=_day(10),
        items_covered=other_items,
        advisor=cast.outsider,
    )
    return SimpleNamespace(
        template=template,
        v1=v1,
        v2=v2,
        a=a,
        b=b,
        c=c,
        a2=a2,
        b2=b2,
        d=d,
        gjovik=gjovik,
        toten=toten,
    )


def test_first_meetings_per_office_counts_uses_in_the_period(cast, fixture):
    counts = selectors.first_meetings_per_office(
        programme=cast.programme, start=_day(160), end=_day(0)
    )

    assert counts == {fixture.gjovik.pk: 4, fixture.toten.pk: 2}


def test_first_meetings_per_office_includes_both_ends_of_the_period(cast, fixture):
    counts = selectors.first_meetings_per_office(
        programme=cast.programme, start=_day(150), end=_day(10)
    )

    assert counts == {fixture.gjovik.pk: 4, fixture.toten.pk: 1}


def test_item_coverage_per_office_counts_ticks_out_of_uses_of_a_version_with_the_item(
    cast, fixture
):
    f = fixture

    coverage = selectors.item_coverage_per_office(
        programme=cast.programme, start=_day(160), end=_day(0)
    )

    assert coverage == {
        (f.gjovik.pk, f.a.pk): (2, 2),
        (f.gjovik.pk, f.b.pk): (1, 2),
        (f.gjovik.pk, f.c.pk): (1, 2),
        (f.gjovik.pk, f.a2.pk): (2, 2),
        (f.gjovik.pk, f.b2.pk): (1, 2),
        (f.gjovik.pk, f.d.pk): (2, 2),
        (f.toten.pk, f.a.pk): (0, 1),
        (f.toten.pk, f.b.pk): (1, 1),
        (f.toten.pk, f.c.pk): (1, 1),
        (f.toten.pk, f.a2.pk): (0, 1),
        (f.toten.pk, f.b2.pk): (0, 1),
        (f.toten.pk, f.d.pk): (0, 1),
    }


def test_the_shared_selectors_are_empty_for_a_period_without_uses(cast, fixture):
    arguments = {"programme": cast.programme, "start": _day(99), "end": _day(30)}

    assert selectors.first_meetings_per_office(**arguments) == {}
    assert selectors.item_coverage_per_office(**arguments) == {}


def test_the_shared_selectors_use_a_fixed_number_of_queries(
    cast, fixture, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        selectors.first_meetings_per_office(programme=cast.programme, start=_day(160), end=_day(0))
    with django_assert_max_num_queries(3):
        selectors.item_coverage_per_office(programme=cast.programme, start=_day(160), end=_day(0))


def _adoption(cast, fixture, offices=None):
    return selectors.adoption(
        template=fixture.template,
        offices=offices if offices is not None else cast.programme.offices.all(),
        start=_day(160),
        end=_day(0),
    )


def test_adoption_per_office_counts_uses_and_advisors(cast, fixture):
    figures = _adoption(cast, fixture)

    rows = {row.office.code: row for row in figures.offices}
    assert (rows["gjovik"].uses, rows["gjovik"].advisors) == (4, 2)
    assert (rows["ostre-toten"].uses, rows["ostre-toten"].advisors) == (2, 1)
    assert rows["gjovik"].last_use == _day(10)
    assert figures.total_uses == 6
    assert sum(rows["gjovik"].per_month) == 4
    assert len(figures.months) in (6, 7)


def test_adoption_follows_a_revised_point_across_versions(cast, fixture):
    figures = _adoption(cast, fixture)

    by_text = {point.text: point for point in figures.points}
    # A and A2 are one point, shown with its latest wording.
    assert set(by_text) == {"A2", "B2", "C", "D"}
    assert (by_text["A2"].ticked, by_text["A2"].offered, by_text["A2"].share) == (4, 6, 67)
    assert (by_text["B2"].ticked, by_text["B2"].offered, by_text["B2"].share) == (3, 6, 50)
    assert (by_text["C"].ticked, by_text["C"].offered) == (2, 3)
    assert (by_text["D"].ticked, by_text["D"].offered) == (2, 3)
    assert by_text["A2"].office_cells == [(4, 4, 100), (0, 2, 0)]  # gjøvik, toten


def test_the_most_often_skipped_point_comes_first(cast, fixture):
    figures = _adoption(cast, fixture)

    assert figures.points_most_skipped_first[0].text == "B2"


def test_each_version_shows_its_uses_and_average_coverage(cast, fixture):
    figures = _adoption(cast, fixture)

    v1, v2 = figures.versions
    assert (v1.version.number, v1.uses, v1.average_share) == (1, 3, 67)  # 6 of 9
    assert (v2.version.number, v2.uses, v2.average_share) == (2, 3, 56)  # 5 of 9
    by_text = {point.text: point for point in figures.points}
    assert by_text["D"].version_cells == [(0, 0, None, False), (2, 3, 67, True)]


def test_adoption_can_be_limited_to_one_office(cast, fixture):
    figures = _adoption(cast, fixture, offices=cast.programme.offices.filter(code="gjovik"))

    assert [row.office.code for row in figures.offices] == ["gjovik"]
    assert figures.total_uses == 4
    by_text = {point.text: point for point in figures.points}
    assert (by_text["B2"].ticked, by_text["B2"].offered) == (2, 4)


def test_adoption_queries_do_not_grow_with_uses(cast, fixture, django_assert_max_num_queries):
    for _ in range(20):
        ChecklistUseFactory(
            office=fixture.gjovik,
            version=fixture.v2,
            met_on=_day(3),
            advisor=cast.advisor,
            items_covered=[fixture.d],
        )

    with django_assert_max_num_queries(8):
        figures = _adoption(cast, fixture)
        [point.share for point in figures.points_most_skipped_first]


def test_a_point_is_followed_across_versions(cast, fixture):
    f = fixture

    assert selectors.same_point_item_ids(item=f.a2) == {f.a.pk, f.a2.pk}
    assert selectors.same_point_item_ids(item=f.b) == {f.b.pk, f.b2.pk}
    assert selectors.same_point_item_ids(item=f.d) == {f.d.pk}
