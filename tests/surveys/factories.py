"""Factories and builders for surveys. Responses are made directly (not through the public
pages) where a test is about results rather than answering."""

import datetime

import factory
from django.utils import timezone

from surveys.models import (
    Answer,
    Question,
    QuestionOption,
    Round,
    Survey,
    SurveyResponse,
)


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"survey-{n}")
    title = "Hvordan var møtet med NAV?"
    introduction = "Vi vil gjerne vite hva du synes."
    anonymity_promise = "Du svarer anonymt."
    purpose = "Svarene brukes til å gjøre første møte bedre."
    # Offered in English too, so that the pages follow the tests' English browser (the texts
    # fall back to bokmål where no English is written).
    languages = factory.LazyFunction(lambda: ["en"])

    @factory.post_generation
    def offices(obj, create, extracted, **kwargs):
        if create:
            obj.offices.set(extracted if extracted is not None else obj.programme.offices.all())


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.SCALE
    text = factory.Sequence(lambda n: f"Spørsmål {n}")


def add_options(question: Question, *labels: str) -> list[QuestionOption]:
    return [
        QuestionOption.objects.create(question=question, position=index, label=label)
        for index, label in enumerate(labels, start=1)
    ]


def published_survey(programme, *, slug="forste", offices=None, **fields) -> Survey:
    """A published, open survey with a baseline round that started a month ago."""
    survey = SurveyFactory(
        programme=programme,
        slug=slug,
        status=Survey.Status.PUBLISHED,
        published_on=timezone.localdate() - datetime.timedelta(days=30),
        offices=offices,
        **fields,
    )
    Round.objects.create(
        survey=survey, name="Baseline", starts_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    return survey


def add_responses(survey, office, count, answers=None, *, round=None, day=None):
    """`count` responses from the office, each with the same answers {question: value}."""
    round = round or survey.rounds.order_by("starts_on").last()
    day = day or round.starts_on
    made = []
    for _ in range(count):
        response = SurveyResponse.objects.create(
            survey=survey, round=round, office=office, submitted_on=day
        )
        for question, value in (answers or {}).items():
            for row in _answer_kwargs(question, value):
                Answer.objects.create(response=response, question=question, **row)
        made.append(response)
    return made


def _answer_kwargs(question, value):
    if question.kind == Question.Kind.MULTIPLE:
        return [{"option": option} for option in value]
    if question.kind == Question.Kind.SINGLE:
        return [{"option": value}]
    if question.is_text:
        return [{"text": value}]
    if isinstance(value, int):
        return [{"number": value}]
    return [{"choice": value}]
