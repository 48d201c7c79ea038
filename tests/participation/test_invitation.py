import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from participation import services
from participation.models import Invitation, Membership, User

pytestmark = pytest.mark.django_db

FORM = {
    "display_name": "Nora Ny",
    "email": "nora.ny@example.org",
    "role": "member",
}


def _invite(client, cast, **overrides):
    data = {**FORM, "group": cast.resource_group.pk, **overrides}
    return client.post("/p/best/invite/", data)


def _link_in(message) -> str:
    return re.search(r"https://\S+/accounts/invitation/\S+/", message.body).group(0)


def test_coordinator_invites_a_new_person_who_gets_an_email_with_a_link(
    login, client, cast, django_capture_on_commit_callbacks
):
    login(cast.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, cast)

    assert response.status_code == 302
    person = User.objects.get(email="nora.ny@example.org")
    assert person.display_name == "Nora Ny"
    assert not person.has_usable_password()
    assert Membership.objects.filter(person=person, group=cast.resource_group).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nora.ny@example.org"]
    assert "/accounts/invitation/" in mail.outbox[0].body
    assert mail.outbox[0].alternatives, "the email has an HTML part beside the text"
    assert Invitation.objects.get(person=person).sent_at is not None


def test_invited_person_chooses_a_password_and_is_logged_in(
    login, client, cast, django_capture_on_commit_callbacks
):
    login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, cast)
    link = _link_in(mail.outbox[0]).replace("https://testserver", "")
    client.logout()

    page = client.get(link)
    response = client.post(
        link, {"new_password1": "lang-og-trygg-2026", "new_password2": "lang-og-trygg-2026"}
    )

    assert "Nora" in page.content.decode()
    assert response.status_code == 302
    person = User.objects.get(email="nora.ny@example.org")
    assert person.check_password("lang-og-trygg-2026")
    assert client.session["_auth_user_id"] == str(person.pk)
    assert Invitation.objects.get(person=person).is_accepted


def test_invitation_link_cannot_be_used_twice(
    login, client, cast, django_capture_on_commit_callbacks
):
    login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, cast)
    link = _link_in(mail.outbox[0]).replace("https://testserver", "")
    client.logout()
    client.post(
        link, {"new_password1": "lang-og-trygg-2026", "new_password2": "lang-og-trygg-2026"}
    )
    client.logout()

    response = client.get(link)

    assert response.status_code == 400
    assert (
        "no longer works" in response.content.decode() or "virker ikke" in response.content.decode()
    )


def test_mismatched_passwords_are_refused_and_nothing_is_set(
    login, client, cast, django_capture_on_commit_callbacks
):
    login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, cast)
    link = _link_in(mail.outbox[0]).replace("https://testserver", "")
    client.logout()

    response = client.post(link, {"new_password1": "lang-og-trygg-2026", "new_password2": "annet"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not User.objects.get(email="nora.ny@example.org").has_usable_password()


def test_garbage_invitation_link_is_a_calm_400(client, db):
    response = client.get("/accounts/invitation/zzzz/not-a-token/")

    assert response.status_code == 400


def test_bad_email_comes_back_with_a_message_and_the_other_values_kept(login, client, cast):
    login(cast.coordinator)

    response = _invite(client, cast, email="not-an-email")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Nora Ny"' in body
    assert 'value="not-an-email"' in body
    assert "error-summary" in body
    assert not User.objects.filter(display_name="Nora Ny").exists()


def test_group_from_another_programme_is_refused(login, client, cast):
    login(cast.coordinator)

    response = _invite(client, cast, group=cast.other_group.pk)

    assert response.status_code == 200
    assert not User.objects.filter(email="nora.ny@example.org").exists()


def test_inviting_a_current_member_again_is_refused_and_stores_nothing(cast):
    with pytest.raises(ValidationError) as error:
        services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="MEMBER@example.org",
            display_name="Emma",
            group=cast.resource_group,
            role="member",
        )

    assert "email" in error.value.message_dict
    assert Invitation.objects.count() == 0


def test_existing_account_is_offered_the_seat_and_told_without_a_password_link(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="member@example.org",
            display_name="Emma",
            group=cast.project_group,
            role="observer",
            confirm_existing=True,
        )

    assert not Membership.objects.filter(person=cast.member, group=cast.project_group).exists()
    assert "/accounts/invitation/" not in mail.outbox[0].body
    assert f"/invitations/{invitation.pk}/" in mail.outbox[0].body


def test_office_outside_the_programme_is_refused(cast):
    from tests.participation.factories import OfficeFactory

    with pytest.raises(ValidationError) as error:
        services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="x@example.org",
            display_name="X",
            group=cast.project_group,
            role="advisor",
            office=OfficeFactory(code="oslo"),
        )

    assert "office" in error.value.message_dict
    assert not User.objects.filter(email="x@example.org").exists()


@pytest.mark.parametrize("who", ["member", "advisor", "leader"])
def test_only_coordinators_may_invite(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get("/p/best/invite/").status_code == 404
    assert _invite(client, cast).status_code == 404
    assert not User.objects.filter(email="nora.ny@example.org").exists()


def test_coordinator_of_another_programme_gets_404(login, client, cast):
    other_coordinator = cast.outsider
    cast.other_programme.coordinators.add(other_coordinator)
    login(other_coordinator)

    assert client.get("/p/best/invite/").status_code == 404


def test_coordinator_sends_an_invitation_again(
    login, client, cast, django_capture_on_commit_callbacks
):
    login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, cast)
    invitation = Invitation.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/p/best/invitations/{invitation.pk}/resend/")

    assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_member_cannot_resend_invitations(login, client, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="nora@example.org",
            display_name="Nora",
            group=cast.resource_group,
            role="member",
        )
    login(cast.member)

    response = client.post(f"/p/best/invitations/{invitation.pk}/resend/")

    assert response.status_code == 404
    assert len(mail.outbox) == 1


def test_invitation_email_is_in_the_persons_language(cast, django_capture_on_commit_callbacks):
    cast.member.language = "en"
    cast.member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="member@example.org",
            display_name="Emma",
            group=cast.project_group,
            role="observer",
            confirm_existing=True,
        )

    assert "You are invited to join" in mail.outbox[0].body
