"""Results: figures per office and round, suppression of small groups, free text, exports,
response rates, and who may see what."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from surveys.models import Question, Round
from surveys.selectors import survey_results

from .factories import QuestionFactory, add_options, add_responses, published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def results(cast):
    """NAV Gjøvik: 18 responses; NAV Østre Toten: 3 (too few to show)."""
    survey = published_survey(cast.programme, slug="forste")
    scale = QuestionFactory(survey=survey, position=1, text="Jeg ble lyttet til.")
    choice = QuestionFactory(
        survey=survey, position=2, kind=Question.Kind.MULTIPLE, text="Hva snakket dere om?"
    )
    work, school = add_options(choice, "Jobb", "Skole")
    text = QuestionFactory(survey=survey, position=3, kind=Question.Kind.LONG_TEXT, text="Noe mer?")
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    add_responses(survey, gjovik, 8, {scale: 5, choice: [work, school]})
    add_responses(survey, gjovik, 5, {scale: 2, choice: [work]})
    add_responses(survey, gjovik, 5, {scale: "dont_know", text: "Ring meg på 912 34 567"})
    add_responses(survey, toten, 3, {scale: 1, text: "Det var dårlig"})
    survey.scale, survey.choice, survey.text = scale, choice, text
    return survey


def rows_by_label(question_result):
    return {row.label: row for row in question_result.rows}


def test_distribution_mean_and_share_who_agree_per_office(results):
    figures = survey_results(survey=results)

    gjovik = rows_by_label(figures.questions[0])["NAV Gjøvik"]
    assert gjovik.n == 18
    assert [(c.value, c.count) for c in gjovik.cells] == [
        ("1", 0),
        ("2", 5),
        ("3", 0),
        ("4", 0),
        ("5", 8),
        ("dont_know", 5),
    ]
    assert round(gjovik.cells[4].percent) == 44
    assert gjovik.mean == pytest.approx((5 * 2 + 8 * 5) / 13)
    assert gjovik.agree_percent == pytest.approx(100 * 8 / 13)


def test_several_choices_count_the_share_of_respondents(results):
    figures = survey_results(survey=results)

    gjovik = rows_by_label(figures.questions[1])["NAV Gjøvik"]
    assert gjovik.n == 13
    assert [(c.label, c.count) for c in gjovik.cells] == [("Jobb", 13), ("Skole", 8)]


def test_office_with_too_few_answers_is_hidden_and_so_is_the_total(results):
    figures = survey_results(survey=results)

    rows = rows_by_label(figures.questions[0])
    assert rows["NAV Østre Toten"].hidden_reason == "too_few"
    assert rows["NAV Østre Toten"].cells == []
    assert rows["NAV Østre Toten"].mean is None
    assert rows["All offices"].hidden_reason == "subtraction"
    assert rows["All offices"].cells == []
    responses = {row.label: row for row in figures.responses}
    assert responses["NAV Østre Toten"].is_hidden
    assert responses["All offices"].is_hidden


def test_the_offices_shown_are_summed_in_place_of_a_hidden_total(results, cast):
    from tests.participation.factories import OfficeFactory

    hamar = OfficeFactory(code="hamar", name="NAV Hamar")
    results.offices.add(hamar)
    add_responses(results, hamar, 6, {results.scale: 4})

    rows = rows_by_label(survey_results(survey=results).questions[0])

    together = rows["The offices shown, together"]
    assert rows["All offices"].hidden_reason == "subtraction"
    assert together.n == 24
    assert together.mean == pytest.approx((5 * 2 + 8 * 5 + 6 * 4) / 19)


def test_results_page_shows_hidden_cells_as_hidden_not_as_figures(login, client, cast, results):
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "Hidden: fewer than 5 answers" in body
    assert "Hidden: it would reveal a small group" in body
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in body
    assert 'role="img"' in body
    assert "<caption>Answers to question 1, per office</caption>" in body


def test_coordinator_reads_free_text_with_phone_numbers_masked(login, client, cast, results):
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "Ring meg på [phone number removed]" in body
    assert "912 34 567" not in body
    assert "Det var dårlig" in body
    # The office with three answers is not named beside its text.
    assert "Det var dårlig <span" not in body


def test_steering_member_sees_every_office_but_no_free_text(login, client, cast, results):
    login(cast.leader)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "NAV Gjøvik" in body and "NAV Østre Toten" in body
    assert "Free-text answers" not in body
    assert "Det var dårlig" not in body


def test_advisor_sees_only_their_own_office(login, client, cast, results):
    login(cast.advisor)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "NAV Gjøvik" in body
    assert "NAV Østre Toten" not in body
    assert "All offices" not in body
    assert "You see the figures of your own office." in body


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_cannot_see_results(login, client, cast, results, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{results.pk}/results/").status_code == 404
    assert client.get(f"/p/best/surveys/{results.pk}/results/export.csv").status_code == 404
    assert client.get(f"/p/best/surveys/{results.pk}/results.pdf").status_code == 404


def test_anonymous_visitor_is_sent_to_log_in_for_results(client, results):
    response = client.get(f"/p/best/surveys/{results.pk}/results/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_results_page_queries_do_not_grow_with_responses(login, client, cast, results):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(cast.coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/p/best/surveys/{results.pk}/results/")
    add_responses(results, cast.offices.toten, 20, {results.scale: 4, results.text: "Bra"})
    with CaptureQueriesContext(connection) as many:
        client.get(f"/p/best/surveys/{results.pk}/results/")

    assert len(many) == len(few)


# --- Rounds -------------------------------------------------------------------------------------


def test_rounds_are_compared_and_each_is_suppressed_on_its_own(login, client, cast, results):
    later = Round.objects.create(
        survey=results, name="Høst", starts_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    add_responses(results, cast.offices.gjovik, 6, {results.scale: 4}, round=later)
    add_responses(results, cast.offices.toten, 6, {results.scale: 5}, round=later)
    login(cast.coordinator)

    later_figures = survey_results(survey=results, round=later)
    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    rows = rows_by_label(later_figures.questions[0])
    assert not rows["NAV Østre Toten"].is_hidden
    assert not rows["All offices"].is_hidden
    assert rows["All offices"].mean == pytest.approx(4.5)
    assert "Compared over the rounds" in body
    assert "Høst" in body


def test_results_of_an_earlier_round_are_chosen_with_a_plain_form(login, client, cast, results):
    baseline = results.rounds.get()
    Round.objects.create(survey=results, name="Høst", starts_on=timezone.localdate())
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/?round={baseline.pk}").content.decode()

    assert f'<option value="{baseline.pk}" selected>' in body


# --- Response rate ------------------------------------------------------------------------------


def test_with_an_open_link_it_counts_answers_per_first_meeting_not_a_response_rate(
    login, client, cast, results, monkeypatch
):
    monkeypatch.setattr(
        "surveys.selectors.results.first_meetings_per_office",
        lambda **kwargs: {cast.offices.gjovik.pk: 36, cast.offices.toten.pk: 10},
    )
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "Answers per first meeting recorded" in body
    assert "It is not a response rate." in body
    assert "0.50" in body


def test_more_answers_than_first_meetings_are_shown_as_they_are_not_capped(
    login, client, cast, results, monkeypatch
):
    monkeypatch.setattr(
        "surveys.selectors.results.first_meetings_per_office",
        lambda **kwargs: {cast.offices.gjovik.pk: 5, cast.offices.toten.pk: 1},
    )
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "Response rate</th>" not in body
    assert " %</td>" not in body.split("responses-heading")[1].split("</table>")[0]


def test_response_rate_is_unavailable_without_first_meetings(
    login, client, cast, results, monkeypatch
):
    monkeypatch.setattr(
        "surveys.selectors.results.first_meetings_per_office", lambda **kwargs: None
    )
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{results.pk}/results/").content.decode()

    assert "Response rate: not available" in body


# --- Exports ------------------------------------------------------------------------------------


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_coordinator_exports_every_response_one_row_each(login, client, cast, results):
    login(cast.coordinator)

    rows = read_csv(client.get(f"/p/best/surveys/{results.pk}/results/export.csv?all=1"))

    header, body = rows[0], rows[1:]
    assert header[:3] == ["Round", "Office", "Period"]
    assert header[3:] == ["1. Jeg ble lyttet til.", "2. Hva snakket dere om?", "3. Noe mer?"]
    assert len(body) == 21
    assert ["5", "Jobb; Skole", ""] in [row[3:] for row in body]
    assert any(row[5] == "Ring meg på [phone number removed]" for row in body)
    # Østre Toten has 3 responses: no week or month would hold five, so only the round shows.
    assert all(row[2] == "" for row in body)


def test_response_export_gives_the_week_when_every_office_has_five_in_each_week(
    login, client, cast, results
):
    add_responses(results, cast.offices.toten, 2, {results.scale: 3})
    login(cast.coordinator)

    body = read_csv(client.get(f"/p/best/surveys/{results.pk}/results/export.csv?all=1"))[1:]

    assert {row[2] for row in body} == {results.rounds.get().starts_on.strftime("%G-W%V")}


def test_response_export_is_sorted_by_content_not_by_when_answers_came_in(
    login, client, cast, results
):
    login(cast.coordinator)

    body = read_csv(client.get(f"/p/best/surveys/{results.pk}/results/export.csv?all=1"))[1:]

    assert body == sorted(body, key=lambda row: row[1:])


def test_steering_export_has_figures_only_never_one_row_per_response(login, client, cast, results):
    login(cast.leader)

    rows = read_csv(client.get(f"/p/best/surveys/{results.pk}/results/export.csv?all=1"))

    header, body = rows[0], rows[1:]
    assert header == ["Round", "Question", "Office", "Answers", "Answer", "Count", "%"]
    gjovik = [row for row in body if row[2] == "NAV Gjøvik" and row[1].startswith("1.")]
    assert ["18", "Completely agree", "8", "44"] in [row[3:] for row in gjovik]
    toten = [row for row in body if row[2] == "NAV Østre Toten" and row[3] != "0"]
    assert toten and all(row[3] == "hidden" and row[5] == "" for row in toten)
    assert not any(row[1].startswith("3.") for row in body)  # free text never


def test_small_cell_and_its_complement_are_hidden_and_so_are_mean_and_share(results, cast):
    add_responses(results, cast.offices.gjovik, 2, {results.scale: 4})

    gjovik = rows_by_label(survey_results(survey=results).questions[0])["NAV Gjøvik"]

    hidden = {cell.value for cell in gjovik.cells if cell.is_hidden}
    # "4" has 2 answers; the next smallest ("2" and "dont_know", 5 each) keeps it from being
    # worked out as the office's total minus the cells shown.
    assert hidden == {"4", "2"}
    assert all(cell.count == 0 for cell in gjovik.cells if cell.is_hidden)
    assert gjovik.mean is None
    assert gjovik.agree_percent is None


def test_advisors_cannot_export(login, client, cast, results):
    login(cast.advisor)

    assert client.get(f"/p/best/surveys/{results.pk}/results/export.csv").status_code == 404


# --- PDF ----------------------------------------------------------------------------------------


def test_results_pdf_has_the_figures_and_the_hidden_cells(login, client, cast, results):
    login(cast.coordinator)

    response = client.get(f"/p/best/surveys/{results.pk}/results.pdf")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Jeg ble lyttet til." in text
    assert "fewer than 5 answers" in text
    assert "912" not in text


def test_survey_list_does_not_count_a_few_answers_so_far(login, client, cast):
    survey = published_survey(cast.programme, slug="ny")
    question = QuestionFactory(survey=survey)
    add_responses(survey, cast.offices.gjovik, 3, {question: 4})
    login(cast.leader)

    body = client.get("/p/best/surveys/").content.decode()

    assert "fewer than 5" in body
    assert '<td class="text-end">3</td>' not in body
