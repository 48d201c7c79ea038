"""A short survey asked three times, a baseline round before the resource group's leaflet
"Dette kan NAV hjelpe deg med" and two rounds after it: the demo's programme goals measure
it (reports.demo_goals). Its answers are fixed, not random, and every answer category an
office has holds five or more answers, so its figures show in every round on any date.

Idempotent: found by its slug.
"""

import datetime

from django.utils import timezone

from participation.models import Programme

from . import services
from .models import Answer, Question, Survey, SurveyResponse

SLUG = "kort-om-nav"
KNOW = "Jeg vet hva NAV kan hjelpe meg med."
REACH = "Jeg vet hvordan jeg får tak i veilederen min."

# (name, days before today it starts); each round ends the day before the next.
ROUNDS = [("Før brosjyren", 330), ("Etter brosjyren, vår", 210), ("Etter brosjyren, høst", 90)]
# The change (the leaflet) came with the second round.

# Per round: for each office, [(score, answers)] for the two statements. Søndre Land had no
# answers (its youth contact was on leave).
ANSWERS = {
    KNOW: [
        [(2, 5), (3, 5), (4, 5)],  # 33 % agree
        [(2, 5), (4, 5), (5, 5)],  # 67 %
        [(3, 5), (4, 10), (5, 5)],  # 75 %
    ],
    REACH: [
        [(2, 5), (3, 5), (4, 5)],  # 33 %
        [(3, 5), (4, 5), (5, 5)],  # 67 %
        [(2, 5), (3, 5), (4, 5), (5, 5)],  # 50 %: moving the wrong way
    ],
}
OFFICES = ("gjovik", "nordre-land", "vestre-toten", "ostre-toten")


def seed_short_survey(*, programme: Programme) -> Survey | None:
    existing = Survey.objects.filter(slug=SLUG).first()
    if existing is not None:
        return existing
    offices = {o.code: o for o in programme.offices.filter(code__in=OFFICES)}
    if len(offices) < len(OFFICES):
        return None
    today = timezone.localdate()
    survey = services.survey_create(
        programme=programme,
        offices=programme.offices.all(),
        slug=SLUG,
        title="Vet du hva NAV kan hjelpe deg med?",
        introduction="To korte spørsmål, stilt på ungdomskontaktene to ganger i året.",
        anonymity_promise="Du svarer anonymt. Vi spør ikke om navnet ditt.",
        purpose="Svarene viser om brosjyren ressursgruppa laget, gjør NAV lettere å forstå.",
    )
    questions = [
        services.question_create(survey=survey, kind=Question.Kind.SCALE, text=text)
        for text in (KNOW, REACH)
    ]
    first_name, first_days = ROUNDS[0]
    services.survey_publish(survey=survey, today=today - datetime.timedelta(days=first_days))
    first = survey.rounds.get()
    first.name = first_name
    first.save(update_fields=["name"])
    rounds = [first] + [
        services.round_start(
            survey=survey, name=name, starts_on=today - datetime.timedelta(days=days)
        )
        for name, days in ROUNDS[1:]
    ]
    for index, each in enumerate(rounds):
        for office in offices.values():
            # The same young person answers both statements: pair them answer by answer.
            know = [score for score, n in ANSWERS[KNOW][index] for _ in range(n)]
            reach = [score for score, n in ANSWERS[REACH][index] for _ in range(n)]
            count = max(len(know), len(reach))
            responses = SurveyResponse.objects.bulk_create(
                SurveyResponse(
                    survey=survey, round=each, office=office, submitted_on=each.starts_on
                )
                for _ in range(count)
            )
            Answer.objects.bulk_create(
                Answer(response=response, question=question, number=scores[i])
                for question, scores in zip(questions, (know, reach), strict=True)
                for i, response in enumerate(responses)
                if i < len(scores)
            )
    return survey
