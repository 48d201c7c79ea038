"""Factories for honoraria and travel claims. Dates are fixed (2024)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from resourcegroup.models import HonorariumRate, TravelClaim


class HonorariumRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HonorariumRate

    valid_from = datetime.date(2024, 1, 1)
    amount_per_meeting = Decimal("350.00")
    km_rate = Decimal("4.50")


class TravelClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TravelClaim

    date = datetime.date(2024, 3, 12)
    month = factory.LazyAttribute(lambda o: o.date.replace(day=1))
    from_place = "Raufoss"
    to_place = "NAV Gjøvik"
    ticket_amount = Decimal("62.00")
    amount = factory.LazyAttribute(lambda o: o.ticket_amount)
    submitted_at = factory.LazyFunction(timezone.now)
