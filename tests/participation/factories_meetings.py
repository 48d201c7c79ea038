"""Factories for meetings and what belongs to them. Dates are relative to now, in Oslo time."""

import datetime

import factory
from django.utils import timezone

from participation.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
)
from participation.services.meetings import local_datetime
from tests.participation.factories import GroupFactory


def days_from_now(days: int, time=datetime.time(16, 0)) -> datetime.datetime:
    """An aware Oslo datetime `days` from today at `time` (negative for the past)."""
    return local_datetime(timezone.localdate() + datetime.timedelta(days=days), time)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.LazyFunction(lambda: days_from_now(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 2)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    status = Attendance.Status.PRESENT


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Decision {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    group = factory.LazyAttribute(lambda o: o.meeting.group)
    title = factory.Sequence(lambda n: f"Action item {n}")
