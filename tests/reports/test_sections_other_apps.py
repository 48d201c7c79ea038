"""The checklist, survey and paid-hours sections, read through those apps' selectors, against
small fixtures with figures worked out by hand."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from reports import sections
from reports.sections import Period, ReportInput
from resourcegroup.models import Timesheet
from surveys.models import Question, Round
from tests.checklists.factories import ChecklistUseFactory, published_checklist
from tests.resourcegroup.factories import ContractFactory, TimeEntryFactory, TimesheetFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory, add_responses

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def source_for(programme, start, end) -> ReportInput:
    return ReportInput(
        programme=programme,
        period=Period(start=start, end=end),
        now=timezone.now(),
        groups=list(programme.groups.all()),
    )


def last_month() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today - datetime.timedelta(days=30), today


# --- Checklist ------------------------------------------------------------------------------


def test_checklist_uses_per_office_and_the_points_most_often_skipped(cast):
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    _template, version, (why, plan, next_contact) = published_checklist(cast.programme)
    day = timezone.localdate() - datetime.timedelta(days=3)
    ChecklistUseFactory(
        version=version, office=gjovik, met_on=day, items_covered=[why, plan, next_contact]
    )
    ChecklistUseFactory(version=version, office=gjovik, met_on=day, items_covered=[why])
    ChecklistUseFactory(version=version, office=toten, met_on=day, items_covered=[why, plan])
    # Before the period: not counted.
    ChecklistUseFactory(
        version=version, office=toten, met_on=day - datetime.timedelta(days=90), items_covered=[]
    )

    data = sections.checklist(source_for(cast.programme, *last_month())).data

    assert data["total"] == 3
    adoption = data["adoptions"][0]["adoption"]
    assert {row.office.name: row.uses for row in adoption.offices} == {
        "NAV Gjøvik": 2,
        "NAV Østre Toten": 1,
    }
    skipped = [(p.text, p.ticked, p.offered) for p in data["adoptions"][0]["most_skipped"]]
    assert skipped == [
        ("Avtal neste kontakt", 1, 3),
        ("Lag planen sammen", 2, 3),
        ("Forklar hvorfor vi møtes", 3, 3),
    ]
    assert data["key_figures"] == [{"label": "First meetings with the checklist", "value": 3}]


def test_checklist_without_uses_in_the_period_has_no_data(cast):
    published_checklist(cast.programme)

    assert not sections.checklist(source_for(cast.programme, *last_month())).has_data


# --- Survey ---------------------------------------------------------------------------------


@pytest.fixture
def two_rounds(cast):
    today = timezone.localdate()
    survey = SurveyFactory(
        programme=cast.programme,
        slug="forste-mote",
        status="published",
        published_on=today - datetime.timedelta(days=90),
    )
    question = QuestionFactory(
        survey=survey, kind=Question.Kind.SCALE, text="Jeg ble tatt på alvor"
    )
    spring = Round.objects.create(
        survey=survey, name="Vår", starts_on=today - datetime.timedelta(days=90)
    )
    autumn = Round.objects.create(
        survey=survey, name="Høst", starts_on=today - datetime.timedelta(days=20)
    )
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    add_responses(survey, gjovik, 6, {question: 5}, round=spring)
    add_responses(survey, gjovik, 5, {question: 4}, round=autumn)
    add_responses(survey, toten, 5, {question: 2}, round=autumn)
    return survey


def test_survey_headline_per_office_against_the_previous_round(cast, two_rounds):
    data = sections.survey(source_for(cast.programme, *last_month())).data

    (block,) = data["surveys"]
    assert (block["round"].name, block["previous"].name) == ("Høst", "Vår")
    assert block["total"].n == 10
    rows = {r["label"]: r for r in block["headline"]["rows"]}
    assert rows["NAV Gjøvik"]["before"].agree_percent == 100
    assert rows["NAV Gjøvik"]["now"].agree_percent == 100
    assert rows["NAV Østre Toten"]["now"].agree_percent == 0
    assert rows["NAV Østre Toten"]["before"].n == 0
    assert rows["All offices"]["now"].agree_percent == 50
    assert rows["All offices"]["before"].agree_percent == 100
    assert data["key_figures"][0]["value"] == 10


def test_survey_office_with_fewer_than_five_answers_is_hidden(cast, two_rounds):
    add_responses(
        two_rounds,
        cast.offices.toten,
        2,
        {two_rounds.questions.get(): 5},
        round=two_rounds.rounds.get(name="Vår"),
    )

    data = sections.survey(source_for(cast.programme, *last_month())).data

    rows = {r["label"]: r for r in data["surveys"][0]["headline"]["rows"]}
    assert rows["NAV Østre Toten"]["before"].is_hidden
    assert rows["NAV Østre Toten"]["before"].agree_percent is None


def test_a_draft_survey_or_one_without_answers_has_no_data(cast):
    SurveyFactory(programme=cast.programme, slug="utkast")

    assert not sections.survey(source_for(cast.programme, *last_month())).has_data


# --- Paid hours -----------------------------------------------------------------------------


def test_paid_hours_in_the_period_and_so_far_against_the_budget(cast):
    programme = cast.programme
    programme.budget_nok, programme.budget_hours = Decimal("10000"), Decimal("100")
    programme.save()
    year = timezone.localdate().year - 1
    ContractFactory(
        programme=programme,
        person=cast.member,
        hourly_pay=Decimal("200"),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )
    for month, hours, status in [
        (3, "10", Timesheet.Status.APPROVED),
        (4, "5", Timesheet.Status.APPROVED),
        (5, "3", Timesheet.Status.SUBMITTED),
    ]:
        sheet = TimesheetFactory(
            programme=programme,
            person=cast.member,
            month=datetime.date(year, month, 1),
            status=status,
        )
        TimeEntryFactory(timesheet=sheet, hours=Decimal(hours))

    data = sections.hours(
        source_for(programme, datetime.date(year, 4, 1), datetime.date(year, 4, 30))
    ).data

    assert [m.month.month for m in data["months"]] == [4]
    assert (data["hours"], data["amount"]) == (Decimal("5"), Decimal("1000"))
    assert (data["hours_so_far"], data["amount_so_far"]) == (Decimal("15"), Decimal("3000"))
    assert data["share_nok"] == 30.0
    assert data["share_hours"] == 15.0
    assert (data["waiting_hours"], data["waiting_amount"]) == (Decimal("3"), Decimal("600"))


def test_no_timesheets_means_no_data_yet(cast):
    assert not sections.hours(source_for(cast.programme, *last_month())).has_data


def test_the_whole_report_renders_with_every_section_filled(cast, two_rounds):
    from reports.services import steering_report_pdf

    _template, version, items = published_checklist(cast.programme)
    ChecklistUseFactory(version=version, office=cast.offices.gjovik, items_covered=items[:1])

    pdf = steering_report_pdf(programme=cast.programme, period=Period(*last_month()), language="en")

    import io

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Jeg ble tatt på alvor" in text
    assert "Avtal neste kontakt" in text


def test_a_hidden_total_is_never_shown_as_a_count(cast):
    today = timezone.localdate()
    survey = SurveyFactory(
        programme=cast.programme, slug="liten", status="published", published_on=today
    )
    question = QuestionFactory(survey=survey, kind=Question.Kind.SCALE)
    autumn = Round.objects.create(survey=survey, name="Høst", starts_on=today)
    add_responses(survey, cast.offices.gjovik, 5, {question: 4}, round=autumn)
    add_responses(survey, cast.offices.toten, 2, {question: 4}, round=autumn)

    data = sections.survey(source_for(cast.programme, *last_month())).data

    (block,) = data["surveys"]
    # All offices (7) would reveal Østre Toten's 2 next to Gjøvik's 5: only 5 is shown.
    assert block["total"].n == 5
    assert data["key_figures"][0]["value"] == 5
    assert block["overall"][0]["row"]["now"].n == 5
