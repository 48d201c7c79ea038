"""A person's rights in one action each: everything as a ZIP, and erasure by anonymisation
after a check step; both logged."""

import io
import json
import zipfile

import pytest
from django.utils import timezone

from participation.models import Attendance, AuditEvent, User
from participation.services.people import FORMER_MEMBER
from resourcegroup.models import Application, Story
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.resourcegroup.factories import ApplicationFactory, PostingFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def emma(cast):
    """The member with an application, a story and one attendance."""
    seat = cast.member.memberships.get(group=cast.resource_group)
    posting = PostingFactory(programme=cast.programme, group=cast.resource_group)
    ApplicationFactory(posting=posting, email=cast.member.email, motivation="Jeg vil hjelpe.")
    StoryFactory(
        group=cast.resource_group,
        author=cast.member,
        text="Min historie.",
        input_consent_text="Koordinatoren kan bruke historien.",
        input_consented_at=timezone.now(),
    )
    AttendanceFactory(meeting=MeetingFactory(group=cast.resource_group), membership=seat)
    return cast.member


def test_coordinator_downloads_everything_about_a_person_as_json_and_csv(login, client, cast, emma):
    login(cast.coordinator)

    response = client.get(f"/p/best/people/{emma.pk}/export.zip")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    everything = json.loads(archive.read("everything.json"))
    assert everything["person"][0]["email"] == emma.email
    assert everything["applications"][0]["motivation"] == "Jeg vil hjelpe."
    assert everything["stories"][0]["text"] == "Min historie."
    assert everything["stories"][0]["consent_to_use_in_inputs"] == (
        "Koordinatoren kan bruke historien."
    )
    assert everything["stories"][0]["consented_at"]
    assert len(everything["attendance"]) == 1
    assert {"person.csv", "memberships.csv", "applications.csv"} <= set(archive.namelist())
    event = AuditEvent.objects.get()
    assert (
        event.action == AuditEvent.Action.EXPORTED and str(emma.display_name) not in event.subject
    )


def test_erasure_shows_what_will_happen_first_and_does_nothing_unconfirmed(
    login, client, cast, emma
):
    login(cast.coordinator)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    page = client.get(f"/p/best/people/{emma.pk}/erase/").content.decode()
    client.post(f"/p/best/people/{emma.pk}/erase/", {})

    assert "This cannot be undone." in page
    assert User.objects.get(pk=emma.pk).display_name == emma.display_name


def test_erasure_anonymises_the_person_and_keeps_attendance(login, client, cast, emma):
    login(cast.coordinator)

    response = client.post(f"/p/best/people/{emma.pk}/erase/", {"confirm": "yes"})

    assert response.status_code == 302
    person = User.objects.get(pk=emma.pk)
    assert person.display_name == FORMER_MEMBER and not person.is_active
    assert not Application.objects.exists()
    assert Story.objects.get().author is None
    assert Attendance.objects.filter(membership__person=person).count() == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETED).count() == 1


@pytest.mark.parametrize("who", ["leader", "advisor", "member", "outsider"])
def test_only_coordinators_export_or_erase(login, client, cast, emma, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/people/{emma.pk}/export.zip").status_code == 404
    assert client.post(f"/p/best/people/{emma.pk}/erase/", {"confirm": "yes"}).status_code == 404
    assert User.objects.get(pk=emma.pk).display_name != FORMER_MEMBER


def test_a_person_outside_the_programme_is_a_404(login, client, cast):
    login(cast.coordinator)

    assert client.get(f"/p/best/people/{cast.outsider.pk}/export.zip").status_code == 404
