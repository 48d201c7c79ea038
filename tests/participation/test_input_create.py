"""Registering an input: coordinators only, the programme's own choices, values kept on errors."""

import datetime

import pytest
from django.utils import timezone

from participation.models import Input, InputEvent, Membership

from .factories import GroupFactory, MembershipFactory, OfficeFactory
from .factories_inputs import MeetingFactory

pytestmark = pytest.mark.django_db

URL = "/p/best/inputs/new/"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def valid_post(cast, **changes):
    data = {
        "title": "Brevene er vanskelige",
        "description": "Vi forstår ikke hva NAV vil at vi skal gjøre.",
        "source": Input.Source.MEETING,
        "group": cast.resource_group.pk,
        "meeting": "",
        "raised_on": timezone.localdate().isoformat(),
        "assigned_office": cast.offices.gjovik.pk,
        "assigned_to": cast.advisor.pk,
    }
    data.update(changes)
    return data


def test_coordinator_sees_the_form_with_today_as_the_date(login, client, cast):
    login(cast.coordinator)

    response = client.get(URL)

    assert response.status_code == 200
    body = response.content.decode()
    assert "What the users said" in body
    assert f'value="{timezone.localdate().isoformat()}"' in body


def test_coordinator_registers_an_input_and_lands_on_it(login, client, cast):
    login(cast.coordinator)

    response = client.post(URL, valid_post(cast))

    item = Input.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/p/best/inputs/{item.pk}/"
    assert item.programme == cast.programme
    assert item.group == cast.resource_group
    assert item.assigned_office == cast.offices.gjovik
    assert item.assigned_to == cast.advisor
    assert item.raised_by == cast.coordinator
    assert item.status == Input.Status.RECEIVED
    assert item.feedback_due_on == timezone.localdate() + datetime.timedelta(weeks=6)
    assert InputEvent.objects.filter(input=item, to_status=Input.Status.RECEIVED).count() == 1


def test_input_raised_in_a_meeting_remembers_the_meeting(login, client, cast):
    meeting = MeetingFactory(group=cast.resource_group)
    login(cast.coordinator)

    client.post(URL, valid_post(cast, meeting=meeting.pk))

    assert Input.objects.get().meeting == meeting


def test_meeting_list_offers_only_meetings_held_newest_first(login, client, cast):
    now = timezone.now()
    recent = MeetingFactory(group=cast.resource_group, title="Nylig møte")
    older = MeetingFactory(
        group=cast.project_group,
        title="Eldre møte",
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=30, hours=-2),
    )
    MeetingFactory(  # not held yet: nothing can have come up in it
        group=cast.project_group,
        title="Kommende møte",
        starts_at=now + datetime.timedelta(days=30),
        ends_at=now + datetime.timedelta(days=30, hours=2),
    )
    MeetingFactory(
        group=cast.resource_group,
        starts_at=now - datetime.timedelta(days=500),
        ends_at=now - datetime.timedelta(days=500) + datetime.timedelta(hours=2),
    )
    MeetingFactory(group=cast.other_group)
    login(cast.coordinator)

    form = client.get(URL).context["form"]

    assert list(form.fields["meeting"].queryset) == [recent, older]


def test_an_input_from_a_meeting_takes_the_meetings_date(login, client, cast):
    held = MeetingFactory(
        group=cast.resource_group,
        starts_at=timezone.now() - datetime.timedelta(days=10),
    )
    login(cast.coordinator)

    client.post(URL, valid_post(cast, meeting=held.pk, raised_on=""))

    assert Input.objects.get().raised_on == timezone.localdate(held.starts_at)


def test_an_input_not_from_a_meeting_needs_a_date(login, client, cast):
    login(cast.coordinator)

    response = client.post(
        URL, valid_post(cast, raised_on="", title="Beholdt tittel"), HTTP_ACCEPT_LANGUAGE="en"
    )

    body = response.content.decode()
    assert "Give the date the input was raised." in body and "Beholdt tittel" in body
    assert not Input.objects.exists()


def test_people_are_grouped_by_role_in_the_person_list(login, client, cast):
    login(cast.coordinator)

    body = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    person_select = body.split('name="assigned_to"')[1].split("</select>")[0]
    assert '<optgroup label="Coordinators">' in person_select
    assert f'<optgroup label="{cast.project_group.name}">' in person_select
    coordinators = person_select.split('<optgroup label="Coordinators">')[1].split("</optgroup>")[0]
    assert cast.coordinator.display_name in coordinators
    assert cast.member.display_name not in coordinators


def test_person_list_offers_coordinators_leaders_and_advisors_once_each(login, client, cast):
    ended = GroupFactory(programmes=[cast.programme])
    former = MembershipFactory(
        group=ended,
        role=Membership.Role.ADVISOR,
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
        ends_on=timezone.localdate() - datetime.timedelta(days=10),
    ).person
    # The advisor in two groups.
    MembershipFactory(group=ended, person=cast.advisor, role=Membership.Role.ADVISOR)
    login(cast.coordinator)

    people = list(client.get(URL).context["form"].fields["assigned_to"].queryset)

    # An input is given to those who answer for NAV, not to the young members (issue 15).
    assert sorted(p.pk for p in people) == sorted(
        [cast.coordinator.pk, cast.advisor.pk, cast.leader.pk]
    )
    assert former not in people and cast.outsider not in people and cast.member not in people


def test_empty_title_is_refused_with_a_message_and_the_values_kept(login, client, cast):
    login(cast.coordinator)

    response = client.post(URL, valid_post(cast, title="  "))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Write a short title." in body
    assert "Vi forstår ikke hva NAV vil at vi skal gjøre." in body
    assert "Please check the following" in body
    assert Input.objects.count() == 0


def test_meeting_of_another_group_is_refused_beside_the_meeting(login, client, cast):
    meeting = MeetingFactory(group=cast.project_group)
    login(cast.coordinator)

    response = client.post(URL, valid_post(cast, meeting=meeting.pk))

    assert response.status_code == 200
    assert response.context["form"].errors["meeting"] == [
        "The meeting must belong to the chosen group."
    ]
    assert Input.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("group", "other"),
        ("group", "999999"),
        ("meeting", "other"),
        ("assigned_office", "elsewhere"),
        ("assigned_to", "outsider"),
        ("source", "rumour"),
        ("raised_on", "32.13.2026"),
        ("raised_on", "not a date"),
    ],
)
def test_values_from_outside_the_programme_or_garbage_are_form_errors(
    login, client, cast, field, value
):
    stranger = {
        "other": lambda: cast.other_group.pk,
        "elsewhere": lambda: OfficeFactory(code="elsewhere").pk,
        "outsider": lambda: cast.outsider.pk,
    }
    if value == "other" and field == "meeting":
        value = MeetingFactory(group=cast.other_group).pk
    elif value in stranger:
        value = stranger[value]()
    login(cast.coordinator)

    response = client.post(URL, valid_post(cast, **{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Input.objects.count() == 0


def test_date_in_the_future_is_refused(login, client, cast):
    login(cast.coordinator)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(URL, valid_post(cast, raised_on=tomorrow.isoformat()))

    assert response.context["form"].errors["raised_on"] == ["The date cannot be in the future."]
    assert Input.objects.count() == 0


def test_a_date_typed_the_norwegian_way_is_understood(login, client, cast):
    login(cast.coordinator)

    day = timezone.localdate() - datetime.timedelta(days=40)

    client.post(URL, valid_post(cast, raised_on=f"{day.day}.{day.month}.{day.year}"))

    assert Input.objects.get().raised_on == day


@pytest.mark.parametrize("role", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_may_register_inputs(login, client, cast, role):
    login(getattr(cast, role))

    assert client.get(URL).status_code == 404
    assert client.post(URL, valid_post(cast)).status_code == 404
    assert Input.objects.count() == 0


def test_anonymous_visitor_is_sent_to_log_in_to_register(client, cast):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
