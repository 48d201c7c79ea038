"""The Gjøvik-region demo (CONTRACT.md). Idempotent: a second run changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from participation.demo import DEMO_LOGINS, seed_meetings, seed_participation


class Command(BaseCommand):
    help = "Load the Gjøvik-region demo programme with its offices, groups and demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo", help="Password of the demo logins.")

    def handle(self, *args, password, **options):
        with transaction.atomic():
            programme = seed_participation(password=password)
            seed_meetings(programme=programme)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {programme.name} ({programme.slug})"))
        self.stdout.write(f"Demo logins (password: {password}):")
        for email, description in DEMO_LOGINS:
            self.stdout.write(f"  {email:32} {description}")
