"""Factories for inputs (innspill) and the meetings they were raised in."""

import datetime

import factory
from django.utils import timezone

from participation.models import Input, InputEvent, Meeting

from .factories import GroupFactory, ProgrammeFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


class InputFactory(factory.django.DjangoModelFactory):
    """An input as input_create leaves it: received, with its first step in the history."""

    class Meta:
        model = Input
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    group = None
    title = factory.Sequence(lambda n: f"Innspill {n}")
    description = "Brevene fra NAV er vanskelige å forstå."
    source = Input.Source.MEETING
    raised_on = factory.LazyFunction(timezone.localdate)
    feedback_due_on = factory.LazyAttribute(lambda o: o.raised_on + datetime.timedelta(weeks=6))

    @factory.post_generation
    def first_event(obj, create, extracted, **kwargs):
        if create:
            InputEvent.objects.create(input=obj, to_status=obj.status, by=obj.raised_by)


def overdue_input(**kwargs) -> Input:
    """Raised ten weeks ago, no feedback, due four weeks ago."""
    raised_on = timezone.localdate() - datetime.timedelta(weeks=10)
    return InputFactory(
        raised_on=raised_on, feedback_due_on=raised_on + datetime.timedelta(weeks=6), **kwargs
    )


def answered_input(*, feedback: str, **kwargs) -> Input:
    kwargs.setdefault("status", Input.Status.DONE)
    return InputFactory(feedback=feedback, feedback_at=timezone.now(), **kwargs)
