"""The group page, the meeting page and who may open each meetings page at all."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import services
from participation.models import ActionItem, AgendaItem, Attendance, Input, Meeting, Membership
from tests.participation.factories import MembershipFactory, UserFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    days_from_now,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def meeting(cast):
    return services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(7),
        ends_at=days_from_now(7, datetime.time(18, 0)),
        place="Kulturhuset",
    )


@pytest.fixture
def held(cast):
    return services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(-7),
        ends_at=days_from_now(-7, datetime.time(18, 0)),
    )


@pytest.fixture
def writer(cast):
    return MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        person__display_name="Per Representant",
    ).person


def pages(meeting, held=None):
    """The pages of a coming meeting; attendance and minutes of a held one (a coming meeting
    has neither)."""
    group = meeting.group_id
    held = held or meeting
    return {
        "group_detail": f"/p/best/groups/{group}/",
        "attendance_overview": f"/p/best/groups/{group}/attendance/",
        "meeting_create": f"/p/best/groups/{group}/meetings/new/",
        "meeting_series_create": f"/p/best/groups/{group}/meetings/series/",
        "meeting_detail": f"/p/best/meetings/{meeting.pk}/",
        "meeting_edit": f"/p/best/meetings/{meeting.pk}/edit/",
        "meeting_cancel": f"/p/best/meetings/{meeting.pk}/cancel/",
        "meeting_attendance": f"/p/best/meetings/{held.pk}/attendance/",
        "meeting_minutes": f"/p/best/meetings/{held.pk}/minutes/",
        "agenda_send": f"/p/best/meetings/{meeting.pk}/agenda/send/",
    }


SEE = {"group_detail", "attendance_overview", "meeting_detail"}
WRITE = SEE | {"meeting_attendance", "meeting_minutes", "agenda_send"}
EVERYTHING = set(pages(Meeting(pk=1, group_id=1)))

# Who opens which page of the resource group's meeting (200), everyone else gets 404.
EXPECTED = {
    "coordinator": EVERYTHING,
    "writer": WRITE,
    # A plain member sees their own attendance on the meeting page, not the group's history.
    "member": SEE - {"attendance_overview"},
    "leader": SEE,  # the steering group sees every group of the programme
    "advisor": set(),  # the project group's advisor does not see the resource group
    "outsider": set(),
}


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("page", sorted(EVERYTHING))
def test_each_role_opens_exactly_the_pages_it_may(
    login, client, cast, meeting, held, writer, role, page
):
    user = writer if role == "writer" else getattr(cast, role)
    login(user)

    response = client.get(pages(meeting, held)[page])

    assert response.status_code == (200 if page in EXPECTED[role] else 404)


@pytest.mark.parametrize("page", sorted(EVERYTHING))
def test_anonymous_visitor_is_sent_to_log_in(client, meeting, page):
    response = client.get(pages(meeting)[page])

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_meeting_of_another_programme_is_404_even_for_a_coordinator(login, client, cast):
    other = MeetingFactory(group=cast.other_group)
    login(cast.coordinator)

    assert client.get(f"/p/best/meetings/{other.pk}/").status_code == 404
    assert client.get(f"/p/best/groups/{cast.other_group.pk}/").status_code == 404
    assert client.get(f"/p/other/meetings/{other.pk}/").status_code == 404


def test_unknown_meeting_and_group_are_404(login, client, cast):
    login(cast.coordinator)

    assert client.get("/p/best/meetings/999999/").status_code == 404
    assert client.get("/p/best/groups/999999/").status_code == 404


# --- The group page --------------------------------------------------------------------


def test_group_page_shows_cadence_members_and_coming_meetings(login, client, cast, meeting):
    login(cast.member)

    body = client.get(f"/p/best/groups/{cast.resource_group.pk}/").content.decode()

    assert "Ressursgruppa" in body and "Resource group" in body
    assert "Meets every 14 days at 16:00" in body
    assert "Emma Medlem" in body and "Member" in body
    assert f"/p/best/meetings/{meeting.pk}/" in body
    assert "Kulturhuset" in body
    # The attendance history is for those who keep the group's records (issue 12).
    assert f"/p/best/groups/{cast.resource_group.pk}/attendance/" not in body


def test_only_the_coordinator_gets_the_planning_buttons(login, client, cast):
    url = f"/p/best/groups/{cast.resource_group.pk}/"

    login(cast.member)
    assert "Plan a series" not in client.get(url).content.decode()
    login(cast.coordinator)
    body = client.get(url).content.decode()
    assert "New meeting" in body and "Plan a series" in body


def test_group_page_shows_past_meetings_and_cancelled_ones_with_the_reason(
    login, client, cast, meeting
):
    past = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-14))
    services.meeting_cancel(meeting=meeting, reason="Sommerferie")
    login(cast.member)

    body = client.get(f"/p/best/groups/{cast.resource_group.pk}/").content.decode()

    assert "Cancelled" in body and "Sommerferie" in body
    past_section = body.split("Past meetings")[1]
    assert f"/p/best/meetings/{past.pk}/" in past_section


def successor_with_note(cast):
    old = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Tidligere Representant",
        role=Membership.Role.PAID_REPRESENTATIVE,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 6, 30),
        handover_note="Husk nøkkelen til møterommet.",
    )
    return MembershipFactory(
        group=cast.resource_group,
        person__display_name="Ny Representant",
        role=Membership.Role.PAID_REPRESENTATIVE,
        predecessor=old,
    )


def test_successor_and_coordinator_read_the_handover_note_others_do_not(login, client, cast):
    successor = successor_with_note(cast)
    url = f"/p/best/groups/{cast.resource_group.pk}/"

    login(successor.person)
    assert "Husk nøkkelen til møterommet." in client.get(url).content.decode()
    login(cast.coordinator)
    assert "Husk nøkkelen til møterommet." in client.get(url).content.decode()
    login(cast.member)
    body = client.get(url).content.decode()
    assert "Ny Representant" in body
    assert "Husk nøkkelen til møterommet." not in body


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_group_page_queries_do_not_grow_with_members_and_meetings(
    login, client, cast, django_assert_max_num_queries
):
    url = f"/p/best/groups/{cast.resource_group.pk}/"
    MeetingFactory(group=cast.resource_group)
    login(cast.coordinator)
    baseline = query_count(client, url)

    for days in range(-60, 60, 7):
        meeting = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(days))
        AgendaItemFactory(meeting=meeting)
    for _ in range(8):
        MembershipFactory(group=cast.resource_group, office=cast.offices.gjovik)
    successor_with_note(cast)

    with django_assert_max_num_queries(baseline):
        client.get(url)


# --- The meeting page ------------------------------------------------------------------


def test_meeting_page_shows_time_in_oslo_place_and_the_users_item_first(
    login, client, cast, meeting
):
    services.agenda_item_add(
        meeting=meeting, title="Nytt fra NAV", kind=AgendaItem.Kind.INFORMATION, presenter="Hanne"
    )
    meeting.agenda_items.filter(is_from_users=True).update(number=5)
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "16:00–18:00" in body
    assert "Kulturhuset" in body
    assert body.index("Fra brukerne") < body.index("Nytt fra NAV")
    assert "Information" in body and "Presented by Hanne" in body


def test_cancelled_meeting_says_so_with_the_reason(login, client, cast, meeting):
    services.meeting_cancel(meeting=meeting, reason="For få kunne komme")
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Cancelled" in body and "For få kunne komme" in body
    assert "Propose an item" in body and "The meeting is cancelled." in body


def test_member_does_not_see_draft_minutes_but_the_writer_does(login, client, cast, held, writer):
    meeting = held
    services.minutes_save(meeting=meeting, version=0, summary="Utkast til referat", item_minutes={})
    url = f"/p/best/meetings/{meeting.pk}/"

    login(cast.member)
    body = client.get(url).content.decode()
    assert "Utkast til referat" not in body
    assert "shown here when they are approved" in body or "show here when" in body
    assert "Edit minutes" not in body

    login(writer)
    body = client.get(url).content.decode()
    assert "Utkast til referat" in body and "Draft" in body
    assert f"/p/best/meetings/{meeting.pk}/minutes/" in body


def test_member_sees_approved_minutes_and_decisions(login, client, cast, meeting):
    item = meeting.agenda_items.get()
    services.minutes_save(
        meeting=meeting, version=0, summary="Vi snakket om sommeren", item_minutes={item.pk: "Bra"}
    )
    services.decision_add(meeting=meeting, text="Vi lager en plakat", agenda_item=item)
    services.minutes_approve(meeting=meeting, by=cast.coordinator, version=meeting.minutes_version)
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Vi snakket om sommeren" in body
    assert "Vi lager en plakat" in body and "Item 1:" in body


def test_meeting_page_shows_attendance_with_counts_and_names(login, client, cast, meeting):
    member = cast.member.memberships.get()
    other = MembershipFactory(group=cast.resource_group, person__display_name="Jonas Borte")
    services.attendance_record(
        meeting=meeting, statuses={member.pk: "present", other.pk: Attendance.Status.NOTICE}
    )
    login(cast.coordinator)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Present: 1</span> – Emma Medlem" in body
    assert "Absent with notice: 1</span> – Jonas Borte" in body
    assert "Absent: 0" in body

    # A plain member sees the counts and their own name, not their peers' (issue 12).
    login(cast.member)
    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()
    assert "Present: 1</span> – Emma Medlem" in body
    assert "Absent with notice: 1</span>" in body and "Jonas Borte" not in body


def test_meeting_page_lists_action_items_with_overdue_in_words_and_carried_over_ones(
    login, client, cast, meeting, writer
):
    earlier = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-14))
    ActionItemFactory(
        meeting=earlier, title="Bestille lokale", due_on=datetime.date(2020, 1, 1), owner=writer
    )
    ActionItemFactory(meeting=meeting, title="Lage plakat")
    login(writer)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Lage plakat" in body
    carried = body.split("Open items from earlier meetings")[-1]
    assert "Bestille lokale" in carried and "Overdue" in carried and "Per Representant" in carried
    assert "Mark done" in carried


def test_member_sees_action_items_without_status_buttons(login, client, cast, meeting):
    ActionItemFactory(meeting=meeting, title="Lage plakat")
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Lage plakat" in body
    assert "Mark done" not in body


def test_meeting_page_lists_inputs_raised_in_the_meeting(login, client, cast, meeting):
    services.input_create(
        programme=cast.programme,
        title="Kortere ventetid",
        source=Input.Source.MEETING,
        meeting=meeting,
    )
    login(cast.member)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Kortere ventetid" in body and "Received" in body
    assert f"/p/best/inputs/{Input.objects.get().pk}/" in body


def test_coordinator_gets_edit_cancel_and_send_buttons_member_does_not(
    login, client, cast, meeting
):
    url = f"/p/best/meetings/{meeting.pk}/"
    login(cast.coordinator)
    body = client.get(url).content.decode()
    for text in ["Send agenda", "Cancel meeting", "Add item"]:
        assert text in body
    assert f"/p/best/meetings/{meeting.pk}/edit/" in body
    # A meeting that has not started has no attendance or minutes yet.
    assert "Register attendance" not in body and "Edit minutes" not in body

    login(cast.member)
    body = client.get(url).content.decode()
    for text in ["Send agenda", "Cancel meeting", "Register attendance", "Add item"]:
        assert text not in body


def test_meeting_page_queries_do_not_grow_with_rows(
    login, client, cast, meeting, django_assert_max_num_queries
):
    url = f"/p/best/meetings/{meeting.pk}/"
    login(cast.coordinator)
    # One decision in the baseline: its follow-ups and the form to add one cost a fixed few.
    DecisionFactory(meeting=meeting)
    baseline = query_count(client, url)

    earlier = MeetingFactory(group=cast.resource_group, starts_at=days_from_now(-14))
    statuses = {}
    for n in range(6):
        membership = MembershipFactory(group=cast.resource_group, office=cast.offices.gjovik)
        statuses[membership.pk] = "present"
        item = AgendaItemFactory(meeting=meeting, document_url="https://example.org/doc")
        AgendaItemFactory(
            meeting=meeting, state=AgendaItem.State.PROPOSED, proposed_by=membership.person
        )
        DecisionFactory(meeting=meeting, agenda_item=item)
        ActionItemFactory(
            meeting=meeting, owner=membership.person, due_on=datetime.date(2020, 1, 1)
        )
        ActionItemFactory(meeting=earlier, owner=membership.person)
        services.input_create(
            programme=cast.programme, title=f"Innspill {n}", source="meeting", meeting=meeting
        )
    services.attendance_record(meeting=meeting, statuses=statuses)
    services.minutes_save(meeting=meeting, version=0, summary="Referat", item_minutes={})
    assert ActionItem.objects.count() == 12

    with django_assert_max_num_queries(baseline):
        client.get(url)


def test_a_user_who_is_not_a_member_but_exists_still_gets_404(login, client, meeting):
    login(UserFactory())

    assert client.get(f"/p/best/meetings/{meeting.pk}/").status_code == 404


def test_held_meeting_offers_attendance_minutes_and_everyone_present_in_one_step(
    login, client, cast, held
):
    login(cast.coordinator)
    body = client.get(f"/p/best/meetings/{held.pk}/").content.decode()
    assert "Register attendance" in body and "Edit minutes" in body
    assert "Everyone was present" in body and "Send agenda" not in body

    client.post(f"/p/best/meetings/{held.pk}/attendance/", {"everyone_present": "1"})

    assert Attendance.objects.filter(meeting=held).count() == 1  # Emma, the one member
    assert Attendance.objects.filter(status=Attendance.Status.PRESENT).count() == 1
    body = client.get(f"/p/best/meetings/{held.pk}/").content.decode()
    assert "Everyone was present" not in body


@pytest.mark.parametrize("page", ["attendance", "minutes"])
def test_attendance_and_minutes_of_a_coming_meeting_are_refused_with_a_message(
    login, client, cast, meeting, page
):
    login(cast.coordinator)

    response = client.post(
        f"/p/best/meetings/{meeting.pk}/{page}/",
        {"everyone_present": "1", "version": 0, "summary": "For tidlig"},
        follow=True,
    )

    assert "once the meeting has started" in response.content.decode()
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.minutes_version == 0


def test_accepting_a_proposal_keeps_the_new_item_typed_beside_it(login, client, cast, meeting):
    proposal = services.agenda_item_propose(
        meeting=meeting, by=cast.member, title="Busskort", description=""
    )
    login(cast.coordinator)
    typed = {"title": "Ny sak om sommerjobb", "kind": "discussion", "presenter": "Hanne"}

    client.post(
        f"/p/best/meetings/{meeting.pk}/agenda/{proposal.pk}/decide/",
        {**typed, "decision": "accept"},
    )
    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert 'value="Ny sak om sommerjobb"' in body and 'value="Hanne"' in body
    assert '<details class="mb-4" open>' in body
    # Kept until the item is added; then the form starts empty.
    client.post(f"/p/best/meetings/{meeting.pk}/agenda/add/", typed)
    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()
    assert 'value="Ny sak om sommerjobb"' not in body


def test_a_coming_meeting_offers_no_attendance_minutes_or_everyone_present(
    login, client, cast, meeting
):
    login(cast.coordinator)

    body = client.get(f"/p/best/meetings/{meeting.pk}/").content.decode()

    assert "Register attendance" not in body and "Edit minutes" not in body
    assert "Everyone was present" not in body and "Check in" not in body
    assert "Send agenda" in body


def test_the_draft_autosave_saves_on_the_version_and_never_over_a_newer_one(
    login, client, english, cast, held
):
    login(cast.coordinator)
    url = f"/p/best/meetings/{held.pk}/minutes/draft/"

    answer = client.post(url, {"version": 0, "summary": "Første utkast"}).json()

    assert answer["saved"] is True and answer["version"] == 1
    assert answer["message"].startswith("Draft saved at ")
    held.refresh_from_db()
    assert held.minutes_summary == "Første utkast"
    # Someone else saves version 1 → 2; an autosave still on version 1 is refused.
    services.minutes_save(meeting=held, version=1, summary="Annen redaktør", item_minutes={})
    answer = client.post(url, {"version": 1, "summary": "Gammel fane"}).json()
    assert answer["saved"] is False and "Someone else" in answer["message"]
    held.refresh_from_db()
    assert held.minutes_summary == "Annen redaktør"


def test_the_draft_autosave_is_refused_to_a_member_and_for_a_coming_meeting(
    login, client, cast, meeting
):
    login(cast.member)
    assert client.post(f"/p/best/meetings/{meeting.pk}/minutes/draft/", {}).status_code == 404
    login(cast.coordinator)
    answer = client.post(
        f"/p/best/meetings/{meeting.pk}/minutes/draft/", {"version": 0, "summary": "Tidlig"}
    ).json()
    assert answer["saved"] is False
    meeting.refresh_from_db()
    assert meeting.minutes_summary == ""
