"""Decisions followed up (issue 15): who, by when, done or not, with a note; recorded on the
held meeting's page, marked done by the owner, carried to the group's next meeting, and read
by the steering report through public selectors."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import reminders, services
from participation.models import ActionItem, Membership
from participation.selectors.meetings import (
    action_items_owed_by,
    decision_follow_ups,
    follow_up_summary,
    follow_ups_closed_since_last_meeting,
    open_follow_ups_before,
    overdue_follow_ups,
)
from participation.services.meetings import local_datetime
from tests.participation.factories import GroupFactory, MembershipFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    DecisionFactory,
    days_from_now,
)

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def _meeting(group, days):
    return services.meeting_create(
        group=group,
        starts_at=days_from_now(days),
        ends_at=days_from_now(days, datetime.time(18, 0)),
    )


@pytest.fixture
def held(cast):
    return _meeting(cast.resource_group, -14)


@pytest.fixture
def next_meeting(cast):
    return _meeting(cast.resource_group, 7)


@pytest.fixture
def decision(held):
    return services.decision_add(meeting=held, text="Vi lager en plakat om aktivitetsplikt.")


@pytest.fixture
def writer(cast):
    return MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        person__display_name="Per Representant",
    ).person


def today():
    return timezone.localdate()


def add_url(decision):
    return f"/p/best/decisions/{decision.pk}/follow-ups/add/"


def posted(decision, **values):
    prefix = f"follow-up-{decision.pk}-"
    return {prefix + name: value for name, value in values.items()}


# --- The service ------------------------------------------------------------------------------


def test_a_follow_up_is_an_action_item_of_the_decisions_meeting(cast, decision):
    item = services.decision_follow_up_add(
        decision=decision,
        title="Trykke plakaten",
        owner=cast.member,
        due_on=today() + datetime.timedelta(days=3),
    )

    assert item.decision == decision and item.meeting == decision.meeting
    assert item.group == cast.resource_group and item.status == ActionItem.Status.OPEN
    assert list(decision.follow_ups.all()) == [item]


def test_a_date_before_the_meeting_is_refused_and_nothing_stored(cast, decision):
    with pytest.raises(ValidationError) as refused:
        services.decision_follow_up_add(
            decision=decision,
            title="Trykke plakaten",
            owner=cast.member,
            due_on=today() - datetime.timedelta(days=30),
        )

    assert "due_on" in refused.value.message_dict
    assert not ActionItem.objects.exists()


def test_an_owner_outside_the_group_is_refused(cast, decision):
    with pytest.raises(ValidationError) as refused:
        services.decision_follow_up_add(
            decision=decision, title="Trykke plakaten", owner=cast.outsider, due_on=None
        )

    assert "owner" in refused.value.message_dict
    assert not ActionItem.objects.exists()


def test_an_action_item_cannot_follow_up_another_meetings_decision(cast, decision, next_meeting):
    with pytest.raises(ValidationError):
        services.action_item_create(meeting=next_meeting, title="Feil", decision=decision)


# --- The selectors the steering report reads --------------------------------------------------


@pytest.fixture
def three_follow_ups(cast, decision):
    done = ActionItemFactory(
        meeting=decision.meeting, decision=decision, owner=cast.member, due_on=today()
    )
    services.action_item_set_status(action_item=done, status="done", note="Hengt opp")
    open_item = ActionItemFactory(
        meeting=decision.meeting,
        decision=decision,
        owner=cast.coordinator,
        due_on=today() + datetime.timedelta(days=10),
    )
    late = ActionItemFactory(
        meeting=decision.meeting,
        decision=decision,
        owner=cast.member,
        due_on=today() - datetime.timedelta(days=2),
    )
    return done, open_item, late


def test_decision_follow_ups_marks_the_late_ones(cast, three_follow_ups):
    done, open_item, late = three_follow_ups
    ActionItemFactory(meeting=done.meeting, title="Ikke en oppfølging")

    rows = decision_follow_ups(cast.programme, today=today())

    assert {row.pk: row.is_late for row in rows} == {
        done.pk: False,
        open_item.pk: False,
        late.pk: True,
    }


def test_overdue_follow_ups_are_the_open_ones_past_their_date(cast, three_follow_ups):
    _done, _open_item, late = three_follow_ups

    assert overdue_follow_ups(cast.programme, today=today()) == [late]


def test_the_summary_counts_decisions_and_their_follow_ups(cast, three_follow_ups, held):
    services.decision_add(meeting=held, text="Ingen har tatt denne ennå.")

    summary = follow_up_summary(cast.programme, today=today())

    assert (summary.decisions, summary.decisions_followed_up) == (2, 1)
    assert (summary.done, summary.dropped, summary.open, summary.overdue) == (1, 0, 2, 1)


def test_the_summary_can_be_limited_to_decisions_made_in_a_period(cast, three_follow_ups):
    later = today() + datetime.timedelta(days=1)

    summary = follow_up_summary(cast.programme, today=today(), decided_from=later)

    assert summary.decisions == 0 and summary.open == 0


def test_another_programmes_follow_ups_are_not_counted(cast, three_follow_ups):
    group = GroupFactory(programmes=[cast.other_programme])
    other = DecisionFactory(meeting=_meeting(group, -3))
    ActionItemFactory(meeting=other.meeting, decision=other, due_on=today())

    assert len(decision_follow_ups(cast.other_programme, today=today())) == 1
    assert len(decision_follow_ups(cast.programme, today=today())) == 3


def test_the_next_meeting_hears_about_open_follow_ups_only(cast, three_follow_ups, next_meeting):
    _done, open_item, late = three_follow_ups

    assert open_follow_ups_before(meeting=next_meeting) == [late, open_item]


def test_what_a_person_owes_is_their_open_items_due_first(cast, three_follow_ups):
    _done, _open_item, late = three_follow_ups
    undated = ActionItemFactory(meeting=late.meeting, owner=cast.member)

    assert action_items_owed_by(programme=cast.programme, person_id=cast.member.pk) == [
        late,
        undated,
    ]


# --- The meeting page -------------------------------------------------------------------------


def test_the_coordinator_adds_a_follow_up_on_the_held_meetings_page(login, client, cast, decision):
    login(cast.coordinator)
    due = today() + datetime.timedelta(days=5)

    response = client.post(
        add_url(decision),
        posted(decision, title="Trykke plakaten", owner=cast.member.pk, due_on=due.isoformat()),
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#decision-{decision.pk}")
    item = decision.follow_ups.get()
    assert (item.title, item.owner, item.due_on) == ("Trykke plakaten", cast.member, due)
    page = client.get(f"/p/best/meetings/{decision.meeting_id}/").content.decode()
    assert "Trykke plakaten" in page and "Emma Medlem" in page


def test_a_paid_representative_may_add_a_follow_up(login, client, cast, decision, writer):
    login(writer)

    response = client.post(add_url(decision), posted(decision, title="Lage utkast"))

    assert response.status_code == 302 and decision.follow_ups.count() == 1


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_others_cannot_add_a_follow_up(login, client, cast, decision, who):
    login(getattr(cast, who))

    response = client.post(add_url(decision), posted(decision, title="Lage utkast"))

    assert response.status_code == 404 and not ActionItem.objects.exists()


def test_a_follow_up_without_what_is_shown_again_with_its_values(login, client, cast, decision):
    login(cast.coordinator)
    due = today() + datetime.timedelta(days=5)

    response = client.post(
        add_url(decision), posted(decision, title="", owner=cast.member.pk, due_on=due.isoformat())
    )

    page = response.content.decode()
    assert response.status_code == 200 and "Please check the following" in page
    assert f'value="{due.isoformat()}"' in page
    assert not ActionItem.objects.exists()


def test_a_date_before_the_meeting_is_explained_beside_the_field(login, client, cast, decision):
    login(cast.coordinator)

    response = client.post(
        add_url(decision),
        posted(decision, title="Trykke plakaten", due_on="2001-01-01"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "The date cannot be before the meeting that made the decision." in page
    assert 'value="Trykke plakaten"' in page
    assert not ActionItem.objects.exists()


def test_a_nonsense_owner_is_refused_without_an_error_page(login, client, cast, decision):
    login(cast.coordinator)

    response = client.post(add_url(decision), posted(decision, title="X", owner="abc"))

    assert response.status_code == 200 and not ActionItem.objects.exists()


def test_an_unknown_decision_is_a_404(login, client, cast):
    login(cast.coordinator)

    assert client.post("/p/best/decisions/999999/follow-ups/add/", {}).status_code == 404


def test_the_free_text_what_came_of_it_is_shown_beside_the_follow_ups(
    login, client, cast, decision
):
    decision.follow_up = "Plakaten henger på alle kontorene."
    decision.save()
    login(cast.coordinator)

    page = client.get(f"/p/best/meetings/{decision.meeting_id}/").content.decode()

    assert "Plakaten henger på alle kontorene." in page


# --- Marking it done --------------------------------------------------------------------------


@pytest.fixture
def owed(cast, decision):
    return services.decision_follow_up_add(
        decision=decision,
        title="Trykke plakaten",
        owner=cast.member,
        due_on=today() - datetime.timedelta(days=1),
    )


def test_the_owner_marks_it_done_with_a_note_from_their_page(login, client, cast, owed):
    login(cast.member)
    page = client.get("/p/best/").content.decode()
    assert "Trykke plakaten" in page and "Vi lager en plakat" in page and "Overdue" in page

    response = client.post(
        f"/p/best/action-items/{owed.pk}/status/",
        {"status": "done", "note": "Hengt opp på Gjøvik", "next": "/p/best/"},
    )

    assert response.status_code == 302 and response["Location"] == "/p/best/"
    owed.refresh_from_db()
    assert owed.status == ActionItem.Status.DONE and owed.note == "Hengt opp på Gjøvik"
    client.get("/p/best/")  # the message with its undo button is shown once
    assert "What I must follow up" not in client.get("/p/best/").content.decode()


def test_the_coordinator_may_drop_it(login, client, cast, owed):
    login(cast.coordinator)

    client.post(f"/p/best/action-items/{owed.pk}/status/", {"status": "dropped"})

    owed.refresh_from_db()
    assert owed.status == ActionItem.Status.DROPPED


def test_another_member_of_the_group_may_not_mark_it(login, client, cast, owed):
    other = MembershipFactory(group=cast.resource_group).person
    login(other)

    response = client.post(f"/p/best/action-items/{owed.pk}/status/", {"status": "done"})

    owed.refresh_from_db()
    assert response.status_code == 404 and owed.status == ActionItem.Status.OPEN


def test_an_outsider_gets_a_404(login, client, cast, owed):
    login(cast.outsider)

    response = client.post(f"/p/best/action-items/{owed.pk}/status/", {"status": "done"})

    assert response.status_code == 404
    owed.refresh_from_db()
    assert owed.status == ActionItem.Status.OPEN


def test_a_nonsense_status_changes_nothing(login, client, cast, owed):
    login(cast.member)

    response = client.post(f"/p/best/action-items/{owed.pk}/status/", {"status": "burnt"})

    owed.refresh_from_db()
    assert response.status_code == 302 and owed.status == ActionItem.Status.OPEN


# --- At the next meeting ----------------------------------------------------------------------


def test_the_next_meeting_shows_the_follow_up_with_its_decision_date_and_lateness(
    login, client, cast, owed, next_meeting
):
    login(cast.coordinator)

    page = client.get(f"/p/best/meetings/{next_meeting.pk}/").content.decode()

    assert "Open items from earlier meetings" in page
    assert "Follows up the decision: Vi lager en plakat om aktivitetsplikt." in page
    assert f'href="/p/best/meetings/{owed.meeting_id}/"' in page and "Overdue" in page


def test_the_owner_can_mark_it_done_on_the_next_meetings_page(
    login, client, cast, owed, next_meeting
):
    login(cast.member)

    page = client.get(f"/p/best/meetings/{next_meeting.pk}/").content.decode()

    assert f'action="/p/best/action-items/{owed.pk}/status/"' in page


def test_the_agenda_check_step_lists_the_open_follow_ups(login, client, cast, owed, next_meeting):
    login(cast.coordinator)

    page = client.get(f"/p/best/meetings/{next_meeting.pk}/agenda/send/").content.decode()

    assert "Decisions still being followed up" in page and "Trykke plakaten" in page


def test_a_member_does_not_see_a_draft_decision_at_the_next_meeting(
    login, client, cast, owed, next_meeting
):
    login(cast.member)

    page = client.get(f"/p/best/meetings/{next_meeting.pk}/").content.decode()

    assert "Follows up a decision" in page and "Vi lager en plakat" not in page


def test_the_next_meeting_hears_what_came_of_a_follow_up_done_since(
    login, client, cast, owed, next_meeting
):
    services.action_item_set_status(action_item=owed, status="done", note="Hengt opp")
    login(cast.coordinator)

    page = client.get(f"/p/best/meetings/{next_meeting.pk}/").content.decode()

    assert "Decisions followed up since the last meeting" in page
    assert "Trykke plakaten – Done" in page and "Hengt opp" in page


def test_a_follow_up_done_before_the_last_meeting_is_old_news(cast, owed, held, next_meeting):
    services.action_item_set_status(action_item=owed, status="done")
    ActionItem.objects.filter(pk=owed.pk).update(
        closed_at=held.starts_at - datetime.timedelta(days=1)
    )

    assert follow_ups_closed_since_last_meeting(meeting=next_meeting) == []


def test_the_overdue_reminder_names_the_decision_followed_up(cast, owed, settings):
    settings.MEDVIRK_BASE_URL = "https://medvirk.example.no"
    noon = local_datetime(today(), datetime.time(12, 0))
    result = reminders.SweepResult(at=noon)

    reminders.action_items_overdue(now=noon, result=result)

    (message,) = mail.outbox
    assert message.to == ["member@example.org"]
    assert "Trykke plakaten" in message.body
    # In the member's language, Norwegian by default.
    assert "følger opp vedtaket «Vi lager en plakat om aktivitetsplikt.»" in message.body
