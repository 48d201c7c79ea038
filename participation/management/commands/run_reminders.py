"""`manage.py run_reminders [--at ISO-DATETIME]` (CONTRACT.md): one reminder sweep as of that
moment (default now), the same work Celery beat schedules. Running it twice for the same
moment sends nothing twice."""

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from participation.reminders import run_input_owner_reminders, run_sweep
from participation.services.training import training_refreshers_remind


def _moment(value: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(moment):
        # A time without an offset is Oslo time, like every time in Medvirk.
        moment = timezone.make_aware(moment)
    return moment


_moment.__name__ = "ISO date and time (e.g. 2026-11-23T09:00)"


class Command(BaseCommand):
    help = "Send the reminders due at a moment (default now); never the same one twice."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            if parser.called_from_command_line:
                self.stderr.write(f"run_reminders: {message}")
                sys.exit(2)
            raise CommandError(message)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--at", type=_moment, help="The moment, e.g. 2026-11-23T09:00.")

    def handle(self, *args, at, **options):
        failed = 0
        # The sweep beat runs every 15 minutes, then the daily reminders to input owners and
        # of training refreshers.
        for run in (run_sweep, run_input_owner_reminders, training_refreshers_remind):
            result = run(now=at)
            self.stdout.write(result.summary())
            failed += result.failed
        if failed:
            raise CommandError(f"{failed} reminders could not be sent; see the log")
