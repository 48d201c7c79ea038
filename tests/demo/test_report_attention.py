"""The demo's steering report (the default period, up to today): every attention item of page
one is true of the demo's data, on any date, naming no young member; the decisions are those
of the latest steering meeting held; the hours are the budget page's, to the same rounding."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from participation.formatting import format_hours, format_nok
from participation.models import Group, Membership
from reports import services

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture
def context(demo_programme):
    period = services.default_period(programme=demo_programme)
    with translation.override("en"):
        return services.steering_report_context(programme=demo_programme, period=period)


def test_page_one_lists_each_kind_of_attention_item(context):
    kinds = {item.kind for item in context["attention"].data["items"]}

    assert {
        "office-absent",
        "inputs-late",
        "indicator-wrong-way",
        "budget-ahead",
        "members-drifting",
        "decision-follow-up-late",
    } <= kinds
    for item in context["attention"].data["items"]:
        assert item.figure and item.anchor and item.url


def test_page_one_names_no_young_member(context, demo_programme):
    young = Membership.objects.filter(
        group__programmes=demo_programme,
        group__kind=Group.Kind.RESOURCE,
        role__in=[Membership.Role.MEMBER, Membership.Role.PAID_REPRESENTATIVE],
    ).values_list("person__display_name", flat=True)
    text = " ".join(f"{i.text} {i.figure}" for i in context["attention"].data["items"])

    for name in young:
        assert name not in text


def test_the_decisions_are_the_latest_held_steering_meetings_with_follow_ups(context):
    decisions = next(s for s in context["sections"] if s.slug == "decisions").data

    assert decisions["meeting"].group.kind == Group.Kind.STEERING
    assert decisions["decisions"]
    assert any(d.items for d in decisions["decisions"])
    # Its minutes are still a draft, and the report says so.
    assert not decisions["minutes_approved"]


def test_the_reports_hours_and_amount_are_the_budget_pages(context, demo_programme, login):
    from participation.models import User

    hours = next(s for s in context["sections"] if s.slug == "hours").data
    client = login(User.objects.get(email="coordinator@example.org"))

    page = client.get(
        reverse("resourcegroup:budget", kwargs={"slug": demo_programme.slug})
    ).content.decode()

    assert hours["totals"].hours > 0
    # "257,5 hours" on the page, and the same in the PDF (the report's `hours` filter).
    shown = format_hours(hours["totals"].hours)
    assert f"{shown} hours" in page
    with translation.override("en"):
        pdf_part = render_to_string("reports/steering/_hours.html", {"data": hours})
    assert f"Up to the end of the period: {shown} hours" in pdf_part
    assert format_nok(hours["totals"].hours_amount).removesuffix("\u00a0kr") in page.replace(
        "\u202f", "\u00a0"
    )
