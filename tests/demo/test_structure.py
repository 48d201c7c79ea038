"""The demo shows the seeds' structure: where the members live (counted, never named) and
each office's advisor time, planned against used."""

import pytest
from django.urls import reverse

from participation.models import AdvisorTimeEntry, AdvisorTimePlan, User
from resourcegroup.selectors.representation import representation
from tests.conftest import force_login_with_mfa

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_every_office_has_planned_advisor_time_and_recent_months_used(demo_programme):
    assert AdvisorTimePlan.objects.filter(programme=demo_programme).count() == 5
    assert AdvisorTimeEntry.objects.filter(programme=demo_programme).count() >= 10
    assert AdvisorTimeEntry.objects.exclude(note="").exists()


def test_young_members_have_a_municipality(demo_programme):
    result = representation(programme=demo_programme)
    counted = {row.label: row.count for row in result.municipalities}
    assert counted["Gjøvik"] >= 1
    assert sum(counted.values()) == result.total.count


def test_the_pages_render_for_the_coordinator_and_the_steering_group(demo_programme, client):
    slug = demo_programme.slug
    for email in ("coordinator@example.org", "steering@example.org"):
        force_login_with_mfa(client, User.objects.get(email=email))
        html = client.get(reverse("resourcegroup:representation", args=[slug])).content.decode()
        assert "Emma Johansen" not in html
        assert "under 5" in html
        html = client.get(reverse("advisor_time", args=[slug])).content.decode()
        assert "NAV Nordre Land" in html


def test_the_annual_plan_has_yearly_tasks_and_one_is_due_on_the_start_page(demo_programme):
    from participation.access import programme_access_for
    from participation.selectors.tasks import coordinator_tasks

    coordinator = User.objects.get(email="coordinator@example.org")
    access = programme_access_for(coordinator, demo_programme)
    found = {t.key: t for t in coordinator_tasks(access=access, user=coordinator)}
    assert found["annual_tasks"].count >= 1
    assert demo_programme.annual_tasks.count() == 7


def test_seeding_again_adds_no_yearly_tasks(demo_programme):
    from django.core.management import call_command

    from participation.models import AnnualTask, AnnualTaskDone

    counts = AnnualTask.objects.count(), AnnualTaskDone.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (AnnualTask.objects.count(), AnnualTaskDone.objects.count()) == counts
