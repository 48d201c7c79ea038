"""A goal for the programme, with fixed dates: baseline in the first months of 2026, the change
starting on 1 April 2026."""

import datetime
from decimal import Decimal

import factory

from reports.models import Goal

BASELINE_FROM = datetime.date(2026, 1, 1)
BASELINE_TO = datetime.date(2026, 3, 31)
CHANGE_ON = datetime.date(2026, 4, 1)
TODAY = datetime.date(2026, 8, 15)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    title = "Flere unge forstår hvorfor de møter NAV"
    why = "Uten å forstå hvorfor blir første møte en formalitet."
    indicator = Goal.Indicator.ATTENDANCE
    baseline_from = BASELINE_FROM
    baseline_to = BASELINE_TO
    intervention_on = CHANGE_ON
    target = Decimal("80")
    higher_is_better = True
