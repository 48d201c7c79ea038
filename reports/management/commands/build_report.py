"""`manage.py build_report --programme SLUG [--from DATE] [--to DATE] --out FILE.pdf`
(CONTRACT.md): the steering report, rendered synchronously; exit 0, or non-zero with one line.
"""

import datetime
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from participation.models import Programme
from reports import services


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(value) from None


_date.__name__ = "date (YYYY-MM-DD)"


class Command(BaseCommand):
    help = "Render the steering-group report for a programme and period to a PDF file."
    # Operators script this command: other apps' development checks must not stop it.
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            if parser.called_from_command_line:
                self.stderr.write(f"build_report: {message}")
                sys.exit(2)
            raise CommandError(message)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--programme", required=True, help="The programme's slug.")
        parser.add_argument("--from", dest="start", type=_date, help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", type=_date, help="Last day, YYYY-MM-DD.")
        parser.add_argument("--out", required=True, help="The PDF file to write.")

    def handle(self, *args, programme, start, end, out, **options):
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            raise CommandError(f"no programme with the slug {programme!r}")
        default = services.default_period(programme=found)
        try:
            period = services.period_validate(start=start or default.start, end=end or default.end)
        except ValidationError as error:
            raise CommandError(_first_message(error)) from None
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(f"cannot write {out}: the folder {path.parent} does not exist")
        if path.is_dir():
            raise CommandError(f"cannot write {out}: it is a folder")
        try:
            pdf = services.steering_report_pdf(programme=found, period=period)
        except Exception as error:
            raise CommandError(f"the report could not be made: {error}") from None
        try:
            path.write_bytes(pdf)
        except OSError as error:
            raise CommandError(f"cannot write {out}: {error.strerror or error}") from None
        self.stdout.write(
            f"Wrote {out} ({len(pdf) // 1024} KiB): {found.name}, {period.start} – {period.end}"
        )


def _first_message(error: ValidationError) -> str:
    messages = error.messages
    return str(messages[0]) if messages else str(error)
