"""Getting started: the steps of setting up a programme, each done or not, from the data.

participation's own steps come first, then those of every installed app with a `setup_steps`
module offering `setup_steps(*, programme) -> list[SetupStep]` (the base never imports the
apps built on it).
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Invitation, Meeting, Membership, Office, Programme, User


@dataclass(frozen=True)
class SetupStep:
    key: str
    label: str
    is_done: bool
    url: str
    hint: str = ""


def participation_setup_steps(*, programme: Programme) -> list[SetupStep]:
    """The programme described, offices, groups, people invited, first meetings planned."""
    slug = programme.slug
    groups = list(programme.groups.order_by("kind", "name").values_list("pk", flat=True))
    has_people = (
        Membership.objects.filter(group__programmes=programme).exists()
        or Invitation.objects.filter(programme=programme, person__is_active=True)
        .exclude(person__coordinated_programmes=programme)
        .exists()
    )
    planned = set(
        Meeting.objects.filter(group__in=groups)
        .exclude(status=Meeting.Status.CANCELLED)
        .values_list("group_id", flat=True)
        .distinct()
    )
    unplanned = [pk for pk in groups if pk not in planned]
    if not groups:
        meetings_url = reverse("setup_groups", args=[slug])
    elif unplanned:
        meetings_url = reverse("meeting_create", args=[slug, unplanned[0]])
    else:
        meetings_url = reverse("setup_groups", args=[slug])
    return [
        SetupStep(
            "programme",
            _("Describe the programme: period, mandate and goals"),
            bool(programme.mandate and programme.goals),
            reverse("setup_programme", args=[slug]),
        ),
        SetupStep(
            "offices",
            _("Add the NAV offices"),
            programme.offices.filter(is_active=True).exists(),
            reverse("setup_offices", args=[slug]),
        ),
        SetupStep(
            "groups",
            _("Create the groups"),
            bool(groups),
            reverse("setup_groups", args=[slug]),
            _("For example a steering group, a project group and a resource group."),
        ),
        SetupStep(
            "people",
            _("Invite people into the groups"),
            has_people,
            reverse("person_invite", args=[slug]),
        ),
        SetupStep(
            "meetings",
            _("Plan the first meeting of each group"),
            bool(groups) and not unplanned,
            meetings_url,
        ),
    ]


def setup_step_providers() -> list[Callable]:
    """participation's steps, then those of each installed app's `setup_steps` module."""
    found = [participation_setup_steps]
    for config in apps.get_app_configs():
        if config.label == "participation":
            continue
        try:
            module = import_module(f"{config.name}.setup_steps")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.setup_steps":
                raise
            continue
        found.append(module.setup_steps)
    return found


def setup_steps(*, programme: Programme) -> list[SetupStep]:
    """Every step of setting up the programme, in order."""
    return [step for provider in setup_step_providers() for step in provider(programme=programme)]


def is_set_up(*, programme: Programme) -> bool:
    """A programme is set up enough to run once it has offices and groups."""
    return programme.offices.filter(is_active=True).exists() and programme.groups.exists()


def municipality_choices(*, people_of: User | None = None, programme: Programme | None = None):
    """The municipalities one may choose: those of the active offices of the programme, or of
    every programme the person belongs to. Sorted, each once."""
    offices = Office.objects.filter(is_active=True)
    if programme is not None:
        offices = offices.filter(programmes=programme)
    else:
        current = Membership.objects.current().filter(person=people_of)
        offices = offices.filter(
            Q(programmes__coordinators=people_of) | Q(programmes__groups__memberships__in=current)
        )
    names = {name.strip() for name in offices.values_list("municipality", flat=True)}
    return sorted(name for name in names if name)
