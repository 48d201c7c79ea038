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
