"""Factories for meetings and calendar feeds, used by the calendar and annual plan tests."""

import datetime

import factory
from django.utils import timezone

from participation.models import ActionItem, AgendaItem, CalendarFeed, Meeting
from participation.services.meetings import local_datetime
from tests.participation.factories import GroupFactory, UserFactory


def next_week_at_four():
    return local_datetime(timezone.localdate() + datetime.timedelta(days=7), datetime.time(16, 0))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.LazyFunction(next_week_at_four)
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    place = "Gjøvik bibliotek, møterom 2"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Sak {n + 1}")
    state = AgendaItem.State.ACCEPTED


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    group = factory.LazyAttribute(lambda a: a.meeting.group)
    title = factory.Sequence(lambda n: f"Oppfølging {n}")
    owner = factory.SubFactory(UserFactory)


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
    group = None
