"""`manage.py create_coordinator EMAIL [--programme SLUG-OR-NAME]` (CONTRACT.md): the first
coordinator of a fresh install, so that everything else is set up in the app. Prints the
one-time link where they choose a password (built from MEDVIRK_BASE_URL) and emails it."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from participation import services


class Command(BaseCommand):
    help = (
        "Make a person coordinator of a new empty programme (or of --programme SLUG) and print "
        "the link where they choose a password."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            if parser.called_from_command_line:
                self.stderr.write(f"create_coordinator: {message}")
                sys.exit(2)
            raise CommandError(message)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("email", help="The coordinator's email address.")
        parser.add_argument(
            "--programme",
            default="",
            help="The slug of an existing programme, or the name of a new one.",
        )

    def handle(self, *args, email, programme, **options):
        try:
            created = services.coordinator_create(email=email, programme=programme)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        what = "new programme" if created.is_new_programme else "programme"
        self.stdout.write(
            f"{created.person.email} coordinates the {what} "
            f"{created.programme.name} ({created.programme.slug})."
        )
        if created.person.has_usable_password():
            self.stdout.write("They already have a password and can log in as usual.")
        else:
            link = services.invitation_url(person=created.person)
            self.stdout.write(f"Choose a password here (works once, for three days): {link}")
