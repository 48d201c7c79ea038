"""The agenda: members propose before the deadline, writers decide, add items and send it."""

import datetime
from unittest import mock

import pytest

from participation import services
from participation.models import AgendaItem, Membership
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import MeetingFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def meeting(cast):
    """In a week; the agenda closes three days before."""
    return services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(7),
        ends_at=days_from_now(7, datetime.time(18)),
    )


@pytest.fixture
def soon(cast):
    """Tomorrow: the agenda has closed for proposals."""
    return services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(1),
        ends_at=days_from_now(1, datetime.time(18)),
    )


def propose_url(meeting):
    return f"/p/best/meetings/{meeting.pk}/agenda/propose/"


# --- Proposing -------------------------------------------------------------------------


def test_member_sees_the_proposal_form_and_the_deadline(login, client, cast, meeting):
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Propose an item" in body and "Propose it before" in body
    assert propose_url(meeting) in body


def test_member_proposes_an_item_and_the_coordinator_sees_it(login, client, cast, meeting):
    login(cast.member)

    response = client.post(
        propose_url(meeting), {"title": "Sommeravslutning", "description": "Grilling"}, follow=True
    )

    item = meeting.agenda_items.get(state=AgendaItem.State.PROPOSED)
    assert (item.title, item.description, item.proposed_by) == (
        "Sommeravslutning",
        "Grilling",
        cast.member,
    )
    assert "Your item is proposed" in response.content.decode()
    login(cast.coordinator)
    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()
    assert "Proposed by members" in body and "Sommeravslutning" in body


def test_proposal_without_a_title_is_refused_and_the_words_are_kept(login, client, cast, meeting):
    login(cast.member)

    response = client.post(propose_url(meeting), {"title": " ", "description": "Noe viktig"})

    body = response.content.decode()
    assert "Please check the following" in body and "Noe viktig" in body
    assert not meeting.agenda_items.filter(state=AgendaItem.State.PROPOSED).exists()


def test_after_the_deadline_the_page_says_when_the_agenda_closed(login, client, cast, soon):
    login(cast.member)

    body = client.get(f"/p/best/meetings/{soon.pk}/").content.decode()

    assert "The agenda closed for proposals" in body
    assert propose_url(soon) not in body


def test_proposing_after_the_deadline_is_refused_and_the_text_kept(login, client, cast, soon):
    login(cast.member)

    response = client.post(propose_url(soon), {"title": "For sent", "description": "Beklager"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "The agenda closed" in body
    assert 'value="For sent"' in body and "Beklager" in body
    assert not soon.agenda_items.filter(state=AgendaItem.State.PROPOSED).exists()


@pytest.mark.parametrize("role", ["leader", "advisor", "outsider", "coordinator"])
def test_only_members_of_the_group_can_propose(login, client, cast, meeting, role):
    login(getattr(cast, role))

    assert client.post(propose_url(meeting), {"title": "Hei"}).status_code == 404
    assert not meeting.agenda_items.filter(state=AgendaItem.State.PROPOSED).exists()


# --- Deciding and adding ---------------------------------------------------------------


@pytest.fixture
def proposal(cast, meeting):
    return services.agenda_item_propose(
        meeting=meeting, title="Sommeravslutning", description="", by=cast.member
    )


def decide_url(item):
    return f"/p/best/meetings/{item.meeting_id}/agenda/{item.pk}/decide/"


def test_coordinator_accepts_a_proposal_onto_the_agenda(login, client, cast, proposal):
    login(cast.coordinator)

    response = client.post(decide_url(proposal), {"decision": "accept"}, follow=True)

    proposal.refresh_from_db()
    assert proposal.state == AgendaItem.State.ACCEPTED
    assert "is on the agenda" in response.content.decode()


def test_writer_declines_a_proposal(login, client, cast, proposal):
    writer = MembershipFactory(group=cast.resource_group, role=Membership.Role.SECRETARY).person
    login(writer)

    client.post(decide_url(proposal), {"decision": "decline"})

    proposal.refresh_from_db()
    assert proposal.state == AgendaItem.State.DECLINED


def test_deciding_twice_is_told_not_crashed(login, client, cast, proposal):
    services.agenda_item_decide(item=proposal, accept=True)
    login(cast.coordinator)

    response = client.post(decide_url(proposal), {"decision": "decline"}, follow=True)

    assert "already been decided" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == AgendaItem.State.ACCEPTED


def test_member_cannot_decide_on_proposals(login, client, cast, proposal):
    login(cast.member)

    assert client.post(decide_url(proposal), {"decision": "accept"}).status_code == 404
    proposal.refresh_from_db()
    assert proposal.state == AgendaItem.State.PROPOSED


def test_agenda_item_of_another_meeting_is_404(login, client, cast, proposal):
    other = MeetingFactory(group=cast.resource_group)
    login(cast.coordinator)

    url = f"/p/best/meetings/{other.pk}/agenda/{proposal.pk}/decide/"
    assert client.post(url, {"decision": "accept"}).status_code == 404


def test_coordinator_adds_an_item_with_the_next_number(login, client, cast, meeting):
    login(cast.coordinator)

    client.post(
        f"/p/best/meetings/{meeting.pk}/agenda/add/",
        {
            "title": "Nytt fra NAV",
            "kind": "information",
            "presenter": "Hanne",
            "description": "",
            "document_url": "https://example.org/plan.pdf",
        },
    )

    item = meeting.agenda_items.get(title="Nytt fra NAV")
    assert item.number == 2 and item.kind == "information"
    assert item.document_url == "https://example.org/plan.pdf"


def test_adding_an_item_with_a_bad_link_keeps_the_values(login, client, cast, meeting):
    login(cast.coordinator)

    response = client.post(
        f"/p/best/meetings/{meeting.pk}/agenda/add/",
        {"title": "Nytt fra NAV", "kind": "nonsense", "document_url": "ikke en lenke"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Please check the following" in body and 'value="Nytt fra NAV"' in body
    assert '<details class="mb-4" open>' in body
    assert not meeting.agenda_items.filter(title="Nytt fra NAV").exists()


def test_member_cannot_add_items_directly(login, client, cast, meeting):
    login(cast.member)

    response = client.post(f"/p/best/meetings/{meeting.pk}/agenda/add/", {"title": "Hei"})

    assert response.status_code == 404
    assert not meeting.agenda_items.filter(title="Hei").exists()


# --- Sending ---------------------------------------------------------------------------


def test_sending_the_agenda_marks_it_sent_and_queues_the_invitation(
    login, client, cast, meeting, django_capture_on_commit_callbacks
):
    login(cast.coordinator)

    with mock.patch("participation.tasks.send_meeting_invitation.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/p/best/meetings/{meeting.pk}/agenda/send/", {"confirm": "send"}, follow=True
            )

    meeting.refresh_from_db()
    assert meeting.agenda_sent_at is not None
    delay.assert_called_once_with(meeting.pk)
    body = response.content.decode()
    assert "The agenda is on its way" in body and "Send the agenda again" in body


def test_agenda_of_a_cancelled_meeting_is_not_sent(login, client, cast, meeting):
    services.meeting_cancel(meeting=meeting, reason="Syk")
    login(cast.coordinator)

    with mock.patch("participation.tasks.send_meeting_invitation.delay") as delay:
        response = client.post(
            f"/p/best/meetings/{meeting.pk}/agenda/send/", {"confirm": "send"}, follow=True
        )

    assert "The meeting is cancelled." in response.content.decode()
    delay.assert_not_called()
    meeting.refresh_from_db()
    assert meeting.agenda_sent_at is None


@pytest.mark.parametrize("role", ["member", "leader", "advisor", "outsider"])
def test_only_writers_send_the_agenda(login, client, cast, meeting, role):
    login(getattr(cast, role))

    with mock.patch("participation.tasks.send_meeting_invitation.delay") as delay:
        url = f"/p/best/meetings/{meeting.pk}/agenda/send/"
        assert client.get(url).status_code == 404
        assert client.post(url, {"confirm": "send"}).status_code == 404

    delay.assert_not_called()


def test_sending_the_agenda_starts_with_a_check_step_that_sends_nothing(
    login, client, cast, meeting, django_capture_on_commit_callbacks
):
    cast.member.email = ""
    cast.member.save(update_fields=["email"])
    MembershipFactory(group=cast.resource_group, person__display_name="Siri Skriver")
    login(cast.coordinator)

    with mock.patch("participation.tasks.send_meeting_invitation.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            check = client.get(f"/p/best/meetings/{meeting.pk}/agenda/send/")
            posted = client.post(f"/p/best/meetings/{meeting.pk}/agenda/send/")

    body = check.content.decode()
    assert "Check before you send" in body
    assert "Siri Skriver – email" in body  # who, and by which channel
    assert "no email address" in body and cast.member.display_name in body
    assert "You are invited to a meeting in" in body  # the message itself
    assert posted.status_code == 302 and posted["Location"].endswith("/agenda/send/")
    delay.assert_not_called()
    meeting.refresh_from_db()
    assert meeting.agenda_sent_at is None
