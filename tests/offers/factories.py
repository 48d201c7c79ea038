import datetime

import factory
from django.utils import timezone

from offers.models import CrossBorderUse, Judgement, Offer


class OfferFactory(factory.django.DjangoModelFactory):
    """An offer in the office's municipality; pass programme and office."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Arbeidstrening {n}")
    kind = Offer.Kind.WORK_TRAINING
    provider = "Kommunen"
    description = "Arbeidstrening i verksted."
    municipality = factory.LazyAttribute(lambda o: o.office.municipality)
    weekdays = "mon,wed"
    last_checked_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def open_to_offices(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.open_to_offices.set(extracted)


class JudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Judgement

    given_on = factory.LazyFunction(timezone.localdate)
    usefulness = 4
    welcome = 4
    recommend = Judgement.Recommend.YES


class CrossBorderUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrossBorderUse

    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    young_people = 5


def judge(offer, answers):
    """One judgement per (usefulness, welcome, recommend)."""
    return [
        JudgementFactory(offer=offer, usefulness=u, welcome=w, recommend=r) for u, w, r in answers
    ]


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
