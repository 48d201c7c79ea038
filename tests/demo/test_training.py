"""The demo shows training (issue 15): five modules in Norwegian, who has done them, one
refresher overdue and one due soon whatever day the demo is seeded, on the people's pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.models import User
from participation.selectors.training import (
    TrainingState,
    training_refreshers_due,
    training_table,
)
from tests.conftest import force_login_with_mfa

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_five_modules_with_one_refresher_overdue_and_one_due_soon(demo_programme):
    tables = training_table(programme=demo_programme, today=timezone.localdate())
    assert len(tables) == 5
    assert "Innføring i brukermedvirkning" in {t.module.title for t in tables}
    privacy = next(t for t in tables if t.module.title == "Taushetsplikt og personvern")
    states = {row.person.email: row.state for row in privacy.rows}
    assert states["advisor@example.org"] == TrainingState.OVERDUE
    assert states["representative@example.org"] == TrainingState.DUE_SOON
    assert TrainingState.NEVER in states.values()
    assert TrainingState.DONE in states.values()


def test_the_representative_sees_the_refresher_on_her_start_page(demo_programme, client):
    emma = User.objects.get(email="representative@example.org")
    due = training_refreshers_due(programme=demo_programme, person=emma, today=timezone.localdate())
    assert [row.module.title for row in due] == ["Taushetsplikt og personvern"]
    force_login_with_mfa(client, emma)
    html = client.get(reverse("programme_detail", args=[demo_programme.slug])).content.decode()
    assert "Taushetsplikt og personvern" in html
    html = client.get(reverse("training_mine", args=[demo_programme.slug])).content.decode()
    assert "Møteledelse for brukerrepresentanter" in html


def test_the_coordinator_table_renders(demo_programme, client):
    force_login_with_mfa(client, User.objects.get(email="coordinator@example.org"))
    response = client.get(reverse("training_overview", args=[demo_programme.slug]))
    assert response.status_code == 200
    assert "Sara Holm" in response.content.decode()


def test_seeding_again_keeps_the_training_as_it_was(demo_programme):
    from django.core.management import call_command

    from participation.models import TrainingCompletion, TrainingModule

    counts = TrainingModule.objects.count(), TrainingCompletion.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (TrainingModule.objects.count(), TrainingCompletion.objects.count()) == counts
