"""The attacker's test: someone who can send up to four answers they know into an office and
then read every results page, export and PDF, as every role, must not learn what a real young
person answered.

The attacker's cases:
1. With answer codes, they cannot add answers at all (no code, a guessed code, a used code),
   so a small office stays hidden on every page, export and PDF, for every role.
2. A victim who answered differently from everyone else in a shown office: their answer
   category, its complement, the mean and the share who agree stay hidden, so no figure on
   any page can be solved for it (checked by trying every distribution the figures allow).
3. Subtraction across offices: the total's distribution is not shown when an office inside it
   hides a cell or a hidden office would fall out of it.
4. Across periods: the coordinator's rows carry no week or month when an office has fewer
   than five in it, and are sorted by content, not by when they came in.
5. An open link cannot stop padding: four known answers and one more from anyone fill a batch
   and lift a small office over the threshold. The results page says exactly that and points
   to codes.
6. Across time (differencing): reading everything, sending one to four known answers and reading
   again shows no change at all (figures, counts, rates, exports, PDF, the survey list) until
   the office's batch of five new answers is full, and never a second batch the same day.
"""

import csv
import datetime
import io
import itertools

import pytest
from pypdf import PdfReader

from surveys.selectors import survey_results
from surveys.services import codes_make

from .factories import QuestionFactory, add_responses, published_survey

pytestmark = pytest.mark.django_db

_DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def no_minimum_time(settings):
    settings.SURVEYS_MIN_SECONDS = 0


@pytest.fixture
def target(cast):
    """Gjøvik: 9 answered 4 and the victim answered 1. Østre Toten: 3 real answers (hidden)."""
    survey = published_survey(cast.programme, slug="forste")
    question = QuestionFactory(survey=survey, position=1, text="Jeg ble lyttet til.")
    add_responses(survey, cast.offices.gjovik, 9, {question: 4})
    add_responses(survey, cast.offices.gjovik, 1, {question: 1})
    add_responses(survey, cast.offices.toten, 2, {question: 2})
    add_responses(survey, cast.offices.toten, 1, {question: 5})
    survey.question = question
    return survey


def possible_counts(row, victim: str) -> set[int]:
    """Every count of the victim's category that the row's shown figures allow: the attacker
    tries each distribution of the row's answers over the hidden categories."""
    if row.is_hidden:
        return set(range(0, 5))  # hidden office: not even its size is known beyond "1–4"
    visible = {c.value: c.count for c in row.cells if not c.is_hidden}
    hidden = [c.value for c in row.cells if c.is_hidden]
    left = row.n - sum(visible.values())
    found = set()
    for split in itertools.product(range(left + 1), repeat=len(hidden)):
        if sum(split) != left:
            continue
        counts = {**visible, **dict(zip(hidden, split, strict=True))}
        rated = sum(counts[v] for v in "12345")
        if row.mean is not None and (
            not rated or abs(sum(int(v) * counts[v] for v in "12345") / rated - row.mean) > 1e-9
        ):
            continue
        if row.agree_percent is not None and (
            not rated or abs(100 * (counts["4"] + counts["5"]) / rated - row.agree_percent) > 1e-9
        ):
            continue
        found.add(counts[victim])
    return found


def attacker_sends(client, survey, office_code, answers):
    """Up to four answers of the attacker's own through the public pages; True if stored."""
    from .conftest import Respondent

    stored = 0
    for value in answers:
        respondent = Respondent(client, survey, link=f"?k={office_code}")
        if 'name="token"' not in respondent.body:
            respondent.response = client.post(
                respondent.url, {"step": "code", "answer_code": "ABCD-EFGH", "lang": "en"}
            )
            respondent.body = respondent.response.content.decode()
            if 'name="token"' not in respondent.body:
                continue
        respondent.post()
        if respondent.post({survey.question: value}).status_code == 302:
            stored += 1
    return stored


def test_with_codes_the_attacker_cannot_add_answers_and_the_small_office_stays_hidden(
    client, cast, target, login
):
    target.requires_code = True
    target.save(update_fields=["requires_code"])
    used = codes_make(survey=target, office=cast.offices.toten, count=1).codes.get()
    used.is_used = True
    used.save(update_fields=["is_used"])

    assert attacker_sends(client, target, "ostre-toten", ["5", "5", "5", "5"]) == 0
    respondent_post = client.post(
        f"/s/{target.slug}/", {"step": "code", "answer_code": used.shown, "lang": "en"}
    )
    assert 'name="token"' not in respondent_post.content.decode()

    rows = {row.label: row for row in survey_results(survey=target).questions[0].rows}
    assert rows["NAV Østre Toten"].is_hidden
    for who in ("coordinator", "leader", "advisor"):
        login(getattr(cast, who))
        page = client.get(f"/p/best/surveys/{target.pk}/results/").content.decode()
        pdf = client.get(f"/p/best/surveys/{target.pk}/results.pdf")
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
        for shown in (page, text):
            if "NAV Østre Toten" in shown:
                assert "fewer than 5 answers" in shown


def test_a_lone_different_answer_cannot_be_solved_from_any_figure(target):
    results = survey_results(survey=target)
    rows = {row.label: row for row in results.questions[0].rows}

    gjovik = rows["NAV Gjøvik"]
    assert not gjovik.is_hidden and gjovik.n == 10
    # The attacker's question: did anybody at Gjøvik answer 1? The figures must allow both.
    assert {0, 1} <= possible_counts(gjovik, "1")
    for row in rows.values():
        assert len(possible_counts(row, "1")) > 1


def test_the_comparison_and_the_steering_rows_hide_the_mean_that_would_reveal_it(target):
    from surveys.models import Round
    from surveys.selectors import round_comparison

    first = target.rounds.get()
    Round.objects.create(survey=target, name="Second", starts_on=first.starts_on + _DAY)
    comparison = round_comparison(survey=target)[0]

    for _label, _office, rows in comparison.rows:
        for row in rows:
            if row is not None and not row.is_hidden and row.n:
                assert row.mean is None and row.agree_percent is None


def test_the_total_does_not_give_back_a_hidden_office_by_subtraction(target, cast):
    from tests.participation.factories import OfficeFactory

    hamar = OfficeFactory(code="hamar", name="NAV Hamar")
    target.offices.add(hamar)
    add_responses(target, hamar, 6, {target.question: 4})

    rows = {row.label: row for row in survey_results(survey=target).questions[0].rows}

    for label in ("All offices", "The offices shown, together"):
        if label in rows and not rows[label].is_hidden:
            assert all(cell.is_hidden for cell in rows[label].cells)
            assert len(possible_counts(rows[label], "1")) > 1


def test_steering_and_advisors_get_no_answer_row_by_row(login, client, cast, target):
    for who in ("leader", "advisor", "member", "outsider"):
        login(getattr(cast, who))
        response = client.get(f"/p/best/surveys/{target.pk}/results/export.csv?all=1")
        if response.status_code != 200:
            continue
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert table[0][:3] == ["Round", "Question", "Office"]
        gjovik = [row for row in table[1:] if row[2] == "NAV Gjøvik"]
        by_answer = {row[4]: row[5] for row in gjovik}
        assert by_answer["Completely disagree"] == "hidden"


def test_the_coordinators_rows_carry_no_time_and_no_order_that_points_at_a_meeting(
    login, client, cast, target
):
    login(cast.coordinator)

    response = client.get(f"/p/best/surveys/{target.pk}/results/export.csv?all=1")

    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][2] == "Period"
    assert all(row[2] == "" for row in table[1:])  # Toten has 3: no week or month holds five
    assert table[1:] == sorted(table[1:], key=lambda row: row[1:])


def test_an_open_link_says_plainly_what_padding_can_do(login, client, cast, target):
    # Four known answers wait in a batch; the next answer from anyone fills it, and Østre
    # Toten's three real answers appear beside the attacker's own. The open link cannot prevent
    # it, so the page must say so and point to codes.
    from django.test import Client

    assert attacker_sends(client, target, "ostre-toten", ["5", "5", "5", "5"]) == 4
    assert attacker_sends(Client(), target, "ostre-toten", ["5"]) == 1
    rows = {row.label: row for row in survey_results(survey=target).questions[0].rows}
    assert not rows["NAV Østre Toten"].is_hidden and rows["NAV Østre Toten"].n == 8
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{target.pk}/results/").content.decode()

    assert "Open link: what the anonymity promise cannot stop." in body
    assert "with four of their own in a batch of five" in body
    assert "use one-time answer codes instead" in body


def everything_a_reader_sees(client, cast, survey) -> dict:
    """Every figure a coordinator can read about the survey, page by page, as text."""
    from surveys.selectors import results_context
    from surveys.selectors.surveys import survey_list
    from tests.conftest import force_login_with_mfa

    force_login_with_mfa(client, cast.coordinator)
    base = f"/p/best/surveys/{survey.pk}/"
    pdf = client.get(base + "results.pdf").content
    results = results_context(access=_access(cast), survey=survey)
    return {
        "figures": client.get(base + "results/export.csv").content,
        "responses": client.get(base + "results/export.csv?all=1").content,
        "pdf": "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages),
        "rows": [
            (row.label, row.n, row.hidden_reason, row.mean, [(c.value, c.count) for c in row.cells])
            for question in results["results"].questions
            for row in question.rows
        ],
        "responses_rows": [(r.label, r.n, r.hidden_reason) for r in results["results"].responses],
        "rates": [(r.label, r.percent) for r in results["rates"] or []],
        "list": [(s.pk, s.response_count) for s in survey_list(access=_access(cast))],
        "page_table": _response_table(client.get(base + "results/").content.decode()),
    }


def _access(cast):
    from participation.access import access_programme

    return access_programme(cast.coordinator, "best")


def _response_table(body: str) -> str:
    start = body.index('id="responses-heading"')
    return body[start : body.index("</section>", start)]


@pytest.mark.parametrize("known", [1, 2, 3, 4])
def test_reading_before_and_after_known_answers_shows_no_change_until_the_batch_is_full(
    client, cast, target, known
):
    from django.test import Client

    before = everything_a_reader_sees(client, cast, target)

    attacker = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert attacker_sends(attacker, target, "gjovik", ["1"] * known) == known

    assert everything_a_reader_sees(client, cast, target) == before

    # Real young people fill the batch to five: then, and only then, the figures move.
    attacker_sends(Client(HTTP_ACCEPT_LANGUAGE="en"), target, "gjovik", ["4"] * (5 - known))
    after = everything_a_reader_sees(client, cast, target)
    assert after["rows"] != before["rows"]
    gjovik = {row[0]: row for row in after["responses_rows"]}["NAV Gjøvik"]
    assert gjovik[1] == 15  # 10 + a whole batch of 5


def test_a_second_batch_the_same_day_waits_until_the_next_day(client, cast, target):
    from django.test import Client
    from django.utils import timezone

    from surveys.services import results_release

    attacker_sends(Client(HTTP_ACCEPT_LANGUAGE="en"), target, "gjovik", ["4"] * 5)
    released = everything_a_reader_sees(client, cast, target)
    assert {r[0]: r[1] for r in released["responses_rows"]}["NAV Gjøvik"] == 15

    attacker_sends(Client(HTTP_ACCEPT_LANGUAGE="en"), target, "gjovik", ["1"] * 5)

    assert everything_a_reader_sees(client, cast, target) == released
    assert results_release(survey=target) == 0
    assert results_release(survey=target, today=timezone.localdate() + _DAY) == 5
    later = everything_a_reader_sees(client, cast, target)
    assert {r[0]: r[1] for r in later["responses_rows"]}["NAV Gjøvik"] == 20
