"""The demo shows inputs answered by those who own them (issue 15), on any date."""

import pytest
from django.utils import timezone

from participation.access import programme_access_for
from participation.models import User
from participation.selectors.inputs import input_owner_overview, inputs_owed_by

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_the_office_leader_owes_inputs_of_their_office_one_of_them_late(demo_programme):
    leader = User.objects.get(email="steering@example.org")

    owed = {
        item.title: item
        for item in inputs_owed_by(access=programme_access_for(leader, demo_programme))
    }

    assert owed["Mer informasjon om rettigheter når man er syk"].is_feedback_overdue
    assert not owed["Lang ventetid i skranken"].is_feedback_overdue


def test_the_advisor_owes_one_input_not_yet_due(demo_programme):
    advisor = User.objects.get(email="advisor@example.org")

    owed = list(inputs_owed_by(access=programme_access_for(advisor, demo_programme)))

    assert len(owed) == 1 and not owed[0].is_feedback_overdue


def test_the_coordinators_overview_names_the_leader_and_the_advisor(demo_programme):
    rows = input_owner_overview(programme=demo_programme, today=timezone.localdate())

    owners = {person.email for row in rows for person in row.owners}
    assert {"steering@example.org", "advisor@example.org"} <= owners
    assert any(row.days_overdue > 0 for row in rows)
