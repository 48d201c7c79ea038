"""Each office's card: its figures against factory data, read as the report reads them.

The cast's programme has NAV Gjøvik (advisor Sara in the project group, leader Kari in the
steering group) and NAV Østre Toten (advisor Tor added here). Dates count back from today.
"""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from participation import services
from participation.models import AdvisorTimeEntry, AdvisorTimePlan, Group, Input, Membership
from participation.services.meetings import local_datetime
from reports.offices import office_cards
from reports.sections import Period, SectionFailed
from reports.services import steering_report_context
from surveys.selectors import survey_results
from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.participation.factories import GroupFactory, MembershipFactory, OfficeFactory
from tests.participation.factories_inputs import InputFactory
from tests.surveys.factories import QuestionFactory, add_responses, published_survey

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _today():
    return timezone.localdate()


def _period():
    return Period(start=_today() - datetime.timedelta(days=89), end=_today())


def _cards(cast):
    cards = office_cards(programme=cast.programme, period=_period(), now=timezone.now())
    return {card.office.code: card for card in cards}


def _days_ago(days, hour=12):
    return local_datetime(_today() - datetime.timedelta(days=days), datetime.time(hour))


@pytest.fixture
def toten_advisor(cast):
    return MembershipFactory(
        person__display_name="Tor Veileder",
        group=cast.project_group,
        role=Membership.Role.ADVISOR,
        office=cast.offices.toten,
        starts_on=_today() - datetime.timedelta(days=120),
    )


def _project_meetings(cast, toten_advisor, sara_present=(True, False, True)):
    sara = cast.advisor.memberships.get(group=cast.project_group)
    sara.starts_on = _today() - datetime.timedelta(days=120)
    sara.save()
    for days, present in zip((42, 28, 14), sara_present, strict=True):
        starts = _days_ago(days, 12)
        meeting = services.meeting_create(
            group=cast.project_group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
        )
        services.attendance_record(
            meeting=meeting,
            statuses={
                sara.pk: "present" if present else "absent",
                toten_advisor.pk: "absent",
            },
        )


def test_project_group_attendance_is_the_offices_advisors_at_its_meetings(cast, toten_advisor):
    _project_meetings(cast, toten_advisor)

    cards = _cards(cast)

    (gjovik,) = cards["gjovik"].attendance
    assert (gjovik.meetings, gjovik.represented, gjovik.rate) == (3, 2, 66.7)
    assert [(a.name, a.present, a.recorded) for a in gjovik.advisors] == [("Sara Veileder", 2, 3)]
    assert not gjovik.is_flagged
    (toten,) = cards["ostre-toten"].attendance
    assert (toten.meetings, toten.represented, toten.rate) == (3, 0, 0.0)
    # Three meetings missed in a row: the project group's threshold.
    assert toten.is_flagged and toten.streak == 3
    # The average of the offices' shares: (66.7 + 0) / 2.
    assert gjovik.programme_rate == toten.programme_rate == 33.4


def test_an_office_with_nobody_in_the_project_group_has_no_attendance_rows(cast):
    assert _cards(cast)["ostre-toten"].attendance == []


def test_advisor_time_planned_against_used_and_an_office_with_none_planned(cast):
    last_month = _today().replace(day=1) - relativedelta(months=1)
    AdvisorTimePlan.objects.create(
        programme=cast.programme, office=cast.offices.gjovik, hours_per_month=16
    )
    AdvisorTimeEntry.objects.create(
        programme=cast.programme, office=cast.offices.gjovik, month=last_month, hours=12
    )
    AdvisorTimeEntry.objects.create(
        programme=cast.programme, office=cast.offices.toten, month=last_month, hours=4
    )

    cards = _cards(cast)

    gjovik = cards["gjovik"].advisor_time
    assert gjovik.has_plan
    assert gjovik.position_share == 9.8  # 16 of 162,5 hours
    # Only the recorded month counts against the plan: 12 of 16 hours.
    assert (gjovik.used_total, gjovik.planned_total, gjovik.used_share) == (12, 16, 75.0)
    assert [m.month for m in gjovik.months][0] == (_today() - datetime.timedelta(days=89)).replace(
        day=1
    )
    toten = cards["ostre-toten"].advisor_time
    assert not toten.has_plan
    assert (toten.position_share, toten.planned_total, toten.used_share) == (None, None, None)
    assert toten.used_total == 4


def test_checklist_use_per_office_beside_the_programme(cast):
    template, version, items = published_checklist(cast.programme)
    ChecklistUseFactory(version=version, office=cast.offices.gjovik, items_covered=items)
    ChecklistUseFactory(version=version, office=cast.offices.gjovik, items_covered=items[:1])
    ChecklistUseFactory(version=version, office=cast.offices.toten, items_covered=items)
    # Before the period: not counted.
    ChecklistUseFactory(
        version=version,
        office=cast.offices.gjovik,
        met_on=_today() - datetime.timedelta(days=200),
    )

    cards = _cards(cast)

    gjovik = cards["gjovik"].checklist
    assert (gjovik.uses, gjovik.advisors, gjovik.coverage) == (2, 2, 66.7)  # 4 of 6 points
    assert (gjovik.programme_uses, gjovik.programme_coverage) == (3, 77.8)  # 7 of 9 points
    assert gjovik.programme_average_uses == 1.5
    assert cards["ostre-toten"].checklist.coverage == 100.0


def test_one_offices_card_alone_still_has_the_whole_programmes_figures(cast, toten_advisor):
    template, version, items = published_checklist(cast.programme)
    ChecklistUseFactory(version=version, office=cast.offices.gjovik, items_covered=items)
    ChecklistUseFactory(version=version, office=cast.offices.toten, items_covered=items[:1])
    _project_meetings(cast, toten_advisor)

    (card,) = office_cards(
        programme=cast.programme,
        period=_period(),
        now=timezone.now(),
        offices=[cast.offices.gjovik],
    )

    assert (card.checklist.uses, card.checklist.programme_uses) == (1, 2)
    assert card.checklist.programme_average_uses == 1.0
    assert card.checklist.programme_coverage == 66.7  # 4 of 6 points
    assert card.attendance[0].programme_rate == 33.4


def test_inputs_owed_by_the_office_or_its_people_on_time_late_and_open(cast):
    gjovik = cast.offices.gjovik
    on_time = InputFactory(
        programme=cast.programme,
        assigned_office=gjovik,
        raised_on=_today() - datetime.timedelta(days=40),
        feedback_due_on=_today() - datetime.timedelta(days=20),
        feedback="Vi har endret brevet.",
        feedback_at=_days_ago(25),
        status=Input.Status.DONE,
    )
    # Given by name to Gjøvik's advisor: the office's too. Answered ten days after its date.
    late = InputFactory(
        programme=cast.programme,
        assigned_to=cast.advisor,
        raised_on=_today() - datetime.timedelta(days=60),
        feedback_due_on=_today() - datetime.timedelta(days=20),
        feedback="Vi har fulgt det opp.",
        feedback_at=_days_ago(10),
        status=Input.Status.DONE,
    )
    waiting = InputFactory(
        programme=cast.programme,
        assigned_office=gjovik,
        raised_on=_today() - datetime.timedelta(days=30),
        feedback_due_on=_today() - datetime.timedelta(days=5),
    )
    not_due = InputFactory(
        programme=cast.programme,
        assigned_office=gjovik,
        feedback_due_on=_today() + datetime.timedelta(days=10),
    )
    # Another office's, a group's, and one answered before the period: not Gjøvik's card.
    InputFactory(programme=cast.programme, assigned_office=cast.offices.toten)
    InputFactory(programme=cast.programme, assigned_group=cast.project_group)
    InputFactory(
        programme=cast.programme,
        assigned_office=gjovik,
        raised_on=_today() - datetime.timedelta(days=200),
        feedback_due_on=_today() - datetime.timedelta(days=150),
        feedback="Gammelt svar.",
        feedback_at=_days_ago(160),
    )

    owed = _cards(cast)["gjovik"].inputs

    assert {i.input for i in owed.items} == {on_time, late, waiting, not_due}
    assert (owed.answered_on_time, owed.answered_late, owed.open_not_due) == (1, 1, 1)
    assert [(i.input, i.days_late) for i in owed.open_late] == [(waiting, 5)]
    assert owed.on_time_share == 50.0
    assert _cards(cast)["ostre-toten"].inputs.open_not_due == 1


def test_survey_figures_beside_the_programmes_with_the_results_suppression(cast):
    survey = published_survey(cast.programme)
    question = QuestionFactory(survey=survey, text="Jeg ble lyttet til.")
    add_responses(survey, cast.offices.gjovik, 6, {question: 5})
    # Three answers: too few to show; and the total would give them back by subtraction.
    add_responses(survey, cast.offices.toten, 3, {question: 1})

    cards = _cards(cast)

    (gjovik,) = cards["gjovik"].surveys
    assert (gjovik.office.n, gjovik.office.is_hidden) == (6, False)
    # All offices is hidden; the offices shown, together, take its place, as on the results page.
    assert gjovik.programme.label == "The offices shown, together"
    assert gjovik.programme.n == 6
    (figures,) = gjovik.questions
    assert figures.office.agree_percent == 100.0
    (toten,) = cards["ostre-toten"].surveys
    assert toten.office.is_hidden and toten.office.hidden_reason == "too_few"
    assert toten.questions[0].office.agree_percent is None
    # The same rows as the survey's own results.
    results = survey_results(survey=survey)
    assert [(r.label, r.n, r.hidden_reason) for r in results.responses if r.is_total][0] == (
        "All offices",
        9,
        "subtraction",
    )


def test_with_five_answers_the_office_is_shown(cast):
    survey = published_survey(cast.programme)
    question = QuestionFactory(survey=survey)
    add_responses(survey, cast.offices.gjovik, 5, {question: 4})
    add_responses(survey, cast.offices.toten, 5, {question: 2})

    (gjovik,) = _cards(cast)["gjovik"].surveys

    assert not gjovik.office.is_hidden and gjovik.office.n == 5
    assert gjovik.programme.label == "All offices" and gjovik.programme.n == 10
    assert gjovik.questions[0].programme.agree_percent == 50.0


def test_the_report_has_a_card_per_office_in_use_before_the_words_and_rules(cast):
    retired = OfficeFactory(code="gammelt", name="NAV Gammelt", is_active=False)
    cast.programme.offices.add(retired)
    GroupFactory(kind=Group.Kind.PROJECT, programmes=[cast.programme])

    context = steering_report_context(programme=cast.programme, period=_period())

    section = context["body_sections"][-2]
    assert section.slug == "office-cards"
    assert context["body_sections"][-1].slug == "words-and-rules"
    assert [c.office.name for c in section.data["cards"]] == ["NAV Gjøvik", "NAV Østre Toten"]


def test_a_failing_card_fails_the_report_instead_of_showing_no_data(cast, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the checklist figures broke")

    monkeypatch.setattr("reports.offices.adoption", broken)
    published_checklist(cast.programme)

    with pytest.raises(SectionFailed, match="offices") as failed:
        steering_report_context(programme=cast.programme, period=_period())

    assert "checklist figures broke" in str(failed.value.__cause__)


def test_the_cards_take_the_same_queries_for_two_offices_as_for_four(
    cast, toten_advisor, django_assert_num_queries
):
    _project_meetings(cast, toten_advisor)
    published_checklist(cast.programme)
    published_survey(cast.programme)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        _cards(cast)
    cast.programme.offices.add(OfficeFactory(code="a"), OfficeFactory(code="b"))
    with CaptureQueriesContext(connection) as four:
        cards = _cards(cast)
    assert len(cards) == 4
    assert len(four) == len(two)


def test_a_young_member_in_the_project_group_is_not_named_in_the_report(cast, toten_advisor):
    young = MembershipFactory(
        person=cast.member,
        group=cast.project_group,
        role=Membership.Role.MEMBER,
        office=cast.offices.gjovik,
        starts_on=_today() - datetime.timedelta(days=120),
    )
    _project_meetings(cast, toten_advisor)
    meeting = cast.project_group.meetings.order_by("starts_at").last()
    services.attendance_record(meeting=meeting, statuses={young.pk: "present"})

    context = steering_report_context(programme=cast.programme, period=_period())

    cards = {c.office.code: c for c in context["body_sections"][-2].data["cards"]}
    names = [a.name for a in cards["gjovik"].attendance[0].advisors]
    assert "Emma Medlem" not in names and "A member" in names and "Sara Veileder" in names
    # In the app the steering group sees attendance by name, as on the attendance page.
    assert "Emma Medlem" in [a.name for a in _cards(cast)["gjovik"].attendance[0].advisors]
