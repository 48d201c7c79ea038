"""`manage.py ops_status`: the operations page as plain text, for people and monitoring.

Exit 0 when tasks run in-process or the broker answers and every queue has a live worker;
exit 1 otherwise (broker down, no worker answered, or a queue nobody consumes).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ops.selectors import operations_status


def _time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "-"


class Command(BaseCommand):
    help = "Workers alive, queue lengths, the beat schedule and each scheduled task's last run."

    def handle(self, *args, **options):
        status = operations_status()
        write = self.stdout.write
        write(f"Broker: {status.broker}")
        write("Workers:")
        if status.is_eager:
            write("  none needed: tasks run in-process (REDIS_URL is not set)")
        for worker in status.workers:
            write(f"  {worker.name} (queues: {', '.join(worker.queues)})")
        if not status.is_eager and not status.workers:
            write("  none answered")
        write("Queues:")
        for queue in status.queues:
            if status.is_eager:
                write(f"  {queue.name}: eager (run in-process)")
                continue
            length = "unknown" if queue.length is None else queue.length
            workers = ", ".join(queue.workers) or "NO WORKER"
            write(f"  {queue.name}: {length} waiting; workers: {workers}")
        write("Schedule (minute hour day month weekday, Oslo time):")
        for entry in status.schedule:
            run = entry.last_run
            last = (
                f"last started {_time(run.started_at)}, finished {_time(run.finished_at)}, "
                f"{run.outcome.lower()}{' (' + run.error + ')' if run.error else ''}"
                if run
                else "never run"
            )
            write(f"  {entry.name}: {entry.task} at {entry.when}; {last}")
        if not status.is_healthy:
            problem = (
                f"the broker is down ({status.broker})"
                if status.broker != "ok"
                else "no worker answered"
                if not status.workers
                else "no worker consumes " + ", ".join(status.queues_without_worker)
            )
            self.stderr.write(f"Not healthy: {problem}.")
            raise SystemExit(1)
