"""The office card pages: coordinators and the steering group open every office's card, an
office's leader their own; advisors, members, outsiders and another programme's office: 404."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from participation.models import Membership
from tests.participation.factories import MembershipFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def card_url(office, slug="best"):
    return reverse("reports:office_card", kwargs={"slug": slug, "office_id": office.pk})


def list_url(slug="best"):
    return reverse("reports:office_card_list", kwargs={"slug": slug})


def test_anonymous_visitor_is_sent_to_login(client, cast):
    response = client.get(card_url(cast.offices.gjovik))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["coordinator", "leader"])
def test_coordinator_and_steering_member_open_every_offices_card(client, login, cast, who):
    login(getattr(cast, who))

    listing = client.get(list_url())
    gjovik = client.get(card_url(cast.offices.gjovik))
    toten = client.get(card_url(cast.offices.toten))

    assert listing.status_code == gjovik.status_code == toten.status_code == 200
    assert card_url(cast.offices.toten) in listing.content.decode()
    assert "<h1" in gjovik.content.decode() and "NAV Gjøvik</h1>" in gjovik.content.decode()
    assert "NAV Østre Toten</h1>" in toten.content.decode()


def test_an_office_leader_outside_the_steering_group_opens_only_their_own(client, login, cast):
    leader = MembershipFactory(
        group=cast.project_group, role=Membership.Role.LEADER, office=cast.offices.toten
    ).person
    login(leader)

    assert client.get(card_url(cast.offices.toten)).status_code == 200
    assert client.get(card_url(cast.offices.gjovik)).status_code == 404
    listing = client.get(list_url()).content.decode()
    assert card_url(cast.offices.toten) in listing
    assert card_url(cast.offices.gjovik) not in listing


@pytest.mark.parametrize("who", ["advisor", "member", "outsider"])
def test_others_get_404(client, login, cast, who):
    login(getattr(cast, who))

    assert client.get(list_url()).status_code == 404
    assert client.get(card_url(cast.offices.gjovik)).status_code == 404


def test_another_programmes_office_is_404_even_for_the_coordinator(client, login, cast):
    elsewhere = OfficeFactory(code="annet")
    cast.other_programme.offices.add(elsewhere)
    login(cast.coordinator)

    assert client.get(card_url(elsewhere)).status_code == 404
    assert client.get(card_url(cast.offices.gjovik, slug="other")).status_code == 404


def test_an_office_taken_out_of_use_has_no_card(client, login, cast):
    cast.offices.toten.is_active = False
    cast.offices.toten.save()
    login(cast.coordinator)

    assert client.get(card_url(cast.offices.toten)).status_code == 404


def test_post_is_refused(client, login, cast):
    login(cast.coordinator)
    assert client.post(card_url(cast.offices.gjovik)).status_code == 405


@pytest.mark.calendar
def test_the_card_shows_the_last_twelve_months_unless_a_period_is_chosen(client, login, cast):
    login(cast.leader)
    today = timezone.localdate()

    default = client.get(card_url(cast.offices.gjovik))
    start = today - datetime.timedelta(days=30)
    chosen = client.get(
        card_url(cast.offices.gjovik),
        {"period_start": start.isoformat(), "period_end": today.isoformat()},
    )

    assert default.context["period"].end == today
    # Twelve whole months: from the day after this date a year ago (1 March 2027 on 29 February
    # 2028, a year of 366 days).
    year_ago = today - relativedelta(years=1)
    assert default.context["period"].start == year_ago + datetime.timedelta(days=1)
    assert (chosen.context["period"].start, chosen.context["period"].end) == (start, today)


@pytest.mark.calendar
def test_a_bad_period_keeps_what_was_typed_and_says_what_is_wrong(client, login, cast):
    login(cast.leader)
    today = timezone.localdate()

    response = client.get(
        card_url(cast.offices.gjovik),
        {"period_start": "31.02.2026", "period_end": today.isoformat()},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert 'value="31.02.2026"' in page
    assert "Write the date as dd.mm.yyyy" in page
    # The card still shows the last twelve months, and says so.
    assert response.context["period"].end == today


@pytest.mark.calendar
def test_an_end_before_the_start_is_refused_with_the_periods_message(client, login, cast):
    login(cast.leader)
    today = timezone.localdate()

    response = client.get(
        card_url(cast.offices.gjovik),
        {
            "period_start": today.isoformat(),
            "period_end": (today - datetime.timedelta(days=3)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert "The end must be on or after the start." in response.content.decode()


def test_the_steering_report_page_links_to_the_cards(client, login, cast):
    login(cast.leader)
    page = client.get(reverse("reports:report_archive", kwargs={"slug": "best"}))
    assert list_url() in page.content.decode()
