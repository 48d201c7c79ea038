"""Page one of the steering report: each attention item is raised when its condition holds
(with the figure that triggered it and where to read more) and not otherwise. Built on the
September programme of tests/reports/factories.py."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from participation.models import ActionItem, Attendance, Membership
from reports import attention
from reports.sections import ReportInput, build_sections
from tests.participation.factories import MembershipFactory, OfficeFactory
from tests.participation.factories_inputs import InputFactory
from tests.participation.factories_meetings import ActionItemFactory, AttendanceFactory
from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def september():
    return september_programme()


def _source(september) -> ReportInput:
    programme = september.programme
    return ReportInput(
        programme=programme,
        period=september.period,
        now=timezone.now(),
        groups=list(programme.groups.order_by("kind", "name")),
    )


def _items(september, check) -> list[attention.Attention]:
    source = _source(september)
    sections = {section.slug: section for section in build_sections(source, with_previous=False)}
    return check(source, sections)


# --- An office missing from the project group ----------------------------------------------


def test_an_office_whose_advisor_stays_away_is_named_with_the_meetings_missed(september):
    items = _items(september, attention.office_missing_from_project_group)

    assert [(i.kind, i.text, i.figure) for i in items] == [
        (
            "office-absent",
            "Nobody from NAV Beta has come to Prosjektgruppa lately.",
            "away from the last 2 meetings",
        )
    ]
    assert items[0].anchor == "attendance"
    assert items[0].url.endswith(f"/groups/{september.project.pk}/attendance/")


def test_an_office_with_no_advisor_in_the_project_group_is_named(september):
    gamma = OfficeFactory(code="gamma", name="NAV Gamma", municipality="Gamma")
    september.programme.offices.add(gamma)

    items = _items(september, attention.office_missing_from_project_group)

    assert ("office-without-advisor", "NAV Gamma has no advisor in the project group.") in [
        (i.kind, i.text) for i in items
    ]


def test_no_office_item_when_every_office_has_an_advisor_who_comes(september):
    for meeting in september.project.meetings.all():
        Attendance.objects.filter(meeting=meeting, membership=september.memberships.b1).update(
            status=Attendance.Status.PRESENT
        )

    assert _items(september, attention.office_missing_from_project_group) == []


# --- Inputs past their deadline, per owner -------------------------------------------------


def test_late_inputs_are_counted_per_owner(september):
    InputFactory(
        programme=september.programme,
        group=september.resource,
        title="Åpningstider",
        raised_on=september.period.start,
        feedback_due_on=september.period.start + datetime.timedelta(days=3),
        assigned_office=september.offices.beta,
    )

    items = _items(september, attention.inputs_past_deadline)

    assert [(i.text, i.figure) for i in items] == [
        ("2 inputs are past their deadline for feedback.", "NAV Beta: 2")
    ]
    assert items[0].anchor == "inputs"


def test_a_late_input_owned_by_a_young_member_never_names_them(september):
    InputFactory(
        programme=september.programme,
        group=september.resource,
        raised_on=september.period.start,
        feedback_due_on=september.period.start + datetime.timedelta(days=3),
        assigned_to=september.memberships.r1.person,
    )

    (item,) = _items(september, attention.inputs_past_deadline)

    assert "Ronja" not in item.text + item.figure
    assert item.figure == "A member: 1, NAV Beta: 1"


def test_no_input_item_when_every_input_got_feedback_in_time(september):
    september.programme.inputs.update(feedback_due_on=september.period.end)

    assert _items(september, attention.inputs_past_deadline) == []


# --- Budget spent faster than the period -----------------------------------------------------


def _line(pace, used=Decimal("6000"), committed=Decimal("0")):
    return SimpleNamespace(
        pace=pace,
        line=SimpleNamespace(name="Honorar", amount=Decimal("10000")),
        used=used,
        committed=committed,
        percent_used=Decimal("60"),
        period_share=Decimal("40"),
    )


def _budget_items(september, *lines):
    sections = {"hours": SimpleNamespace(data={"lines": list(lines)})}
    return attention.budget_ahead_of_period(_source(september), sections)


def test_a_budget_line_used_faster_than_the_period_is_raised_with_both_shares(september):
    items = _budget_items(september, _line("ahead"), _line("on_track"))

    assert [(i.text, i.figure) for i in items] == [
        (
            "The budget line “Honorar” is used faster than the period runs.",
            "60\u00a0% used, 40\u00a0% of the period gone",
        )
    ]
    assert items[0].anchor == "hours"


def test_an_overspent_line_shows_what_is_used_against_its_amount(september):
    items = _budget_items(september, _line("over", used=Decimal("9000"), committed=Decimal("2500")))

    assert items[0].text == "The budget line “Honorar” is overspent."
    assert items[0].figure == "11,500\u00a0kr used and committed of 10,000\u00a0kr"


def test_no_budget_item_on_track_or_without_budget_lines(september):
    assert _budget_items(september, _line("on_track"), _line("")) == []
    assert _items(september, attention.budget_ahead_of_period) == []


# --- Members drifting away -------------------------------------------------------------------


def test_young_members_drifting_away_are_counted_never_named(september):
    september.resource.absence_threshold = 2
    september.resource.save(update_fields=["absence_threshold"])
    drifting = MembershipFactory(
        person__display_name="Sigrid",
        group=september.resource,
        role=Membership.Role.MEMBER,
        starts_on=september.period.start - datetime.timedelta(days=60),
    )
    for meeting in september.resource.meetings.exclude(status="cancelled"):
        if meeting.starts_at < _source(september).until:
            AttendanceFactory(meeting=meeting, membership=drifting, status=Attendance.Status.ABSENT)

    items = _items(september, attention.members_drifting_away)

    assert [(i.text, i.figure) for i in items] == [
        ("1 member of Ressursgruppa has stopped coming.", "away from the last 2 meetings")
    ]
    assert "Sigrid" not in items[0].text


def test_no_member_item_when_the_young_members_come(september):
    # Only the Beta advisor is away many times in a row; advisors are not "members drifting".
    assert _items(september, attention.members_drifting_away) == []


# --- Decisions whose follow-up is overdue ----------------------------------------------------


def _decision_follow_up(september, **kwargs):
    decision = september.steering.meetings.get(decisions__text__startswith="Alle").decisions.get(
        text__startswith="Alle"
    )
    return ActionItemFactory(
        meeting=decision.meeting, decision=decision, title="Følge opp vedtaket", **kwargs
    )


def test_a_decision_with_an_overdue_follow_up_is_raised_with_how_late(september):
    _decision_follow_up(september, due_on=september.period.end - datetime.timedelta(days=10))

    items = _items(september, attention.decision_follow_ups_overdue)

    assert [(i.text, i.figure, i.anchor) for i in items] == [
        (
            "1 steering-group decision has a follow-up past its date.",
            "the oldest 10 days late",
            "decisions",
        )
    ]


def test_no_decision_item_when_the_follow_up_is_done_or_not_due(september):
    _decision_follow_up(
        september,
        due_on=september.period.end - datetime.timedelta(days=10),
        status=ActionItem.Status.DONE,
    )
    _decision_follow_up(september, due_on=september.period.end + datetime.timedelta(days=1))

    assert _items(september, attention.decision_follow_ups_overdue) == []


# --- Page one --------------------------------------------------------------------------------


def test_page_one_lists_every_check_in_order(september):
    source = _source(september)
    sections = {section.slug: section for section in build_sections(source, with_previous=False)}

    section = attention.attention_section(source, sections)

    kinds = [item.kind for item in section.data["items"]]
    assert kinds == ["office-absent", "inputs-late"]


# --- An indicator moving the wrong way -------------------------------------------------------


def _progress(moving_wrong_way=True, suppressed=False):
    return SimpleNamespace(
        goal=SimpleNamespace(title="Unge blir hørt"),
        indicator_label="Share agreeing",
        unit="percent",
        previous=Decimal("70"),
        latest=Decimal("61"),
        target=Decimal("80"),
        moving_wrong_way=moving_wrong_way,
        suppressed=suppressed,
    )


def _goal_items(september, *progress):
    sections = {"goals": SimpleNamespace(data={"goals": [{"progress": p} for p in progress]})}
    return attention.indicator_moving_wrong_way(_source(september), sections)


def test_a_goal_moving_away_from_its_target_is_raised_with_both_values(september):
    (item,) = _goal_items(september, _progress(), _progress(moving_wrong_way=False))

    assert item.text == "The goal “Unge blir hørt” is moving away from its target."
    assert item.figure == "Share agreeing: from 70\u00a0% to 61\u00a0% (target 80\u00a0%)"
    assert item.anchor == "goals"


def test_no_goal_item_when_goals_improve_or_their_figures_are_hidden(september):
    assert _goal_items(september, _progress(moving_wrong_way=False)) == []
    assert _goal_items(september, _progress(suppressed=True)) == []
    assert _items(september, attention.indicator_moving_wrong_way) == []


def test_each_goal_is_a_key_figure_beside_its_previous_value_and_target(september, monkeypatch):
    from reports import sections as report_sections

    monkeypatch.setattr(report_sections, "goal_progress", lambda programme, today: [_progress()])
    monkeypatch.setattr(report_sections, "progress_chart", lambda progress: None)
    built = build_sections(_source(september), with_previous=False)

    figures = built[0].data["figures"]
    goal = next(f for f in figures if f["label"] == "Unge blir hørt")
    assert (goal["value"], goal["previous"], goal["target"]) == (61, 70, 80)
    assert built[0].data["has_targets"]
    context = {"data": built[0].data, "period": september.period}
    html = render_to_string(built[0].template, context)
    assert "Target" in html and "80\u00a0%" in html


def test_the_report_page_in_the_app_lists_page_one_with_links(september, login):
    from unittest import mock

    from django.urls import reverse

    from reports import services, tasks
    from reports.models import Report
    from tests.reports.factories import ReportFactory

    report = ReportFactory(
        programme=september.programme,
        period_start=september.period.start,
        period_end=september.period.end,
        parameters={"language": "en"},
    )
    with mock.patch.object(services, "render_pdf", return_value=b"%PDF-1.7 test"):
        tasks.render_report.apply(args=(report.pk,))
    report.refresh_from_db()
    assert report.status == Report.Status.DONE

    page = (
        login(september.coordinator)
        .get(
            reverse(
                "reports:report_detail",
                kwargs={"slug": september.programme.slug, "report_id": report.pk},
            )
        )
        .content.decode()
    )

    assert "Nobody from NAV Beta has come to Prosjektgruppa lately." in page
    assert f"/groups/{september.project.pk}/attendance/" in page
