"""The demo shows decisions followed up and an input handed over (issue 15), on any date."""

import pytest
from django.utils import timezone

from participation.access import programme_access_for
from participation.models import ActionItem, Input, User
from participation.selectors.meetings import (
    action_items_owed_by,
    decision_follow_ups,
    follow_up_summary,
    open_follow_ups_before,
)

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_decisions_have_follow_ups_done_open_and_overdue(demo_programme):
    summary = follow_up_summary(demo_programme, today=timezone.localdate())

    assert summary.done >= 1 and summary.overdue >= 1 and summary.open > summary.overdue
    assert summary.decisions > summary.decisions_followed_up >= 3


def test_the_done_follow_up_has_a_note_and_its_decision_what_came_of_it(demo_programme):
    done = [
        row
        for row in decision_follow_ups(demo_programme, today=timezone.localdate())
        if row.status == ActionItem.Status.DONE
    ]

    assert done and all(row.note for row in done)
    assert any(row.decision.follow_up for row in done)


def test_the_representative_owes_an_overdue_follow_up(demo_programme):
    representative = User.objects.get(email="representative@example.org")

    owed = action_items_owed_by(programme=demo_programme, person_id=representative.pk)

    assert any(item.decision_id and item.is_overdue for item in owed)


def test_the_advisor_owes_an_open_follow_up_not_yet_due(demo_programme):
    advisor = User.objects.get(email="advisor@example.org")
    access = programme_access_for(advisor, demo_programme)

    owed = action_items_owed_by(programme=demo_programme, person_id=access.person_id)

    assert any(item.decision_id and not item.is_overdue for item in owed)


def test_the_resource_groups_next_meeting_hears_about_the_open_follow_ups(demo_programme):
    resource = demo_programme.groups.get(kind="resource")
    upcoming = resource.meetings.filter(starts_at__gt=timezone.now()).order_by("starts_at")[0]

    follow_ups = open_follow_ups_before(meeting=upcoming)

    assert len(follow_ups) >= 2 and any(item.is_overdue for item in follow_ups)


def test_one_input_was_handed_over_to_another_office_with_a_reason(demo_programme):
    item = Input.objects.get(programme=demo_programme, title="Vanskelig å få tak i veilederen")

    handovers = [change for change in item.owner_changes.all() if change.from_owners]

    assert len(handovers) == 1
    (change,) = handovers
    assert change.reason and change.from_office != change.to_office
    assert change.to_office == item.assigned_office
