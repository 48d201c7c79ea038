"""The coordinator's start page is a task list: everything waiting on them, each with a count
and a link, from every app, in a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from participation import services
from participation.models import Input, Membership
from participation.services.meetings import local_datetime
from surveys.models import ReviewComment
from tests.participation.factories import MembershipFactory
from tests.resourcegroup.factories import ApplicationFactory, PostingFactory, TimesheetFactory
from tests.resourcegroup.factories_honoraria import TravelClaimFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _meeting(group, days):
    starts = local_datetime(timezone.localdate() + datetime.timedelta(days=days), datetime.time(16))
    return services.meeting_create(
        group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


@pytest.fixture
def waiting(cast):
    """One of everything that waits on a coordinator."""
    rep = MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        person__display_name="Per Representant",
    ).person
    TimesheetFactory(
        programme=cast.programme, person=rep, status="submitted", submitted_at=timezone.now()
    )
    # The coordinator's own month is not theirs to approve.
    TimesheetFactory(
        programme=cast.programme,
        person=cast.coordinator,
        month=datetime.date(2024, 4, 1),
        status="submitted",
        submitted_at=timezone.now(),
    )
    TravelClaimFactory(programme=cast.programme, person=rep)
    question = QuestionFactory(survey=SurveyFactory(programme=cast.programme))
    ReviewComment.objects.create(question=question, author=cast.member, text="Uklart ord")
    ApplicationFactory(posting=PostingFactory(programme=cast.programme, group=cast.resource_group))
    held = _meeting(cast.resource_group, -7)
    services.minutes_save(meeting=held, version=0, summary="Utkast", item_minutes={})
    _meeting(cast.resource_group, 3)  # agenda not sent
    services.action_item_create(
        meeting=held, title="Bestille lokale", due_on=timezone.localdate() + datetime.timedelta(2)
    )
    services.input_create(
        programme=cast.programme,
        title="Kortere svartid på brev",
        source=Input.Source.DIRECT,
        raised_on=timezone.localdate() - datetime.timedelta(weeks=8),
    )
    return held


def tasks_region(body: str) -> str:
    return body.split('id="dash-todo"')[1].split("</section>")[0]


def test_coordinator_sees_every_kind_of_waiting_work_with_a_count_and_a_link(
    login, client, cast, waiting
):
    login(cast.coordinator)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    region = tasks_region(body)
    for label, url in [
        ("Timesheets to approve", "/p/best/resource-group/timesheets/?status=submitted"),
        ("Travel claims to approve", "/p/best/resource-group/travel/?status=submitted"),
        ("Survey review comments to deal with", "/p/best/surveys/"),
        ("New applications", "/p/best/resource-group/"),
        ("Approve the minutes", f"/p/best/meetings/{waiting.pk}/minutes/"),
        ("Send the agenda", "/agenda/send/"),
        ("Inputs waiting for an answer", "/p/best/inputs/"),
        ("Action items due within a week or overdue", "/p/best/meetings/"),
    ]:
        task = region.split(label)[0].rsplit("<li", 1)[1]
        assert url in task, (label, task)
    # Counts: one month to approve (not the coordinator's own), one of each of the others.
    timesheets = region.split("Timesheets to approve")[1].split("</span>")[0]
    assert timesheets.strip().endswith(">1")
    # Whose turn an input is.
    assert "Kortere svartid på brev" in region and "nobody assigned yet: your turn" in region
    assert "Bestille lokale" in region


def test_nothing_waiting_says_so(login, client, cast):
    login(cast.coordinator)

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Nothing is waiting for you right now." in tasks_region(body)


@pytest.mark.parametrize("role", ["member", "leader", "advisor"])
def test_only_coordinators_get_the_task_list(login, client, cast, waiting, role):
    login(getattr(cast, role))

    body = client.get("/p/best/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'id="dash-todo"' not in body and "Timesheets to approve" not in body


def test_the_task_list_costs_the_same_queries_however_much_waits(
    login, client, cast, waiting, django_assert_max_num_queries
):
    login(cast.coordinator)
    client.get("/p/best/")
    with django_assert_max_num_queries(40) as queries:
        client.get("/p/best/")
    baseline = len(queries)
    for days in (-14, -21, 4, 5):
        meeting = _meeting(cast.resource_group, days)
        if days < 0:
            services.minutes_save(meeting=meeting, version=0, summary="Mer", item_minutes={})
    TravelClaimFactory.create_batch(3, programme=cast.programme, person=cast.member)

    with django_assert_max_num_queries(baseline):
        client.get("/p/best/")
