"""Inputs answered by those who own them (issue 15): giving an input to an office, a group or a
person with a due date; who may answer it; the owner's page and the coordinator's overview."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import services
from participation.models import Input, Membership

from .factories import GroupFactory, MembershipFactory, OfficeFactory, UserFactory
from .factories_inputs import InputFactory, overdue_input

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def item(cast):
    return InputFactory(
        programme=cast.programme, group=cast.resource_group, title="Lang ventetid i skranken"
    )


def url(item, action=""):
    return f"/p/{item.programme.slug}/inputs/{item.pk}/" + (f"{action}/" if action else "")


def answer(client, item, **fields):
    data = {"status-to_status": "done", "status-feedback": "Vi har flyttet skranken."}
    data.update({f"status-{k}": v for k, v in fields.items()})
    return client.post(url(item, "status"), data)


# --- Giving an input to its owner ------------------------------------------------------------


def test_coordinator_gives_an_input_to_an_office_leader_with_a_due_date(login, client, cast, item):
    due = timezone.localdate() + datetime.timedelta(days=10)
    login(cast.coordinator)

    response = client.post(
        url(item, "assign"),
        {
            "assign-assigned_office": cast.offices.gjovik.pk,
            "assign-assigned_to": cast.leader.pk,
            "assign-due_on": due.isoformat(),
        },
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.assigned_office, item.assigned_to, item.feedback_due_on) == (
        cast.offices.gjovik,
        cast.leader,
        due,
    )


def test_reassigning_to_a_group_without_a_date_keeps_the_programmes_due_date(cast, item):
    due = item.feedback_due_on

    services.input_assign(
        input=item, office=None, group=cast.project_group, person=None, due_on=None
    )

    item.refresh_from_db()
    assert item.assigned_group == cast.project_group and item.assigned_to is None
    assert item.feedback_due_on == due == item.raised_on + datetime.timedelta(weeks=6)


@pytest.mark.parametrize("owner", ["office", "group", "person"])
def test_an_owner_from_another_programme_is_refused_and_nothing_changes(cast, item, owner):
    elsewhere = {
        "office": OfficeFactory(code="annet"),
        "group": cast.other_group,
        "person": cast.outsider,
    }
    kwargs = {"office": None, "group": None, "person": None, owner: elsewhere[owner]}

    with pytest.raises(ValidationError):
        services.input_assign(input=item, **kwargs)

    item.refresh_from_db()
    assert (item.assigned_office, item.assigned_group, item.assigned_to) == (None, None, None)


def test_a_young_member_cannot_be_given_an_input(cast, item):
    with pytest.raises(ValidationError) as error:
        services.input_assign(input=item, office=None, person=cast.member)

    assert "assigned_to" in error.value.message_dict
    item.refresh_from_db()
    assert item.assigned_to is None


def test_a_due_date_in_the_past_is_refused_beside_the_field_with_the_values_kept(
    login, client, cast
):
    item = InputFactory(
        programme=cast.programme, raised_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    login(cast.coordinator)

    response = client.post(
        url(item, "assign"),
        {
            "assign-assigned_to": cast.advisor.pk,
            "assign-due_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert response.context["assign_form"].errors["due_on"] == ["Choose today or a later day."]
    assert f'value="{cast.advisor.pk}" selected' in response.content.decode()
    item.refresh_from_db()
    assert item.assigned_to is None


def test_a_due_date_before_the_input_was_raised_is_refused(cast):
    item = InputFactory(programme=cast.programme)

    with pytest.raises(ValidationError) as error:
        services.input_assign(
            input=item,
            office=None,
            person=None,
            due_on=item.raised_on - datetime.timedelta(days=1),
        )

    assert error.value.message_dict["due_on"] == [
        "The answer cannot be due before the input was raised."
    ]


def test_a_garbled_due_date_is_a_form_error_not_a_crash(login, client, cast, item):
    login(cast.coordinator)

    response = client.post(url(item, "assign"), {"assign-due_on": "32.13.2026"})

    assert response.status_code == 200
    assert "due_on" in response.context["assign_form"].errors


@pytest.mark.parametrize("role", ["leader", "advisor", "member"])
def test_only_coordinators_give_inputs_to_owners(login, client, cast, item, role):
    login(getattr(cast, role))

    response = client.post(url(item, "assign"), {"assign-assigned_to": cast.advisor.pk})

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.assigned_to is None


# --- Who may answer ----------------------------------------------------------------------------


def _assigned(cast, item, **owner):
    services.input_assign(
        input=item,
        office=owner.get("office"),
        group=owner.get("group"),
        person=owner.get("person"),
    )
    return item


@pytest.mark.parametrize(
    "owner, who, allowed",
    [
        # Given to the advisor by name: the advisor and the coordinator answer.
        ("advisor", "advisor", True),
        ("advisor", "coordinator", True),
        ("advisor", "leader", False),
        ("advisor", "member", False),
        ("advisor", "outsider", False),
        # Given to NAV Gjøvik: its leader answers, and the coordinator.
        ("gjovik", "leader", True),
        ("gjovik", "coordinator", True),
        ("gjovik", "advisor", False),
        ("gjovik", "member", False),
        ("gjovik", "toten_leader", False),
        # Given to the advisor at NAV Gjøvik: the office's leader may step in.
        ("advisor_at_gjovik", "leader", True),
        ("advisor_at_gjovik", "toten_leader", False),
        # Given to the project group: its advisors answer, not the resource group's members.
        ("project_group", "advisor", True),
        ("project_group", "member", False),
        ("project_group", "leader", False),
        # Given to nobody: the coordinator's.
        ("nobody", "coordinator", True),
        ("nobody", "leader", False),
    ],
)
def test_who_may_answer_an_input(login, client, cast, item, owner, who, allowed):
    cast.toten_leader = MembershipFactory(
        group=cast.steering_group, role=Membership.Role.LEADER, office=cast.offices.toten
    ).person
    owners = {
        "advisor": {"person": cast.advisor},
        "gjovik": {"office": cast.offices.gjovik},
        "advisor_at_gjovik": {"person": cast.advisor, "office": cast.offices.gjovik},
        "project_group": {"group": cast.project_group},
        "nobody": {},
    }
    _assigned(cast, item, **owners[owner])
    login(getattr(cast, who))

    response = answer(client, item)

    item.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert item.status == Input.Status.DONE and item.feedback == "Vi har flyttet skranken."
        assert item.events.last().by == getattr(cast, who)
    else:
        assert response.status_code == 404
        assert item.status == Input.Status.RECEIVED and item.feedback == ""


def test_the_owner_sees_the_answer_form_first_but_not_the_coordinators_forms(
    login, client, cast, item
):
    _assigned(cast, item, office=cast.offices.gjovik)
    login(cast.leader)

    body = client.get(url(item)).content.decode()

    assert "Answer or decline the input" in body
    assert f'action="{url(item, "status")}"' in body
    assert f'action="{url(item, "assign")}"' not in body
    assert 'class="btn btn-primary btn-lg w-100"' in body


def test_owner_declining_without_a_reason_gets_the_form_back_with_what_they_wrote(
    login, client, cast, item
):
    _assigned(cast, item, person=cast.advisor)
    login(cast.advisor)

    response = answer(client, item, to_status="declined", feedback="Det kan vi ikke nå.")

    assert response.status_code == 200
    assert "Say why the input was declined." in response.content.decode()
    assert "Det kan vi ikke nå." in response.content.decode()
    item.refresh_from_db()
    assert item.status == Input.Status.RECEIVED


# --- What an owner owes -------------------------------------------------------------------------


def test_leader_sees_the_inputs_their_office_owes_on_their_page_and_start_page(
    login, client, cast, item
):
    _assigned(cast, item, office=cast.offices.gjovik)
    other = InputFactory(programme=cast.programme, title="Annet kontor sitt")
    _assigned(cast, other, office=cast.offices.toten)
    login(cast.leader)

    mine = client.get(f"/p/{cast.programme.slug}/inputs/mine/")
    start = client.get(f"/p/{cast.programme.slug}/")

    assert list(mine.context["inputs"]) == [item]
    assert "Lang ventetid i skranken" in start.content.decode()
    assert "Inputs I must answer" in start.content.decode()
    assert "Annet kontor sitt" not in start.content.decode()


def test_an_input_given_to_a_person_is_theirs_not_their_office_leaders(login, client, cast, item):
    _assigned(cast, item, person=cast.advisor, office=cast.offices.gjovik)

    login(cast.advisor)
    advisors = list(client.get(f"/p/{cast.programme.slug}/inputs/mine/").context["inputs"])
    login(cast.leader)
    leaders = list(client.get(f"/p/{cast.programme.slug}/inputs/mine/").context["inputs"])

    assert advisors == [item] and leaders == []


def test_answered_inputs_leave_the_owners_page(login, client, cast, item):
    _assigned(cast, item, person=cast.advisor)
    login(cast.advisor)
    answer(client, item)

    response = client.get(f"/p/{cast.programme.slug}/inputs/mine/")

    assert list(response.context["inputs"]) == []
    assert "You have no inputs to answer now." in response.content.decode()


def test_a_member_owes_nothing_and_sees_an_empty_page(login, client, cast, item):
    _assigned(cast, item, group=cast.resource_group)  # the group's plain members do not answer
    login(cast.member)

    response = client.get(f"/p/{cast.programme.slug}/inputs/mine/")

    assert list(response.context["inputs"]) == []


def test_the_owner_of_an_input_from_another_group_may_open_it(login, client, cast):
    from_steering = InputFactory(programme=cast.programme, group=cast.steering_group)
    _assigned(cast, from_steering, group=cast.project_group)
    login(cast.advisor)

    assert client.get(url(from_steering)).status_code == 200


# --- Who owes what: the coordinator's overview ------------------------------------------------


def test_coordinator_sees_who_owes_what_with_days_overdue(login, client, cast):
    late = overdue_input(programme=cast.programme, title="Sent svar")
    _assigned(cast, late, office=cast.offices.gjovik)
    fresh = InputFactory(programme=cast.programme, title="Nytt innspill")
    _assigned(cast, fresh, person=cast.advisor)
    nobodys = InputFactory(programme=cast.programme, title="Ingen eier")
    login(cast.coordinator)

    response = client.get(f"/p/{cast.programme.slug}/inputs/owners/")

    rows = {row.input.title: row for row in response.context["rows"]}
    assert rows["Sent svar"].owners == [cast.leader]
    assert rows["Sent svar"].days_overdue == (timezone.localdate() - late.feedback_due_on).days
    assert (
        rows["Nytt innspill"].owners == [cast.advisor] and rows["Nytt innspill"].days_overdue == 0
    )
    assert rows["Ingen eier"].owners == [] and nobodys.pk
    body = response.content.decode()
    assert "Kari Leder" in body and "Sara Veileder" in body and "Nobody: yours" in body


@pytest.mark.parametrize("role", ["leader", "advisor", "member", "outsider"])
def test_only_coordinators_see_who_owes_what(login, client, cast, role):
    login(getattr(cast, role))

    assert client.get(f"/p/{cast.programme.slug}/inputs/owners/").status_code == 404


def test_an_office_without_a_leader_shows_that_on_the_overview(login, client, cast):
    item = InputFactory(programme=cast.programme)
    _assigned(cast, item, office=cast.offices.toten)
    login(cast.coordinator)

    body = client.get(f"/p/{cast.programme.slug}/inputs/owners/").content.decode()

    assert "no leader registered" in body


def test_a_former_leader_no_longer_owes_the_office_inputs(cast):
    from participation.selectors.inputs import input_owners

    item = InputFactory(programme=cast.programme, assigned_office=cast.offices.toten)
    gone = UserFactory()
    MembershipFactory(
        person=gone,
        group=GroupFactory(programmes=[cast.programme]),
        role=Membership.Role.LEADER,
        office=cast.offices.toten,
        starts_on=timezone.localdate() - datetime.timedelta(days=60),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    assert input_owners(inputs=[item], on=timezone.localdate()) == {item.pk: []}


# --- Two people answering at once ---------------------------------------------------------------


def test_when_owner_and_coordinator_answer_at_once_only_the_first_answer_is_stored(cast, item):
    owners_copy = Input.objects.get(pk=item.pk)
    coordinators_copy = Input.objects.get(pk=item.pk)
    services.input_change_status(
        input=coordinators_copy, to_status="done", by=cast.coordinator, feedback="Første svar."
    )

    with pytest.raises(ValidationError) as error:
        services.input_change_status(
            input=owners_copy,
            to_status="declined",
            by=cast.leader,
            feedback="Andre svar.",
            decline_reason="Nei.",
        )

    assert "Someone else moved this input on" in error.value.message_dict["to_status"][0]
    item.refresh_from_db()
    assert (item.status, item.feedback) == (Input.Status.DONE, "Første svar.")
    assert item.events.filter(to_status__in=["done", "declined"]).count() == 1


def test_an_answer_does_not_undo_a_reassignment_made_meanwhile(cast, item):
    stale = Input.objects.get(pk=item.pk)
    services.input_assign(input=item, office=None, person=cast.advisor)

    services.input_change_status(input=stale, to_status="considering", by=cast.coordinator)

    item.refresh_from_db()
    assert item.assigned_to == cast.advisor and item.status == Input.Status.CONSIDERING


def test_an_owner_answering_an_input_closed_meanwhile_keeps_what_they_wrote(
    login, client, cast, item
):
    _assigned(cast, item, person=cast.advisor)
    services.input_change_status(
        input=item, to_status="done", by=cast.coordinator, feedback="Koordinatoren svarte."
    )
    login(cast.advisor)

    response = answer(client, item, feedback="Mitt lange svar som ikke må forsvinne.")

    body = response.content.decode()
    assert response.status_code == 200
    assert "This input is closed." in body and "What you wrote is kept below." in body
    assert "Mitt lange svar som ikke må forsvinne." in body
    item.refresh_from_db()
    assert item.feedback == "Koordinatoren svarte."


@pytest.mark.parametrize(
    "field, value",
    [
        ("assigned_group", "other_group"),
        ("assigned_group", "999999"),
        ("assigned_to", "member"),
        ("assigned_to", "outsider"),
        ("assigned_office", "not-a-number"),
    ],
)
def test_a_crafted_owner_is_a_form_error_beside_the_field(login, client, cast, item, field, value):
    people = {"other_group": cast.other_group.pk, "member": cast.member.pk}
    people["outsider"] = cast.outsider.pk
    login(cast.coordinator)

    response = client.post(url(item, "assign"), {f"assign-{field}": people.get(value, value)})

    assert response.status_code == 200
    assert field in response.context["assign_form"].errors
    item.refresh_from_db()
    assert (item.assigned_office, item.assigned_group, item.assigned_to) == (None, None, None)
