"""The adoption figures page and its CSV files: coordinators and the steering group see every
office, advisors their own; charts are accessible SVG with the same figures in tables."""

import datetime

import pytest
from django.utils import timezone

from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.participation.factories import UserFactory


@pytest.fixture
def checklist(cast):
    template, version, items = published_checklist(
        cast.programme, points=("Forklar hvorfor vi møtes", "Vær åpen om konsekvenser")
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for _ in range(3):
        ChecklistUseFactory(
            version=version,
            office=cast.offices.gjovik,
            advisor=cast.advisor,
            met_on=yesterday,
            items_covered=items[:1],
        )
    ChecklistUseFactory(
        version=version,
        office=cast.offices.toten,
        advisor=UserFactory(),
        met_on=yesterday,
        items_covered=items,
    )
    return template, version, items


def _url(template, suffix=""):
    return f"/p/best/checklist/{template.pk}/figures/{suffix}"


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_coordinators_and_the_steering_group_see_every_office(cast, login, checklist, role):
    template, _, _ = checklist

    body = login(getattr(cast, role)).get(_url(template)).content.decode()

    assert "NAV Gjøvik" in body and "NAV Østre Toten" in body
    assert "4 first meetings recorded" in body


def test_an_advisor_sees_only_their_own_office(cast, login, checklist):
    template, _, _ = checklist

    body = login(cast.advisor).get(_url(template)).content.decode()

    assert "NAV Gjøvik" in body
    assert "NAV Østre Toten" not in body
    assert "3 first meetings recorded" in body
    assert "your own office" in body


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_others_get_404(cast, login, checklist, role):
    template, _, _ = checklist
    client = login(getattr(cast, role))

    assert client.get(_url(template)).status_code == 404
    assert client.get(_url(template, "first-meetings.csv")).status_code == 404
    assert client.get(_url(template, "points.csv")).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, checklist):
    template, _, _ = checklist

    assert client.get(_url(template)).status_code == 302


def test_charts_are_labelled_svg_images_beside_tables(cast, login, checklist):
    template, _, _ = checklist

    body = login(cast.coordinator).get(_url(template)).content.decode()

    assert body.count('role="img"') == 3
    assert 'aria-labelledby="chart-points-title chart-points-desc"' in body
    assert '<title id="chart-points-title">' in body
    assert body.count("<caption>") >= 4
    assert '<th scope="row">Vær åpen om konsekvenser</th>' in body


def test_the_most_skipped_point_is_first_with_its_share(cast, login, checklist):
    template, _, _ = checklist

    body = login(cast.coordinator).get(_url(template)).content.decode()

    # Consequences: covered in 1 of 4 first meetings; "why we meet" in 4 of 4.
    assert body.index("Vær åpen om konsekvenser") < body.index("Forklar hvorfor vi møtes")
    assert "25 %" in body and "100 %" in body


def test_a_bad_period_is_explained_and_the_default_shown(cast, login, checklist):
    template, _, _ = checklist

    response = login(cast.coordinator).get(_url(template), {"start": "2025-05-01", "end": "x"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in body
    assert "4 first meetings recorded" in body


def test_a_chosen_period_limits_the_figures(cast, login, checklist):
    template, _, _ = checklist
    today = timezone.localdate()

    body = (
        login(cast.coordinator)
        .get(_url(template), {"start": today.isoformat(), "end": today.isoformat()})
        .content.decode()
    )

    assert "0 first meetings recorded" in body


def test_the_first_meetings_csv_has_a_row_per_office_and_month(cast, login, checklist):
    template, _, _ = checklist
    month = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%Y-%m")

    response = login(cast.coordinator).get(_url(template, "first-meetings.csv"))

    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Office code;Office;Month;First meetings;Version published"
    assert f"gjovik;NAV Gjøvik;{month};3;" in lines
    assert f"ostre-toten;NAV Østre Toten;{month};1;" in lines
    assert len(lines) == 1 + 2 * 12


def test_the_points_csv_has_a_row_per_point_and_office(cast, login, checklist):
    template, _, _ = checklist

    response = login(cast.advisor).get(_url(template, "points.csv"))

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Point;Category;Versions;Office code;Office;Covered;Out of;Share"
    assert lines[1:] == [
        "Vær åpen om konsekvenser;;1;gjovik;NAV Gjøvik;0;3;0,00",
        "Forklar hvorfor vi møtes;;1;gjovik;NAV Gjøvik;3;3;1,00",
    ]


def test_the_figures_page_needs_the_same_queries_for_more_uses(
    cast, login, checklist, django_assert_max_num_queries
):
    template, version, items = checklist
    client = login(cast.coordinator)
    client.get(_url(template))
    for _ in range(10):
        ChecklistUseFactory(
            version=version, office=cast.offices.toten, advisor=UserFactory(), items_covered=items
        )

    with django_assert_max_num_queries(20):
        assert client.get(_url(template)).status_code == 200
