import datetime
from decimal import Decimal

import pytest

from tests.resourcegroup.factories import TimeEntryFactory

pytestmark = pytest.mark.django_db

URL = "/p/best/resource-group/"


def test_the_coordinator_sees_what_waits(login, client, english, cast, reps):
    TimeEntryFactory(
        timesheet__programme=cast.programme,
        timesheet__person=reps.emma,
        timesheet__status="submitted",
    )
    login(cast.coordinator)

    body = client.get(URL).content.decode()

    assert "1 month waits for approval." in body
    assert "Members drifting away" in body
    assert "Recruitment" in body


def test_the_coordinator_is_warned_when_the_budget_runs_low(login, client, english, cast, reps):
    type(cast.programme).objects.filter(pk=cast.programme.pk).update(budget_nok=Decimal("500"))
    TimeEntryFactory(
        timesheet__programme=cast.programme,
        timesheet__person=reps.emma,
        timesheet__status="approved",
        timesheet__month=datetime.date(2024, 3, 1),
        hours=Decimal("2.5"),
    )
    login(cast.coordinator)

    assert "The participation budget is used up." in client.get(URL).content.decode()


def test_a_member_sees_the_stories_but_nothing_of_the_coordinators(login, client, english, cast):
    login(cast.member)

    body = client.get(URL).content.decode()

    assert "Write a story" in body
    assert "Payroll file" not in body
    assert "My hours" not in body


def test_a_paid_representative_finds_their_hours(login, client, english, cast, reps):
    login(reps.emma)

    body = client.get(URL).content.decode()

    assert "My hours" in body
    assert "Payroll file" not in body


@pytest.mark.parametrize("who", ["advisor", "leader", "outsider"])
def test_others_get_a_404(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, cast):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
