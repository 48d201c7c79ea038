"""Yearly tasks of the annual plan: the coordinator defines them; they show in the plan beside
the meetings, done or not each year; the coordinator or the person responsible marks them;
they reach the coordinator's start page two weeks before they are due."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.access import programme_access_for
from participation.models import AnnualTask, AnnualTaskDone
from participation.selectors.tasks import coordinator_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _task(cast, **fields):
    values = {"programme": cast.programme, "title": "Årsrapport til fylkeskommunen", "month": 2}
    values.update(fields)
    return AnnualTask.objects.create(**values)


def _form(cast, **changes):
    data = {
        "title": "Revidere mandatet",
        "month": "3",
        "day": "",
        "owner": cast.leader.pk,
        "description": "Sammen med ressursgruppa",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_coordinator_adds_a_yearly_task(cast, login):
    response = login(cast.coordinator).post(reverse("annual_tasks", args=["best"]), _form(cast))
    assert response.status_code == 302
    task = AnnualTask.objects.get()
    assert (task.title, task.month, task.day, task.owner) == (
        "Revidere mandatet",
        3,
        None,
        cast.leader,
    )


def test_coordinator_changes_and_stops_a_task(cast, login):
    task = _task(cast)
    url = reverse("annual_task_edit", args=["best", task.pk])
    login(cast.coordinator).post(
        url, _form(cast, title="Årsrapport", month="2", day="15", is_active="")
    )
    task.refresh_from_db()
    assert (task.title, task.day, task.is_active) == ("Årsrapport", 15, False)


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("month", "13"), ("month", ""), ("day", "0"), ("day", "tolv"), ("day", "31")],
)
def test_bad_input_is_a_message_and_values_are_kept(cast, login, field, value):
    # Day 31 does not exist in April.
    data = _form(cast, **{"month": "4", field: value})
    response = login(cast.coordinator).post(reverse("annual_tasks", args=["best"]), data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "Sammen med ressursgruppa" in response.content.decode()
    assert not AnnualTask.objects.exists()


def test_owner_outside_the_programme_is_refused(cast, login):
    data = _form(cast, owner=cast.outsider.pk)
    response = login(cast.coordinator).post(reverse("annual_tasks", args=["best"]), data)
    assert response.context["form"].errors["owner"]
    assert not AnnualTask.objects.exists()


def test_29_february_falls_on_the_28th_in_other_years(cast):
    task = _task(cast, day=29)
    assert task.due_on(2027) == datetime.date(2027, 2, 28)
    assert task.due_on(2028) == datetime.date(2028, 2, 29)
    assert _task(cast, title="Uten dag", month=4).due_on(2027) == datetime.date(2027, 4, 30)


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_the_coordinator_defines_tasks(cast, login, who):
    client = login(getattr(cast, who))
    assert client.post(reverse("annual_tasks", args=["best"]), _form(cast)).status_code == 404
    assert not AnnualTask.objects.exists()


def test_the_plan_shows_the_task_beside_the_meetings(cast, login):
    task = _task(cast, day=15, owner=cast.leader)
    html = login(cast.member).get(reverse("annual_plan_year", args=["best", 2027])).content.decode()
    assert "Årsrapport til fylkeskommunen" in html
    assert "responsible: Kari Leder" in html
    assert "Not done" in html
    # A plain member sees it but cannot mark it.
    assert reverse("annual_task_done", args=["best", task.pk, 2027]) not in html


def test_the_owner_marks_it_done_for_one_year_only(cast, login):
    task = _task(cast, owner=cast.leader)
    client = login(cast.leader)
    url = reverse("annual_task_done", args=["best", task.pk, 2027])
    assert client.post(url, {"done": "1"}).status_code == 302
    client.post(url, {"done": "1"})
    assert list(AnnualTaskDone.objects.values_list("year", flat=True)) == [2027]
    html = client.get(reverse("annual_plan_year", args=["best", 2028])).content.decode()
    assert "Not done" in html


def test_not_done_after_all(cast, login):
    task = _task(cast)
    AnnualTaskDone.objects.create(task=task, year=2027)
    url = reverse("annual_task_done", args=["best", task.pk, 2027])
    login(cast.coordinator).post(url, {"done": "0"})
    assert not AnnualTaskDone.objects.exists()


@pytest.mark.parametrize("who", ["member", "advisor", "outsider"])
def test_others_cannot_mark_it(cast, login, who):
    task = _task(cast, owner=cast.leader)
    url = reverse("annual_task_done", args=["best", task.pk, 2027])
    assert login(getattr(cast, who)).post(url, {"done": "1"}).status_code == 404
    assert not AnnualTaskDone.objects.exists()


def test_a_task_due_within_two_weeks_is_on_the_start_page_until_done(cast):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=10)
    # Only this year's date counts: pin a task in the same year as today.
    if soon.year != today.year:
        soon = today
    task = _task(cast, month=soon.month, day=soon.day, owner=cast.leader)
    access = programme_access_for(cast.coordinator, cast.programme)
    found = {t.key: t for t in coordinator_tasks(access=access, user=cast.coordinator)}
    assert found["annual_tasks"].count == 1
    assert "Kari Leder" in found["annual_tasks"].items[0].note
    AnnualTaskDone.objects.create(task=task, year=today.year)
    found = {t.key: t for t in coordinator_tasks(access=access, user=cast.coordinator)}
    assert found["annual_tasks"].count == 0


def test_a_task_far_ahead_is_not_on_the_start_page(cast):
    today = timezone.localdate()
    later = today + datetime.timedelta(days=20)
    if later.year != today.year:
        pytest.skip("no later day this year")  # the last days of December
    _task(cast, month=later.month, day=later.day)
    access = programme_access_for(cast.coordinator, cast.programme)
    found = {t.key: t for t in coordinator_tasks(access=access, user=cast.coordinator)}
    assert found["annual_tasks"].count == 0
