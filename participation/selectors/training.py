"""Training: who each module is for, who has done it when, and whose refresher is due."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max

from ..models import Membership, Office, Programme, TrainingCompletion, TrainingModule, User
from ..models.training import TrainingAudience, audiences_of_seat

# A refresher shows as "due soon" (and its first reminder goes out) this many days before.
DUE_SOON_DAYS = 30


class TrainingState:
    NEVER = "never"
    DONE = "done"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


# The order a coordinator reads a module's table in: what needs doing first.
STATE_ORDER = [
    TrainingState.OVERDUE,
    TrainingState.DUE_SOON,
    TrainingState.NEVER,
    TrainingState.DONE,
]


@dataclass
class Trainee:
    """A person with a current seat (or coordinator role) in the programme."""

    person: User
    audiences: set[str] = field(default_factory=set)
    offices: dict[int, Office] = field(default_factory=dict)

    @property
    def office_names(self) -> str:
        return ", ".join(sorted(office.name for office in self.offices.values()))


@dataclass
class TrainingStatus:
    """One person's standing with one module."""

    module: TrainingModule
    person: User
    done_on: datetime.date | None
    due_on: datetime.date | None
    state: str
    offices: str = ""

    @property
    def is_done(self) -> bool:
        return self.state == TrainingState.DONE

    @property
    def needs_doing(self) -> bool:
        return self.state in (TrainingState.OVERDUE, TrainingState.DUE_SOON)


@dataclass
class ModuleTable:
    module: TrainingModule
    rows: list[TrainingStatus]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def overdue(self) -> int:
        return self.count(TrainingState.OVERDUE)

    @property
    def due_soon(self) -> int:
        return self.count(TrainingState.DUE_SOON)

    @property
    def never(self) -> int:
        return self.count(TrainingState.NEVER)

    @property
    def done(self) -> int:
        return self.count(TrainingState.DONE)


def training_state(
    module: TrainingModule, done_on: datetime.date | None, *, today: datetime.date
) -> tuple[datetime.date | None, str]:
    """The refresher date and the state: never done, done, due within DUE_SOON_DAYS (the due
    day itself included) or overdue (the day after the due day onwards)."""
    if done_on is None:
        return None, TrainingState.NEVER
    due_on = module.refresher_due_on(done_on)
    if due_on is None or due_on > today + datetime.timedelta(days=DUE_SOON_DAYS):
        return due_on, TrainingState.DONE
    if due_on < today:
        return due_on, TrainingState.OVERDUE
    return due_on, TrainingState.DUE_SOON


def training_people(
    *, programme: Programme, on: datetime.date, person: User | None = None
) -> dict[int, Trainee]:
    """Everyone active with a current seat in the programme's groups, or coordinating it, with
    the training audiences they are in and their offices (two queries)."""
    memberships = (
        Membership.objects.current(on=on)
        .filter(group__programmes=programme, person__is_active=True)
        .select_related("person", "group", "office")
        .order_by("person__display_name")
    )
    coordinators = programme.coordinators.filter(is_active=True)
    if person is not None:
        memberships = memberships.filter(person=person)
        coordinators = coordinators.filter(pk=person.pk)
    people: dict[int, Trainee] = {}
    for membership in memberships:
        trainee = people.setdefault(membership.person_id, Trainee(person=membership.person))
        trainee.audiences |= audiences_of_seat(
            group_kind=membership.group.kind, role=membership.role
        )
        if membership.office_id:
            trainee.offices[membership.office_id] = membership.office
    for coordinator in coordinators:
        trainee = people.setdefault(coordinator.pk, Trainee(person=coordinator))
        trainee.audiences.add(TrainingAudience.COORDINATORS.value)
    return dict(sorted(people.items(), key=lambda pair: pair[1].person.display_name))


def latest_completions(*, modules, person_ids=None) -> dict[tuple[int, int], datetime.date]:
    """(module id, person id) → the last day the person did the module (one query)."""
    rows = TrainingCompletion.objects.filter(module__in=modules)
    if person_ids is not None:
        rows = rows.filter(person_id__in=person_ids)
    return {
        (row["module_id"], row["person_id"]): row["last"]
        for row in rows.values("module_id", "person_id").annotate(last=Max("completed_on"))
    }


def modules_in_use(*, programme: Programme):
    return programme.training_modules.filter(archived_at__isnull=True).order_by("title")


def training_table(
    *, programme: Programme, today: datetime.date, office_id: int | None = None
) -> list[ModuleTable]:
    """Per module in use: each current person it is for (or who has done it), with the day
    they did it, the refresher date and the state; what needs doing first. With an office,
    only the people of that office."""
    modules = list(modules_in_use(programme=programme))
    people = training_people(programme=programme, on=today)
    if office_id is not None:
        people = {pk: t for pk, t in people.items() if office_id in t.offices}
    latest = latest_completions(modules=modules, person_ids=list(people))
    tables = []
    for module in modules:
        rows = []
        for trainee in people.values():
            done_on = latest.get((module.pk, trainee.person.pk))
            if done_on is None and not trainee.audiences & set(module.audiences):
                continue
            due_on, state = training_state(module, done_on, today=today)
            rows.append(
                TrainingStatus(module, trainee.person, done_on, due_on, state, trainee.office_names)
            )
        rows.sort(key=lambda row: STATE_ORDER.index(row.state))
        tables.append(ModuleTable(module=module, rows=rows))
    return tables


def training_for_person(
    *, programme: Programme, person: User, today: datetime.date
) -> list[TrainingStatus]:
    """The modules in use that are for the person or that they have done, with their state;
    what needs doing first."""
    trainee = training_people(programme=programme, on=today, person=person).get(person.pk)
    audiences = trainee.audiences if trainee else set()
    modules = list(modules_in_use(programme=programme))
    latest = latest_completions(modules=modules, person_ids=[person.pk])
    rows = []
    for module in modules:
        done_on = latest.get((module.pk, person.pk))
        if done_on is None and not audiences & set(module.audiences):
            continue
        due_on, state = training_state(module, done_on, today=today)
        rows.append(TrainingStatus(module, person, done_on, due_on, state))
    rows.sort(key=lambda row: (STATE_ORDER.index(row.state), row.module.title))
    return rows


def training_refreshers_due(
    *, programme: Programme, person: User, today: datetime.date
) -> list[TrainingStatus]:
    """The person's refreshers overdue or due within DUE_SOON_DAYS (for their start page)."""
    return [
        row
        for row in training_for_person(programme=programme, person=person, today=today)
        if row.needs_doing
    ]


def training_refreshers_of_programme(
    *, programme: Programme, today: datetime.date, since: datetime.date, until: datetime.date
) -> list[TrainingStatus]:
    """Refreshers falling due between two days for people still in the module's audience
    (the reminders and the annual plan), earliest first."""
    modules = list(modules_in_use(programme=programme).filter(refresher_months__isnull=False))
    if not modules:
        return []
    people = training_people(programme=programme, on=today)
    latest = latest_completions(modules=modules, person_ids=list(people))
    by_id = {module.pk: module for module in modules}
    rows = []
    for (module_id, person_id), done_on in latest.items():
        module, trainee = by_id[module_id], people[person_id]
        if not trainee.audiences & set(module.audiences):
            continue
        due_on, state = training_state(module, done_on, today=today)
        if due_on is not None and since <= due_on <= until:
            rows.append(TrainingStatus(module, trainee.person, done_on, due_on, state))
    rows.sort(key=lambda row: (row.due_on, row.person.display_name, row.module.title))
    return rows


def training_record_choices(*, programme: Programme, today: datetime.date) -> list[Trainee]:
    """The people a coordinator can record training for: everyone current in the programme."""
    return list(training_people(programme=programme, on=today).values())


def training_offices(*, programme: Programme):
    return programme.offices.filter(is_active=True).order_by("name")


def training_personal_data(person: User) -> dict[str, list[dict]]:
    """The person's training for their export: each module done, when and who recorded it."""
    done = TrainingCompletion.objects.filter(person=person).select_related("module", "recorded_by")
    return {
        "training": [
            {
                "module": row.module.title,
                "done_on": row.completed_on.isoformat(),
                "recorded_by": "self"
                if row.is_self_reported
                else (row.recorded_by.display_name if row.recorded_by else ""),
            }
            for row in done.order_by("completed_on", "pk")
        ]
    }
