"""Factories for resourcegroup. Dates are fixed (2024), so sums and months are predictable."""

import datetime
from decimal import Decimal

import factory

from resourcegroup.models import (
    Application,
    Contract,
    FollowUpContact,
    Posting,
    Story,
    StoryTheme,
    TimeEntry,
    Timesheet,
)
from tests.participation.factories import UserFactory


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    person = factory.SubFactory(UserFactory)
    hourly_pay = Decimal("200.00")
    starts_on = datetime.date(2024, 1, 1)
    ends_on = datetime.date(2025, 12, 31)
    expected_hours_per_month = Decimal("20")
    role_description = "Bindeledd mellom ressursgruppa og prosjektet."


class TimesheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Timesheet

    person = factory.SubFactory(UserFactory)
    month = datetime.date(2024, 3, 1)


class TimeEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeEntry

    timesheet = factory.SubFactory(TimesheetFactory)
    date = factory.LazyAttribute(lambda o: o.timesheet.month.replace(day=5))
    hours = Decimal("2")
    activity = TimeEntry.Activity.PREPARATION


class PostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Posting

    title = "Vil du jobbe for bedre NAV-tjenester?"
    slug = factory.Sequence(lambda n: f"ressursgruppa-{n}")
    text = "Vi søker unge mellom 18 og 29 år som vil dele erfaringene sine med NAV."
    opens_on = datetime.date(2024, 1, 1)
    closes_on = datetime.date(2024, 1, 31)
    target_group = "18–29 år med aktivitetsplikt"
    target_age_min = 18
    target_age_max = 29


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    posting = factory.SubFactory(PostingFactory)
    name = factory.Sequence(lambda n: f"Søker {n}")
    email = factory.Sequence(lambda n: f"soker{n}@example.org")
    municipality = "Gjøvik"
    age_band = Application.AgeBand.FROM_18_TO_23
    motivation = "Jeg vil at andre skal få et bedre møte med NAV enn jeg fikk."
    has_consented = True


class StoryThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryTheme

    name = factory.Sequence(lambda n: f"Tema {n}")


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    kind = Story.Kind.COULD_BE_BETTER
    text = "Veilederen snakket bare om aktiviteter og spurte ikke hvordan jeg hadde det."


class FollowUpContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpContact

    channel = FollowUpContact.Channel.PHONE
    outcome = FollowUpContact.Outcome.COMING_BACK


def application_form(**overrides) -> dict:
    """What an applicant types into the public form, with `overrides`."""
    values = {
        "name": "Nora Bakken",
        "email": "nora@example.org",
        "phone": "",
        "municipality": "Gjøvik",
        "age_band": "18_23",
        "motivation": "Jeg vil at NAV skal forstå hvordan det er å være ung.",
        "has_consented": "on",
    }
    return values | overrides
