"""Coordinators set when each group's invitation and reminder the day before go out."""

import datetime

import pytest
from django.urls import reverse

from participation.models import GroupReminderSettings

pytestmark = pytest.mark.django_db


def page(slug="best"):
    return reverse("group_reminders", kwargs={"slug": slug})


def edit(group, slug="best"):
    return reverse("group_reminders_edit", kwargs={"slug": slug, "group_id": group.pk})


def test_anonymous_visitor_is_sent_to_login(client, cast):
    assert "/accounts/login/" in client.get(page())["Location"]


@pytest.mark.parametrize("role", ["member", "advisor", "leader", "outsider"])
def test_everybody_but_the_coordinator_gets_a_404(login, cast, role):
    client = login(getattr(cast, role))

    assert client.get(page()).status_code == 404
    assert client.get(edit(cast.resource_group)).status_code == 404
    assert client.post(edit(cast.resource_group), {}).status_code == 404


def test_coordinator_sees_every_group_with_the_defaults(login, cast, settings):
    settings.MEDVIRK_REMINDER_DAY_BEFORE_AT = "12:00"

    response = login(cast.coordinator).get(page())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Ressursgruppa" in content and "Styringsgruppa" in content
    assert "12:00" in content


def test_coordinator_changes_a_groups_times(login, cast):
    response = login(cast.coordinator).post(
        edit(cast.resource_group), {"day_before_at": "15:30", "invitation_days_before": "10"}
    )

    assert response.status_code == 302
    stored = GroupReminderSettings.objects.get(group=cast.resource_group)
    assert (stored.day_before_at, stored.invitation_days_before) == (datetime.time(15, 30), 10)


def test_bad_values_are_shown_beside_the_fields_and_kept(login, cast):
    response = login(cast.coordinator).post(
        edit(cast.resource_group), {"day_before_at": "25:99", "invitation_days_before": "90"}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in content
    assert 'value="25:99"' in content and 'value="90"' in content
    assert not GroupReminderSettings.objects.exists()


def test_a_group_of_another_programme_is_a_404(login, cast):
    response = login(cast.coordinator).get(edit(cast.other_group))

    assert response.status_code == 404


def test_list_queries_do_not_grow_with_groups(login, cast, django_assert_max_num_queries):
    from tests.participation.factories import GroupFactory

    client = login(cast.coordinator)
    with django_assert_max_num_queries(30) as few:
        client.get(page())
    for n in range(5):
        GroupFactory(name=f"Gruppe {n}", programmes=[cast.programme])

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page())
