"""The demo's goals: each has a baseline measured before its change and a latest value, one
has met its target and one is moving the wrong way, on whatever day the demo is seeded."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.goals import goal_progress

pytestmark = [pytest.mark.calendar]


def test_every_demo_goal_has_a_baseline_before_its_change_and_a_latest_value(demo_programme, db):
    progress = goal_progress(demo_programme, today=timezone.localdate())

    assert len(progress) == 5
    for each in progress:
        assert each.baseline is not None, each.goal.title
        assert each.latest is not None, each.goal.title
        assert each.warnings == [], each.goal.title
        assert each.goal.baseline_to < each.goal.intervention_on
        assert not each.suppressed


def test_one_demo_goal_has_met_its_target_and_one_is_moving_the_wrong_way(demo_programme, db):
    progress = goal_progress(demo_programme, today=timezone.localdate())
    by_title = {each.goal.title: each for each in progress}

    met = by_title["Flere unge vet hva NAV kan hjelpe dem med"]
    assert met.is_target_met
    assert (met.baseline, met.latest) == (met.trend[0][1], met.trend[-1][1])
    wrong = by_title["Unge vet hvordan de når veilederen sin"]
    assert wrong.moving_wrong_way
    assert wrong.latest < wrong.previous


def test_the_demo_goals_page_shows_them_to_the_steering_member(demo_programme, client, db):
    from participation.models import User
    from tests.conftest import force_login_with_mfa

    force_login_with_mfa(client, User.objects.get(email="steering@example.org"))
    page = client.get(reverse("reports:goal_list", kwargs={"slug": demo_programme.slug}))

    assert page.status_code == 200
    text = page.content.decode()
    assert "Flere unge vet hva NAV kan hjelpe dem med" in text
    assert "Målet er nådd" in text or "Target met" in text
