"""The goals pages: the programme's staff read them, coordinators add, change, archive and
restore goals; bad input comes back with every value kept; the baseline rule is warned about."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.models import Goal
from tests.reports.goal_factories import GoalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def url(name, **kwargs):
    return reverse(f"reports:{name}", kwargs={"slug": "best", **kwargs})


def form_data(**changes):
    data = {
        "title": "Raskere svar på innspill",
        "why": "Ungdommene venter for lenge.",
        "indicator": Goal.Indicator.INPUT_DAYS,
        "question": "",
        "office": "",
        "baseline_from": "01.01.2026",
        "baseline_to": "31.03.2026",
        "intervention_on": "01.04.2026",
        "target": "14,5",
        "higher_is_better": "false",
    }
    data.update(changes)
    return data


# --- Who may see ----------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(url("goal_list"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["coordinator", "leader", "advisor"])
def test_coordinator_steering_member_and_advisor_read_the_goals(login, cast, role):
    GoalFactory(programme=cast.programme, title="Flere møter opp", target=Decimal("80"))

    response = login(getattr(cast, role)).get(url("goal_list"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Flere møter opp" in content
    assert "80\xa0%" in content  # the target, formatted as everywhere in reports
    assert "<svg" not in content and "data:image/svg+xml" in content  # the chart, as an image
    assert "<table" in content  # ... with its figures in a table


def test_only_coordinators_see_the_buttons_to_change_goals(login, cast):
    goal = GoalFactory(programme=cast.programme)

    content = login(cast.leader).get(url("goal_list")).content.decode()

    assert url("goal_edit", goal_id=goal.pk) not in content
    assert url("goal_create") not in content


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_young_members_and_outsiders_get_a_404(login, cast, role):
    goal = GoalFactory(programme=cast.programme)
    client = login(getattr(cast, role))

    assert client.get(url("goal_list")).status_code == 404
    assert client.get(url("goal_edit", goal_id=goal.pk)).status_code == 404


@pytest.mark.parametrize("role", ["leader", "advisor"])
def test_staff_who_read_goals_cannot_change_them(login, cast, role):
    goal = GoalFactory(programme=cast.programme)
    client = login(getattr(cast, role))

    assert client.get(url("goal_create")).status_code == 404
    assert client.post(url("goal_create"), form_data()).status_code == 404
    assert client.post(url("goal_archive", goal_id=goal.pk)).status_code == 404
    assert Goal.objects.count() == 1
    assert Goal.objects.get().archived_at is None


def test_another_programmes_goal_is_a_404(login, cast):
    theirs = GoalFactory(programme=cast.other_programme)
    client = login(cast.coordinator)

    assert client.get(url("goal_edit", goal_id=theirs.pk)).status_code == 404
    assert client.post(url("goal_archive", goal_id=theirs.pk)).status_code == 404
    assert Goal.objects.get().archived_at is None


# --- Adding and changing ------------------------------------------------------------------------


def test_coordinator_adds_a_goal(login, cast):
    response = login(cast.coordinator).post(url("goal_create"), form_data())

    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.programme == cast.programme
    assert goal.target == Decimal("14.5")
    assert goal.higher_is_better is False
    assert goal.baseline_from == datetime.date(2026, 1, 1)
    assert goal.intervention_on == datetime.date(2026, 4, 1)


def test_a_missing_target_keeps_every_value_and_says_what_to_do(login, cast):
    response = login(cast.coordinator).post(url("goal_create"), form_data(target=""))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert 'value="Raskere svar på innspill"' in content
    assert "Ungdommene venter for lenge." in content
    assert 'value="31.03.2026"' in content
    assert Goal.objects.count() == 0


def test_a_baseline_ending_before_it_starts_is_refused_with_values_kept(login, cast):
    response = login(cast.coordinator).post(
        url("goal_create"), form_data(baseline_from="01.03.2026", baseline_to="01.01.2026")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert 'value="01.03.2026"' in content and 'value="14,5"' in content
    assert Goal.objects.count() == 0


def test_a_survey_goal_needs_its_statement(login, cast):
    response = login(cast.coordinator).post(
        url("goal_create"), form_data(indicator=Goal.Indicator.SURVEY_AGREE)
    )

    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert Goal.objects.count() == 0


def test_the_budget_cannot_be_narrowed_to_an_office(login, cast):
    response = login(cast.coordinator).post(
        url("goal_create"),
        form_data(indicator=Goal.Indicator.BUDGET_PACE, office=str(cast.offices.gjovik.pk)),
    )

    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert Goal.objects.count() == 0


def test_a_baseline_after_the_change_is_warned_about_before_saving(login, cast):
    client = login(cast.coordinator)
    data = form_data(baseline_to="15.04.2026")

    warned = client.post(url("goal_create"), data)

    assert warned.status_code == 200
    content = warned.content.decode()
    assert 'id="baseline-warning"' in content
    assert 'name="save_anyway"' in content
    assert 'value="15.04.2026"' in content
    assert Goal.objects.count() == 0

    saved = client.post(url("goal_create"), {**data, "save_anyway": "1"})

    assert saved.status_code == 302
    assert Goal.objects.count() == 1
    page = client.get(url("goal_list")).content.decode()
    assert "alert-warning" in page


def test_coordinator_changes_a_goal(login, cast):
    goal = GoalFactory(programme=cast.programme)
    client = login(cast.coordinator)

    form = client.get(url("goal_edit", goal_id=goal.pk))
    response = client.post(url("goal_edit", goal_id=goal.pk), form_data(title="Nytt mål"))

    assert form.status_code == 200
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Nytt mål"
    assert goal.indicator == Goal.Indicator.INPUT_DAYS


def test_archived_goal_leaves_the_page_and_can_be_put_back(login, cast):
    goal = GoalFactory(programme=cast.programme, title="Et mål som arkiveres")
    client = login(cast.coordinator)

    client.post(url("goal_archive", goal_id=goal.pk))
    goal.refresh_from_db()
    assert goal.is_archived
    assert "Et mål som arkiveres" not in login(cast.leader).get(url("goal_list")).content.decode()

    client = login(cast.coordinator)
    client.post(url("goal_restore", goal_id=goal.pk))
    goal.refresh_from_db()
    assert not goal.is_archived


def test_a_survey_goal_keeps_its_statement_and_survey(login, cast):
    from surveys.models import Round
    from tests.surveys.factories import QuestionFactory, SurveyFactory

    ours = QuestionFactory(survey=SurveyFactory(programme=cast.programme), text="Jeg forsto.")
    Round.objects.create(
        survey=ours.survey,
        name="Før",
        starts_on=datetime.date(2026, 1, 10),
        ends_on=datetime.date(2026, 3, 20),
    )
    theirs = QuestionFactory(survey=SurveyFactory(programme=cast.other_programme))
    client = login(cast.coordinator)
    survey_goal = form_data(indicator=Goal.Indicator.SURVEY_AGREE, higher_is_better="true")

    refused = client.post(url("goal_create"), {**survey_goal, "question": str(theirs.pk)})
    saved = client.post(url("goal_create"), {**survey_goal, "question": str(ours.pk)})

    assert refused.status_code == 200
    assert 'id="error-summary"' in refused.content.decode()
    assert saved.status_code == 302
    goal = Goal.objects.get()
    assert (goal.question, goal.survey) == (ours, ours.survey)
