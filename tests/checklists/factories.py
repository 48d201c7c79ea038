import datetime

import factory
from django.utils import timezone

from checklists.models import ChecklistItem, ChecklistTemplate, ChecklistUse, ChecklistVersion
from tests.participation.factories import OfficeFactory, ProgrammeFactory, UserFactory


class ChecklistTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplate

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Sjekkliste {n}")
    status = ChecklistTemplate.Status.PUBLISHED


class ChecklistVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistVersion

    template = factory.SubFactory(ChecklistTemplateFactory)
    number = factory.Sequence(lambda n: n + 1)
    introduction = "Bruk lista i første møte."
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=200))


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    version = factory.SubFactory(ChecklistVersionFactory)
    text = factory.Sequence(lambda n: f"Punkt {n}")
    order = factory.Sequence(lambda n: n)


class ChecklistUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistUse
        skip_postgeneration_save = True

    version = factory.SubFactory(ChecklistVersionFactory)
    office = factory.SubFactory(OfficeFactory)
    advisor = factory.SubFactory(UserFactory)
    met_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))

    @factory.post_generation
    def items_covered(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.items_covered.set(extracted)


def published_checklist(
    programme,
    *,
    points=("Forklar hvorfor vi møtes", "Lag planen sammen", "Avtal neste kontakt"),
    number=1,
    template=None,
):
    """A published checklist (or a new published version of `template`) with its points."""
    template = template or ChecklistTemplateFactory(programme=programme)
    version = ChecklistVersionFactory(template=template, number=number)
    items = [
        ChecklistItemFactory(version=version, text=text, order=order)
        for order, text in enumerate(points, start=1)
    ]
    return template, version, items
