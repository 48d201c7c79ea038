"""Minutes, decisions and action items: drafted by writers, approved by a coordinator."""

import datetime

import pytest

from participation import services
from participation.models import ActionItem, Decision, Meeting, Membership
from tests.participation.factories import MembershipFactory, UserFactory
from tests.participation.factories_meetings import ActionItemFactory, MeetingFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def meeting(cast):
    return services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(-1),
        ends_at=days_from_now(-1, datetime.time(18)),
    )


@pytest.fixture
def item(meeting):
    return meeting.agenda_items.get()  # the standing "Fra brukerne" item


@pytest.fixture
def secretary(cast):
    return MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.SECRETARY,
        person__display_name="Siri Skriver",
    ).person


def url(meeting):
    return f"/p/best/meetings/{meeting.pk}/minutes/"


def minutes(item, version=0, summary="Godt møte", text="Vi snakket om ventetid"):
    return {"version": version, "summary": summary, f"item_{item.pk}": text}


def minutes_of(meeting):
    return {"version": meeting.minutes_version, "summary": "Utkast"}


# --- Writing ---------------------------------------------------------------------------


def test_minutes_page_has_a_field_per_agenda_item_and_the_version(login, client, cast, meeting):
    services.agenda_item_add(meeting=meeting, title="Nytt fra NAV")
    login(cast.coordinator)

    body = client.get(url(meeting)).content.decode()

    assert "1. Fra brukerne" in body and "2. Nytt fra NAV" in body
    assert "General notes" in body
    assert 'type="hidden" name="version" value="0"' in body


def test_secretary_saves_a_draft(login, client, cast, meeting, item, secretary):
    login(secretary)

    response = client.post(url(meeting), minutes(item), follow=True)

    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT
    assert meeting.minutes_summary == "Godt møte"
    assert item.minutes == "Vi snakket om ventetid"
    assert meeting.minutes_version == 1
    body = response.content.decode()
    assert "saved as a draft" in body and 'name="version" value="1"' in body


def test_second_save_with_the_same_version_is_told_and_keeps_its_text(
    login, client, cast, meeting, item, secretary
):
    login(cast.coordinator)
    client.post(url(meeting), minutes(item, summary="Koordinatorens tekst"))
    login(secretary)

    response = client.post(url(meeting), minutes(item, summary="Sekretærens tekst", text="Mitt"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Your text was not saved" in body
    assert "Someone else saved these minutes while you were writing" in body
    assert "Sekretærens tekst" in body and "Mitt" in body
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Koordinatorens tekst"
    assert meeting.minutes_version == 1


def test_approved_minutes_cannot_be_edited(login, client, cast, meeting, item, secretary):
    services.minutes_save(meeting=meeting, version=0, summary="Endelig", item_minutes={})
    services.minutes_approve(meeting=meeting, by=cast.coordinator, version=meeting.minutes_version)
    login(secretary)

    assert "can no longer be changed" in client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), minutes(item, version=1, summary="Forsøk på endring"))

    body = response.content.decode()
    assert "approved and can no longer be changed" in body
    assert "Forsøk på endring" in body
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Endelig"


def test_tampered_version_is_a_form_error(login, client, cast, meeting, item):
    login(cast.coordinator)

    response = client.post(url(meeting), minutes(item, version="x"))

    assert "Please check the following" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_version == 0


@pytest.mark.parametrize("role", ["member", "leader", "advisor", "outsider"])
def test_only_writers_write_minutes(login, client, cast, meeting, item, role):
    login(getattr(cast, role))

    assert client.post(url(meeting), minutes(item)).status_code == 404
    meeting.refresh_from_db()
    assert meeting.minutes_version == 0


# --- Approving -------------------------------------------------------------------------


def approve_url(meeting):
    return f"/p/best/meetings/{meeting.pk}/minutes/approve/"


def test_coordinator_checks_then_approves_and_members_can_read_them(
    login, client, cast, meeting, item
):
    services.minutes_save(
        meeting=meeting, version=0, summary="", item_minutes={item.pk: "Fine innspill"}
    )
    login(cast.coordinator)
    assert "Save and check before approving" in client.get(url(meeting)).content.decode()

    check = client.get(approve_url(meeting)).content.decode()
    assert "Check before you approve" in check and "Fine innspill" in check
    assert 'name="version" value="1"' in check
    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved  # looking is not approving

    response = client.post(approve_url(meeting), {"version": 1}, follow=True)

    meeting.refresh_from_db()
    assert meeting.minutes_are_approved and meeting.minutes_approved_by == cast.coordinator
    assert "The minutes are approved" in response.content.decode()
    login(cast.member)
    assert "Fine innspill" in client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()


def test_review_button_saves_the_text_first_and_shows_it_in_the_check_step(
    login, client, cast, meeting, item
):
    login(cast.coordinator)

    response = client.post(
        url(meeting), {**minutes(item, text="Skrevet rett før"), "do": "review"}, follow=True
    )

    body = response.content.decode()
    assert "Check before you approve" in body and "Skrevet rett før" in body
    meeting.refresh_from_db()
    assert meeting.minutes_version == 1 and not meeting.minutes_are_approved


def test_approving_a_version_saved_over_since_the_check_approves_nothing(
    login, client, cast, meeting, item, secretary
):
    services.minutes_save(meeting=meeting, version=0, summary="Sjekket", item_minutes={})
    login(cast.coordinator)
    client.get(approve_url(meeting))
    services.minutes_save(meeting=meeting, version=1, summary="Endret av sekretær", item_minutes={})

    response = client.post(approve_url(meeting), {"version": 1}, follow=True)

    body = response.content.decode()
    assert "after you checked them" in body and "Endret av sekretær" in body
    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved


def test_approving_without_a_version_approves_nothing(login, client, cast, meeting):
    services.minutes_save(meeting=meeting, version=0, summary="Utkast", item_minutes={})
    login(cast.coordinator)

    client.post(approve_url(meeting), {"version": "x"})

    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved


def test_approving_nothing_is_told(login, client, cast, meeting):
    login(cast.coordinator)

    response = client.post(approve_url(meeting), {"version": 0}, follow=True)

    assert "There are no minutes to approve yet." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved


def test_secretary_writes_but_does_not_approve(login, client, cast, meeting, secretary):
    services.minutes_save(meeting=meeting, version=0, summary="Utkast", item_minutes={})
    login(secretary)

    assert "check before approving" not in client.get(url(meeting)).content.decode()
    assert client.get(approve_url(meeting)).status_code == 404
    assert client.post(approve_url(meeting), {"version": 1}).status_code == 404
    assert client.post(url(meeting), {**minutes_of(meeting), "do": "review"}).status_code == 404
    meeting.refresh_from_db()
    assert not meeting.minutes_are_approved


# --- Decisions -------------------------------------------------------------------------


def decision_url(meeting):
    return f"/p/best/meetings/{meeting.pk}/decisions/add/"


def test_writer_adds_a_decision_to_an_agenda_item(login, client, cast, meeting, item, secretary):
    login(secretary)

    response = client.post(
        decision_url(meeting),
        {"decision-text": "Vi lager en plakat", "decision-agenda_item": item.pk},
        follow=True,
    )

    decision = Decision.objects.get()
    assert (decision.meeting, decision.agenda_item, decision.text) == (
        meeting,
        item,
        "Vi lager en plakat",
    )
    assert "The decision is added." in response.content.decode()


def test_decision_on_another_meetings_item_is_refused(login, client, cast, meeting):
    other = services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(3),
        ends_at=days_from_now(3, datetime.time(18)),
    )
    login(cast.coordinator)

    response = client.post(
        decision_url(meeting),
        {"decision-text": "Lurt", "decision-agenda_item": other.agenda_items.get().pk},
    )

    body = response.content.decode()
    assert "Please check the following" in body and "Lurt" in body
    assert not Decision.objects.exists()


def test_empty_decision_is_refused(login, client, cast, meeting):
    login(cast.coordinator)

    response = client.post(decision_url(meeting), {"decision-text": "  "})

    assert "Please check the following" in response.content.decode()
    assert not Decision.objects.exists()


def test_member_cannot_add_decisions(login, client, cast, meeting):
    login(cast.member)

    assert client.post(decision_url(meeting), {"decision-text": "Hei"}).status_code == 404
    assert not Decision.objects.exists()


# --- Action items ----------------------------------------------------------------------


def action_url(meeting):
    return f"/p/best/meetings/{meeting.pk}/action-items/add/"


def test_owner_choices_are_the_groups_members_and_the_coordinators(login, client, cast, meeting):
    login(cast.coordinator)

    body = client.get(url(meeting)).content.decode()
    owner_select = body.split('name="action-owner"')[1].split("</select>")[0]

    assert "Emma Medlem" in owner_select and "Hanne Koordinator" in owner_select
    assert "Sara Veileder" not in owner_select and "Ole Utenfor" not in owner_select


def test_writer_adds_an_action_item(login, client, cast, meeting, secretary):
    login(secretary)

    client.post(
        action_url(meeting),
        {
            "action-title": "Bestille lokale",
            "action-owner": cast.member.pk,
            "action-due_on": "2030-02-01",
        },
    )

    action = ActionItem.objects.get()
    assert (action.title, action.owner, action.due_on, action.group) == (
        "Bestille lokale",
        cast.member,
        datetime.date(2030, 2, 1),
        cast.resource_group,
    )


def test_action_item_for_someone_outside_the_group_is_refused(login, client, cast, meeting):
    login(cast.coordinator)

    response = client.post(
        action_url(meeting),
        {
            "action-title": "Bestille lokale",
            "action-owner": cast.outsider.pk,
            "action-due_on": "01.02.2030x",
        },
    )

    body = response.content.decode()
    assert "Please check the following" in body and 'value="Bestille lokale"' in body
    assert not ActionItem.objects.exists()


def test_member_cannot_add_action_items(login, client, cast, meeting):
    login(cast.member)

    assert client.post(action_url(meeting), {"action-title": "Hei"}).status_code == 404
    assert not ActionItem.objects.exists()


# --- Action item status ----------------------------------------------------------------


def status_url(action):
    return f"/p/best/action-items/{action.pk}/status/"


def test_writer_marks_a_carried_over_item_done_and_returns_to_the_meeting(
    login, client, cast, meeting, secretary
):
    action = ActionItemFactory(meeting=meeting, title="Bestille lokale")
    later = MeetingFactory(group=cast.resource_group)
    login(secretary)

    response = client.post(
        status_url(action), {"status": "done", "next": f"/p/best/meetings/{later.pk}/"}
    )

    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE and action.closed_at is not None
    assert response["Location"] == f"/p/best/meetings/{later.pk}/"


def test_status_change_never_redirects_off_site(login, client, cast, meeting):
    action = ActionItemFactory(meeting=meeting)
    login(cast.coordinator)

    response = client.post(
        status_url(action), {"status": "dropped", "next": "https://evil.example/"}
    )

    assert response["Location"] == f"/p/best/meetings/{meeting.pk}/"
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DROPPED


def test_unknown_status_is_told_and_nothing_changes(login, client, cast, meeting):
    action = ActionItemFactory(meeting=meeting)
    login(cast.coordinator)

    response = client.post(status_url(action), {"status": "forgotten"}, follow=True)

    assert "Choose done, dropped or open." in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionItem.Status.OPEN


@pytest.mark.parametrize("role", ["member", "leader", "advisor", "outsider"])
def test_only_writers_of_the_group_change_an_action_items_status(
    login, client, cast, meeting, role
):
    action = ActionItemFactory(meeting=meeting)
    login(getattr(cast, role))

    assert client.post(status_url(action), {"status": "done"}).status_code == 404
    action.refresh_from_db()
    assert action.status == ActionItem.Status.OPEN


def test_writer_of_another_group_gets_404(login, client, cast, meeting):
    action = ActionItemFactory(meeting=meeting)
    chair = MembershipFactory(group=cast.project_group, role=Membership.Role.CHAIR).person
    login(chair)

    assert client.post(status_url(action), {"status": "done"}).status_code == 404


def test_action_item_of_another_programme_is_404_for_its_coordinator(login, client, cast):
    action = ActionItemFactory(meeting=MeetingFactory(group=cast.other_group))
    login(cast.coordinator)

    assert client.post(status_url(action), {"status": "done"}).status_code == 404


def test_stranger_with_an_account_gets_404(login, client, cast, meeting):
    action = ActionItemFactory(meeting=meeting)
    login(UserFactory())

    assert client.post(status_url(action), {"status": "done"}).status_code == 404


def test_meeting_page_says_when_the_minutes_were_approved(login, client, cast, meeting, item):
    from participation import services

    meeting = services.minutes_save(
        meeting=meeting, version=meeting.minutes_version, summary="Bra møte", item_minutes={}
    )
    services.minutes_approve(meeting=meeting, by=cast.coordinator, version=meeting.minutes_version)
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Approved " in body and "Bra møte" in body
    assert "Draft." not in body


# --- Nothing typed is lost ---------------------------------------------------------------


def test_adding_a_decision_saves_the_typed_minutes_too(login, client, cast, meeting, item):
    login(cast.coordinator)

    response = client.post(
        url(meeting),
        {**minutes(item, text="Skrevet før vedtaket"), "decision-text": "Vi lager en plakat"}
        | {"do": "add_decision"},
        follow=True,
    )

    item.refresh_from_db()
    assert item.minutes == "Skrevet før vedtaket"
    assert Decision.objects.get().text == "Vi lager en plakat"
    body = response.content.decode()
    assert "The minutes are saved as a draft. The decision is added." in body


def test_saving_the_minutes_also_adds_a_half_written_action_item(
    login, client, cast, meeting, item
):
    login(cast.coordinator)

    client.post(url(meeting), {**minutes(item), "action-title": "Bestille lokale", "do": "save"})

    assert ActionItem.objects.get().title == "Bestille lokale"
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Godt møte"


def test_refused_action_item_keeps_the_minutes_and_the_decision_typed(
    login, client, cast, meeting, item
):
    login(cast.coordinator)

    response = client.post(
        url(meeting),
        {
            **minutes(item, summary="Ulagret sammendrag", text="Ulagret punkt"),
            "decision-text": "Ulagret vedtak",
            "action-title": "",
            "do": "add_action",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Please check the following" in body and 'id="error-summary"' in body
    assert "Ulagret sammendrag" in body and "Ulagret punkt" in body and "Ulagret vedtak" in body
    meeting.refresh_from_db()
    assert meeting.minutes_version == 0
    assert not Decision.objects.exists() and not ActionItem.objects.exists()


def test_conflict_shows_both_texts_and_the_next_save_wins(login, client, cast, meeting, item):
    login(cast.coordinator)
    client.post(url(meeting), minutes(item, summary="Koordinatorens tekst", text="Deres punkt"))

    response = client.post(url(meeting), minutes(item, summary="Min tekst", text="Mitt punkt"))

    body = response.content.decode()
    assert "Your text was not saved" in body
    assert "Min tekst" in body and "Mitt punkt" in body  # mine, in the fields
    assert "Koordinatorens tekst" in body and "Deres punkt" in body  # theirs, beside
    assert 'name="version" value="1"' in body
    client.post(url(meeting), minutes(item, version=1, summary="Begge tekster"))
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Begge tekster" and meeting.minutes_version == 2


def test_after_approval_decisions_can_still_be_added_without_the_text(
    login, client, cast, meeting, item
):
    services.minutes_save(meeting=meeting, version=0, summary="Endelig", item_minutes={})
    services.minutes_approve(meeting=meeting, by=cast.coordinator, version=1)
    login(cast.coordinator)

    client.post(url(meeting), {"decision-text": "Etterpå", "do": "add_decision"})

    assert Decision.objects.get().text == "Etterpå"
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Endelig"
