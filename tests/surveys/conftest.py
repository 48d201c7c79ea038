import re

import pytest

from surveys.models import Question

from .factories import QuestionFactory, add_options, published_survey


@pytest.fixture(autouse=True)
def no_minimum_time(settings):
    """Tests answer faster than any person; the minimum time is tested on its own."""
    settings.SURVEYS_MIN_SECONDS = 0


@pytest.fixture
def survey(cast):
    """Five questions on four screens; question 3 is shown only to those who answer yes."""
    survey = published_survey(cast.programme, slug="forste")
    scale = QuestionFactory(survey=survey, position=1, text="Jeg ble lyttet til.")
    activity = QuestionFactory(
        survey=survey, position=2, kind=Question.Kind.YES_NO, text="Fikk du en aktivitet?"
    )
    which = QuestionFactory(
        survey=survey,
        position=3,
        kind=Question.Kind.SINGLE,
        text="Hvilken aktivitet?",
        show_if_question=activity,
        show_if_value="yes",
    )
    add_options(which, "Kurs", "Arbeidstrening", "Skole")
    comment = QuestionFactory(
        survey=survey, position=4, kind=Question.Kind.LONG_TEXT, text="Vil du si noe mer?"
    )
    age = QuestionFactory(
        survey=survey,
        position=5,
        kind=Question.Kind.NUMBER,
        text="Hvor mange møter har du hatt?",
        min_value=0,
        max_value=30,
        starts_new_page=False,
    )
    survey.q = [scale, activity, which, comment, age]
    return survey


TOKEN = re.compile(r'name="token" value="([^"]+)"')
HIDDEN = re.compile(r'<input type="hidden" name="(q\d+)" value="([^"]*)">')


class Respondent:
    """A phone without JavaScript: it posts back exactly the form the page gave it."""

    def __init__(self, client, survey, link="?k=gjovik"):
        self.client = client
        self.survey = survey
        self.url = f"/s/{survey.slug}/"
        self.response = client.get(self.url + link)
        self.body = self.response.content.decode()

    @property
    def token(self):
        return TOKEN.search(self.body).group(1)

    def form_state(self):
        data = {"token": self.token, "lang": "en"}
        data["page"] = re.search(r'name="page" value="(-?\d+)"', self.body).group(1)
        hidden: dict[str, list[str]] = {}
        for name, value in HIDDEN.findall(self.body):
            hidden.setdefault(name, []).append(value)
        data.update(hidden)
        code = re.search(r'name="answer_code" value="([^"]*)"', self.body)
        if code:
            data["answer_code"] = code.group(1)
        return data

    def post(self, answers=None, action="next", **extra):
        data = self.form_state()
        data.update({f"q{q.pk}": v for q, v in (answers or {}).items()})
        data.update(extra)
        data["action"] = action
        self.response = self.client.post(self.url, data)
        self.body = self.response.content.decode()
        return self.response
