"""Reads for the operations page and `manage.py ops_status`: workers, queues, the schedule."""

from dataclasses import dataclass, field

import redis
from celery.schedules import crontab
from django.conf import settings
from kombu.exceptions import OperationalError as BrokerError

from config.celery import app
from config.health import check_broker

from .models import TaskRun

# How long to wait for the workers to answer; a live worker answers in milliseconds.
WORKER_REPLY_TIMEOUT = 1.0
EAGER = "eager"


@dataclass(frozen=True)
class Worker:
    name: str
    queues: tuple[str, ...]


@dataclass(frozen=True)
class QueueState:
    name: str
    length: int | None  # None when tasks run in-process (no broker)
    workers: tuple[str, ...]


@dataclass(frozen=True)
class ScheduleEntry:
    name: str
    task: str
    when: str
    last_run: TaskRun | None


@dataclass(frozen=True)
class OperationsStatus:
    broker: str  # "ok", "eager" or "fail: <reason>"
    workers: tuple[Worker, ...] = ()
    queues: tuple[QueueState, ...] = ()
    schedule: tuple[ScheduleEntry, ...] = field(default_factory=tuple)

    @property
    def is_eager(self) -> bool:
        return self.broker == EAGER

    @property
    def queues_without_worker(self) -> list[str]:
        return [queue.name for queue in self.queues if not self.is_eager and not queue.workers]

    @property
    def is_healthy(self) -> bool:
        """Tasks run in-process, or the broker answers and every queue has a worker."""
        if self.is_eager:
            return True
        return self.broker == "ok" and bool(self.workers) and not self.queues_without_worker


def queue_names() -> list[str]:
    return [app.conf.task_default_queue, settings.MEDVIRK_PDF_QUEUE]


def schedule_text(schedule) -> str:
    """A crontab as its five fields (minute hour day month weekday, Oslo time), else as is."""
    if isinstance(schedule, crontab):
        fields = (
            schedule._orig_minute,
            schedule._orig_hour,
            schedule._orig_day_of_month,
            schedule._orig_month_of_year,
            schedule._orig_day_of_week,
        )
        return " ".join(str(value) for value in fields)
    return str(schedule)


def beat_schedule() -> list[ScheduleEntry]:
    """Every entry of CELERY_BEAT_SCHEDULE with its task's last recorded run."""
    runs = {run.task: run for run in TaskRun.objects.all()}
    return [
        ScheduleEntry(
            name=name,
            task=entry["task"],
            when=schedule_text(entry["schedule"]),
            last_run=runs.get(entry["task"]),
        )
        for name, entry in sorted(settings.CELERY_BEAT_SCHEDULE.items())
    ]


def live_workers() -> list[Worker]:
    """The workers that answer within a second, with the queues each consumes."""
    replies = app.control.inspect(timeout=WORKER_REPLY_TIMEOUT).active_queues() or {}
    return [
        Worker(name=name, queues=tuple(sorted(queue["name"] for queue in queues)))
        for name, queues in sorted(replies.items())
    ]


def queue_lengths(names: list[str]) -> dict[str, int]:
    """Messages waiting in each queue (a Redis list per queue)."""
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    with client.pipeline(transaction=False) as pipe:
        for name in names:
            pipe.llen(name)
        return dict(zip(names, pipe.execute(), strict=True))


def operations_status() -> OperationsStatus:
    """Broker, live workers, queue lengths and the schedule with each task's last run."""
    names = queue_names()
    schedule = tuple(beat_schedule())
    broker = check_broker()
    if broker != "ok":  # eager (no broker), or a broker that does not answer
        queues = tuple(QueueState(name=name, length=None, workers=()) for name in names)
        return OperationsStatus(broker=broker, queues=queues, schedule=schedule)
    try:
        workers = tuple(live_workers())
        lengths = queue_lengths(names)
    except (BrokerError, redis.RedisError, OSError) as error:  # Redis went away between checks
        queues = tuple(QueueState(name=name, length=None, workers=()) for name in names)
        return OperationsStatus(
            broker=f"fail: {error.__class__.__name__}", queues=queues, schedule=schedule
        )
    queues = tuple(
        QueueState(
            name=name,
            length=lengths[name],
            workers=tuple(worker.name for worker in workers if name in worker.queues),
        )
        for name in names
    )
    return OperationsStatus(broker=broker, workers=workers, queues=queues, schedule=schedule)
