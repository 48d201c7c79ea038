import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import services
from participation.models import Membership

pytestmark = pytest.mark.django_db


def _end_url(cast, membership):
    return f"/p/best/groups/{cast.resource_group.pk}/members/{membership.pk}/end/"


def test_coordinator_records_that_a_member_left_with_reason_and_handover_note(login, client, cast):
    membership = cast.member.memberships.get()
    login(cast.coordinator)

    response = client.post(
        _end_url(cast, membership),
        {
            "ends_on": timezone.localdate().isoformat(),
            "end_reason": "got_job",
            "handover_note": "Emma hadde ansvar for å lage utkast til nytt brev.",
            "confirm": "end",
        },
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ends_on == timezone.localdate()
    assert membership.end_reason == "got_job"
    assert "utkast" in membership.handover_note


def test_leaving_without_a_reason_comes_back_with_the_note_kept(login, client, cast):
    membership = cast.member.memberships.get()
    login(cast.coordinator)

    response = client.post(
        _end_url(cast, membership),
        {
            "ends_on": timezone.localdate().isoformat(),
            "end_reason": "",
            "handover_note": "Husk brevet",
        },
    )

    assert response.status_code == 200
    assert "Husk brevet" in response.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_end_before_the_start_is_refused(cast):
    membership = cast.member.memberships.get()

    with pytest.raises(ValidationError) as error:
        services.membership_end(
            membership=membership,
            ends_on=membership.starts_on - datetime.timedelta(days=1),
            end_reason="moved",
        )

    assert "ends_on" in error.value.message_dict


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_manage_members(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/groups/{cast.resource_group.pk}/members/").status_code == 404
    response = client.post(
        _end_url(cast, cast.member.memberships.get()),
        {"ends_on": timezone.localdate().isoformat(), "end_reason": "other"},
    )
    assert response.status_code == 404
    assert Membership.objects.filter(ends_on__isnull=False).count() == 0


def test_members_page_lists_current_and_former_members(login, client, cast):
    services.membership_end(
        membership=cast.member.memberships.get(), ends_on=timezone.localdate(), end_reason="health"
    )
    login(cast.coordinator)

    body = client.get(
        f"/p/best/groups/{cast.resource_group.pk}/members/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Emma Medlem" in body and "Health or everyday life" in body


def test_successor_takes_over_the_seat_and_the_note(cast, django_capture_on_commit_callbacks):
    old = services.membership_end(
        membership=cast.member.memberships.get(),
        ends_on=timezone.localdate(),
        end_reason="got_job",
        handover_note="Les referatet fra mars.",
    )

    invitation = services.person_invite(
        programme=cast.programme,
        invited_by=cast.coordinator,
        email="ny@example.org",
        display_name="Nora Ny",
        group=cast.resource_group,
        role="paid_representative",
        predecessor=old,
    )

    assert invitation.membership.predecessor == old
    assert invitation.membership.predecessor.handover_note == "Les referatet fra mars."
    with pytest.raises(ValidationError):
        services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="tredje@example.org",
            display_name="Tredje",
            group=cast.resource_group,
            role="member",
            predecessor=old,
        )


def test_seat_must_be_in_the_same_group(cast):
    old = services.membership_end(
        membership=cast.member.memberships.get(), ends_on=timezone.localdate(), end_reason="moved"
    )

    with pytest.raises(ValidationError) as error:
        services.person_invite(
            programme=cast.programme,
            invited_by=cast.coordinator,
            email="ny@example.org",
            display_name="Ny",
            group=cast.project_group,
            role="advisor",
            predecessor=old,
        )

    assert "predecessor" in error.value.message_dict


def test_ending_a_membership_passes_a_check_step_that_carries_the_values(login, client, cast):
    membership = cast.member.memberships.get()
    login(cast.coordinator)
    values = {
        "ends_on": timezone.localdate().isoformat(),
        "end_reason": "got_job",
        "handover_note": "Husk brevet",
    }

    check = client.post(_end_url(cast, membership), values, HTTP_ACCEPT_LANGUAGE="en")

    body = check.content.decode()
    assert check.status_code == 200
    assert "Check before you end the membership" in body
    assert "no invitations or reminders" in body and "Husk brevet" in body
    assert 'type="hidden" name="end_reason" value="got_job"' in body
    membership.refresh_from_db()
    assert membership.ends_on is None

    back = client.post(
        _end_url(cast, membership), {**values, "change": "1"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Husk brevet" in back.content.decode() and "Check before" not in back.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_the_reason_list_has_a_plain_prompt_not_dashes(login, client, cast):
    membership = cast.member.memberships.get()
    login(cast.coordinator)

    body = client.get(_end_url(cast, membership), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "---------" not in body and "Choose a reason" in body
