"""Training modules: the coordinator writes them and records who did them; people mark
self-study modules done themselves; refreshers due are reminded once per person and occasion."""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import NotificationKind, Programme, TrainingCompletion, TrainingModule, User
from ..models.training import TrainingAudience
from ..selectors.training import (
    DUE_SOON_DAYS,
    training_people,
    training_refreshers_of_programme,
)

# An overdue refresher is reminded on its due day, or at the first sweep within this many days.
DUE_DAY_LOOKBACK_DAYS = 30
# Training older than this is a typing mistake rather than history.
OLDEST_YEARS = 30


def training_module_save(
    *,
    programme: Programme,
    module: TrainingModule | None = None,
    title: str,
    description: str,
    material: str = "",
    audiences: list[str],
    duration_minutes: int,
    refresher_months: int | None,
    is_self_study: bool = False,
) -> TrainingModule:
    """Create or change a module of the programme; it must be for someone."""
    chosen = [code for code in TrainingAudience.values if code in set(audiences)]
    if not chosen or len(chosen) != len(set(audiences)):
        raise ValidationError({"audiences": _("Choose who the module is for.")})
    module = module or TrainingModule(programme=programme)
    module.title, module.description = title.strip(), description.strip()
    module.material, module.audiences = material.strip(), chosen
    module.duration_minutes, module.refresher_months = duration_minutes, refresher_months
    module.is_self_study = is_self_study
    module.full_clean()
    module.save()
    return module


def training_module_archive(*, module: TrainingModule, is_archived: bool) -> TrainingModule:
    """Archive a module (it stops showing to people; who did it stays) or take it back in use."""
    module.archived_at = timezone.now() if is_archived else None
    module.save(update_fields=["archived_at"])
    return module


def training_module_delete(*, module: TrainingModule) -> None:
    """Delete a module nobody has done; one that somebody has done is archived instead."""
    if module.completions.exists():
        raise ValidationError(
            _("Somebody has done this module, so it cannot be deleted. Archive it instead.")
        )
    module.delete()


def _check_day(completed_on: datetime.date, today: datetime.date) -> None:
    if completed_on > today:
        raise ValidationError({"completed_on": _("The day cannot be in the future.")})
    if completed_on.year < today.year - OLDEST_YEARS:
        raise ValidationError({"completed_on": _("Check the year: that is very long ago.")})


@transaction.atomic
def training_completions_record(
    *,
    module: TrainingModule,
    people: list[User],
    completed_on: datetime.date,
    by: User,
    today: datetime.date,
) -> int:
    """Record that each person did the module on the day (after a session, say). Only people
    current in the programme; recording the same day twice adds nothing. Returns how many
    were new."""
    if module.is_archived:
        raise ValidationError(_("The module is archived. Take it back in use first."))
    _check_day(completed_on, today)
    if not people:
        raise ValidationError({"people": _("Tick at least one person.")})
    current = training_people(programme=module.programme, on=today)
    if any(person.pk not in current for person in people):
        raise ValidationError({"people": _("Choose people who take part in the programme.")})
    before = module.completions.filter(completed_on=completed_on).count()
    TrainingCompletion.objects.bulk_create(
        [
            TrainingCompletion(
                module=module,
                person=person,
                completed_on=completed_on,
                recorded_by=by,
                recorded_at=timezone.now(),
            )
            for person in people
        ],
        ignore_conflicts=True,  # training_done_once_a_day: already recorded for that day
    )
    return module.completions.filter(completed_on=completed_on).count() - before


def training_self_report(
    *, module: TrainingModule, person: User, completed_on: datetime.date, today: datetime.date
) -> TrainingCompletion:
    """A person marks a self-study module that is for them as done; they are the recorder."""
    if module.is_archived or not module.is_self_study:
        raise ValidationError(_("This module is recorded by the coordinator."))
    trainee = training_people(programme=module.programme, on=today, person=person).get(person.pk)
    if trainee is None or not trainee.audiences & set(module.audiences):
        raise ValidationError(_("This module is not for you."))
    _check_day(completed_on, today)
    completion, _created = TrainingCompletion.objects.get_or_create(
        module=module,
        person=person,
        completed_on=completed_on,
        defaults={"recorded_by": person, "recorded_at": timezone.now()},
    )
    return completion


def training_refreshers_remind(*, now: datetime.datetime | None = None):
    """Tell each person whose refresher is due: once DUE_SOON_DAYS before the due day, and
    once on it (or at the first sweep in the month after). Each reminder is claimed per
    person, module and due day, so a new completion brings new reminders and a second run
    sends nothing. Honours the quiet hours and each person's channel."""
    from .. import reminders

    now = now or timezone.now()
    result = reminders.SweepResult(at=now)
    if reminders.in_quiet_hours(now):
        result.deferred = True
        return result
    today = timezone.localdate(now)
    occasions = defaultdict(list)
    programme_of = {}
    for programme in reminders.active_programmes(now):
        rows = training_refreshers_of_programme(
            programme=programme,
            today=today,
            since=today - datetime.timedelta(days=DUE_DAY_LOOKBACK_DAYS),
            until=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        for row in rows:
            when = "due" if row.due_on <= today else "soon"
            row.url = reminders.absolute_url("training_mine", slug=programme.slug)
            key = f"training:{row.module.pk}:{when}:{row.due_on}"
            occasions[(row.person, programme.pk)].append((key, row))
            programme_of[programme.pk] = programme
    notices = [
        reminders.make_notice(
            NotificationKind.TRAINING_REFRESHER,
            person,
            rows,
            today=today,
            programme=programme_of[programme_id],
        )
        for (person, programme_id), rows in occasions.items()
    ]
    reminders.deliver(notices, now=now, result=result)
    return result
