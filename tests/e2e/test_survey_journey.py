"""Issue 7 in a real browser: a young person answers the demo survey on a 360 px phone,
anonymously and without a cookie; the coordinator then reads the results, where an office
with too few answers is hidden.

The browser asks for English ("en-US"); the demo survey has an English version, so the
survey and the app are in English and the test reads the English source strings.
"""

import re

from playwright.sync_api import Page, expect

from surveys.models import SurveyResponse

from .browser import (
    expect_no_serious_accessibility_violations,
    expect_no_sideways_scroll,
    log_in_in_english,
    visit,
)
from .conftest import LAPTOP, PHONE

SURVEY_TITLE = "How was your first meeting with NAV?"
SURVEY_LINK = "/s/forste-mote/?k=gjovik"


def expect_question(page: Page, progress: str, question: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(progress)
    expect(page.get_by_role("group", name=re.compile("^" + re.escape(question)))).to_be_visible()


def answer(page: Page, question: str, choice: str) -> None:
    group = page.get_by_role("group", name=re.compile("^" + re.escape(question)))
    group.get_by_role("radio", name=choice, exact=True).check()


def next_screen(page: Page) -> None:
    page.get_by_role("button", name="Next").click()


def test_young_person_answers_the_survey_on_a_phone_and_the_coordinator_reads_the_results(
    open_english_page, demo, settings
):
    # The survey refuses answers sent within seconds of the start (a bot's speed); a test
    # is as quick as a bot, so the wait is turned off rather than slept through.
    settings.SURVEYS_MIN_SECONDS = 0
    stored_before = set(SurveyResponse.objects.values_list("pk", flat=True))
    phone = open_english_page(PHONE)

    visit(phone, SURVEY_LINK)
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_have_text(SURVEY_TITLE)
    expect(phone.get_by_role("heading", name="Your answers are anonymous")).to_be_visible()
    expect(phone.get_by_text(re.compile(r"you can skip any question"))).to_be_visible()
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    phone.get_by_role("button", name="Start").click()

    expect_question(phone, "Question 1 of 8", "I was listened to in the meeting.")
    answer(phone, "I was listened to in the meeting.", "Completely agree")
    expect_no_sideways_scroll(phone)
    next_screen(phone)

    # Back once: the answer given is still there, and so is the one on the screen left.
    expect_question(phone, "Question 2 of 8", "I understood why we had the meeting.")
    answer(phone, "I understood why we had the meeting.", "Somewhat agree")
    phone.get_by_role("button", name="Back").click()
    expect_question(phone, "Question 1 of 8", "I was listened to in the meeting.")
    expect(phone.get_by_role("radio", name="Completely agree", exact=True)).to_be_checked()
    next_screen(phone)
    expect_question(phone, "Question 2 of 8", "I understood why we had the meeting.")
    expect(phone.get_by_role("radio", name="Somewhat agree", exact=True)).to_be_checked()
    next_screen(phone)

    # Any question may be skipped.
    expect_question(phone, "Question 3 of 8", "The advisor used words I understood.")
    next_screen(phone)

    # "Yes" brings in the two questions about the activity.
    expect_question(phone, "Question 4 of 8", "Did you talk about an activity for you?")
    answer(phone, "Did you talk about an activity for you?", "Yes")
    next_screen(phone)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Questions 5–6 of 10")
    answer(phone, "I had a say in choosing the activity.", "Somewhat agree")
    answer(phone, "The activity feels meaningful to me.", "Don't know")
    expect_no_sideways_scroll(phone)
    next_screen(phone)

    expect_question(phone, "Question 7 of 10", "I was treated with respect.")
    answer(phone, "I was treated with respect.", "Completely agree")
    next_screen(phone)
    expect_question(phone, "Question 8 of 10", "I trust my advisor.")
    answer(phone, "I trust my advisor.", "Somewhat agree")
    next_screen(phone)
    expect_question(phone, "Question 9 of 10", "I know how to reach my advisor.")
    answer(phone, "I know how to reach my advisor.", "Completely disagree")
    next_screen(phone)

    expect(phone.get_by_role("heading", level=1)).to_have_text("Question 10 of 10")
    phone.get_by_label("Is there anything else you want to say about the meeting?").fill(
        "The advisor was kind, but I still do not know when we meet again."
    )
    phone.get_by_role("button", name="Send answers").click()

    expect(phone).to_have_url(re.compile(r"/s/forste-mote/thanks/"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you for your answers!")
    expect(phone.get_by_role("heading", name="What happens with your answers")).to_be_visible()
    expect_no_sideways_scroll(phone)
    expect_no_serious_accessibility_violations(phone)
    # No account, no session, no CSRF cookie: nothing in the browser to trace.
    assert phone.context.cookies() == []
    # Stored once, for the office in the link, with the answer changed after "Back" kept.
    [response] = SurveyResponse.objects.exclude(pk__in=stored_before)
    assert response.office.code == "gjovik"
    answers = {
        a.question.text_in("en"): a.number or a.choice or a.text
        for a in response.answers.select_related("question")
    }
    assert answers["I understood why we had the meeting."] == 4
    assert "The advisor used words I understood." not in answers
    assert len(answers) == 9, answers

    # The coordinator reads the results; the office with too few answers is hidden.
    laptop = open_english_page(LAPTOP)
    log_in_in_english(laptop, "coordinator@example.org")
    laptop.get_by_role("link", name="Surveys", exact=True).click()
    laptop.get_by_role("row").filter(has_text="/s/forste-mote/").get_by_role(
        "link", name="Results"
    ).click()

    # The title is the survey's own (bokmål); the page around it is English.
    expect(laptop.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Results: "))
    responses = laptop.get_by_role("table", name="Responses per office in this round")
    sondre_land = responses.get_by_role("row").filter(
        has=laptop.get_by_role("rowheader", name="NAV Søndre Land", exact=True)
    )
    expect(sondre_land).to_contain_text("Hidden: fewer than 5 answers")
    gjovik = responses.get_by_role("row").filter(
        has=laptop.get_by_role("rowheader", name="NAV Gjøvik", exact=True)
    )
    expect(gjovik).to_contain_text(re.compile(r"\d"))
    expect(gjovik).not_to_contain_text("Hidden")
    expect_no_serious_accessibility_violations(laptop)
