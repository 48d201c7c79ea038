"""The demo programme's goals: what the Gjøvik region wanted to change, each with a baseline
measured before the change started. Dates follow the demo's own data, so that every goal has a
baseline and a latest value on whatever day the demo is seeded.

Idempotent: a goal is found by its title.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from checklists.models import ChecklistVersion
from participation.models import Programme
from surveys.demo_short import KNOW, REACH
from surveys.demo_short import SLUG as SURVEY_SLUG
from surveys.models import Question, Survey

from . import goal_services
from .models import Goal


def seed_goals(*, programme: Programme) -> None:
    """Five goals: two from the short survey (one has met its target, one is moving the wrong
    way), checklist points, days to answer inputs and attendance in the resource group."""
    if Goal.objects.filter(programme=programme).exists():
        return
    today = timezone.localdate()
    for values in (
        _survey_goals(programme)
        + _checklist_goal(programme, today)
        + [
            _input_goal(today),
            _attendance_goal(today),
        ]
    ):
        goal_services.goal_create(programme=programme, **values)


def _survey_goals(programme: Programme) -> list[dict]:
    """The short survey (surveys.demo_short): its first round ran before the resource group's
    leaflet, the next two after it."""
    survey = Survey.objects.filter(programme=programme, slug=SURVEY_SLUG).first()
    if survey is None:
        return []
    rounds = list(survey.rounds.order_by("starts_on"))
    questions = {q.text: q for q in Question.objects.filter(survey=survey)}
    if len(rounds) < 2 or rounds[0].ends_on is None or len(questions) < 2:
        return []
    common = {
        "indicator": Goal.Indicator.SURVEY_AGREE,
        "office": None,
        "baseline_from": rounds[0].starts_on,
        "baseline_to": rounds[0].ends_on,
        "intervention_on": rounds[1].starts_on,
        "higher_is_better": True,
    }
    return [
        {
            **common,
            "title": "Flere unge vet hva NAV kan hjelpe dem med",
            "why": (
                "Ressursgruppa fortalte at mange gikk fra første møte uten å vite hva NAV kunne "
                "gjøre for dem. De laget brosjyren «Dette kan NAV hjelpe deg med»."
            ),
            "question": questions[KNOW],
            "target": Decimal("70"),
        },
        {
            **common,
            "title": "Unge vet hvordan de når veilederen sin",
            "why": (
                "Den som ikke får tak i veilederen, faller lett ut. Brosjyren forteller hvordan "
                "du når veilederen din."
            ),
            "question": questions[REACH],
            "target": Decimal("75"),
        },
    ]


def _checklist_goal(programme: Programme, today: datetime.date) -> list[dict]:
    """Version 2 of the checklist (checklists.demo) is the change; version 1 the baseline."""
    published = list(
        ChecklistVersion.objects.filter(
            template__programme=programme, published_at__isnull=False
        ).order_by("published_at")
    )
    if len(published) < 2:
        return []
    change = timezone.localdate(published[-1].published_at)
    return [
        {
            "title": "Veilederne går gjennom hele sjekklista",
            "why": (
                "Et punkt som hoppes over, er ofte det den unge trengte. Versjon 2 ble kortere "
                "og klarere for at veilederne skal rekke alle punktene."
            ),
            "indicator": Goal.Indicator.CHECKLIST_COVERAGE,
            "question": None,
            "office": None,
            "baseline_from": max(change - datetime.timedelta(days=180), programme.starts_on),
            "baseline_to": change - datetime.timedelta(days=1),
            "intervention_on": change,
            "target": Decimal("85"),
            "higher_is_better": True,
        }
    ]


def _input_goal(today: datetime.date) -> dict:
    """Inputs got an owner and a due date (issue 15's routine) about four months ago."""
    change = today - datetime.timedelta(days=120)
    return {
        "title": "Raskere svar på innspillene fra ungdommene",
        "why": (
            "Når svaret kommer måneder etter, har ungdommene sluttet å vente på det. Hvert "
            "innspill har nå en eier og en svarfrist."
        ),
        "indicator": Goal.Indicator.INPUT_DAYS,
        "question": None,
        "office": None,
        "baseline_from": today - datetime.timedelta(days=365),
        "baseline_to": change - datetime.timedelta(days=1),
        "intervention_on": change,
        "target": Decimal("21"),
        "higher_is_better": False,
    }


def _attendance_goal(today: datetime.date) -> dict:
    """The resource group moved its meetings to after school and work, with food."""
    change = today - datetime.timedelta(days=120)
    return {
        "title": "Flere møter opp i ressursgruppa",
        "why": (
            "De som slutter å komme, er ofte de vi trenger å høre mest fra. Møtene ble flyttet "
            "til ettermiddagen, med mat."
        ),
        "indicator": Goal.Indicator.ATTENDANCE,
        "question": None,
        "office": None,
        "baseline_from": today - datetime.timedelta(days=300),
        "baseline_to": change - datetime.timedelta(days=1),
        "intervention_on": change,
        "target": Decimal("80"),
        "higher_is_better": True,
    }
