"""The demo's promise for each office's card: every office in use has one with real figures,
on any date, and its leader opens it on a phone-sized page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.models import User
from reports.offices import office_cards
from reports.sections import Period
from reports.views.offices import _default_period
from tests.conftest import force_login_with_mfa

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_every_demo_office_has_a_card_with_real_figures(demo_programme):
    now = timezone.now()
    period = _default_period(timezone.localdate(now))
    cards = office_cards(programme=demo_programme, period=period, now=now)

    assert [card.office.name for card in cards] == [
        "NAV Gjøvik",
        "NAV Nordre Land",
        "NAV Søndre Land",
        "NAV Vestre Toten",
        "NAV Østre Toten",
    ]
    for card in cards:
        (project_group,) = card.attendance
        assert project_group.meetings > 0 and project_group.advisors, card.office
        assert card.advisor_time.has_plan and card.advisor_time.recorded_months, card.office
        assert card.checklist.uses > 0, card.office
        assert card.surveys and card.surveys[0].office is not None, card.office
    assert any(card.inputs.items for card in cards)


def test_the_report_has_a_card_per_office_after_the_programme_wide_sections(demo_programme):
    from reports.services import default_period, steering_report_context

    now = timezone.now()
    context = steering_report_context(
        programme=demo_programme, period=default_period(programme=demo_programme, now=now), now=now
    )
    slugs = [section.slug for section in context["body_sections"]]
    # The cards come after the programme-wide sections, with only the words and rules after them.
    assert slugs[-2:] == ["office-cards", "words-and-rules"]
    cards = context["body_sections"][-2].data["cards"]
    assert len(cards) == 5


def test_the_leader_of_nav_gjovik_opens_the_office_card(client, demo_programme):
    leader = User.objects.get(email="steering@example.org")
    force_login_with_mfa(client, leader)
    office = demo_programme.offices.get(code="gjovik")

    page = client.get(
        reverse("reports:office_card", kwargs={"slug": demo_programme.slug, "office_id": office.pk})
    )

    assert page.status_code == 200
    text = page.content.decode()
    assert "NAV Gjøvik" in text
    assert "Sara Holm" in text  # the office's advisor in the project group
    period = Period(start=page.context["period"].start, end=page.context["period"].end)
    assert period.days >= 365
    # The programme's figures beside the office's are every office's, not this one's again.
    card = page.context["card"]
    assert card.checklist.programme_uses > card.checklist.uses > 0
