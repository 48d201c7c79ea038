"""The Gjøvik-region demo (CONTRACT.md). Idempotent: a second run changes nothing.

participation seeds the programme, people and meetings; then every other installed app
with a `demo` module adds its part through `seed_<app label>(programme=...)`, in the order of
INSTALLED_APPS, so the base never imports the apps built on it.
"""

import importlib
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from participation.demo import (
    DEMO_LOGINS,
    seed_follow_ups,
    seed_meetings,
    seed_participation,
    seed_setup,
    seed_structure,
)
from participation.demo.training import seed_training


def app_seeders():
    """(label, seed function) for each installed app after participation that has a demo."""
    for config in apps.get_app_configs():
        if config.label == "participation":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        seeder = getattr(module, f"seed_{config.label}", None)
        if seeder is not None:
            yield config.label, seeder


class Command(BaseCommand):
    help = "Load the Gjøvik-region demo programme with its offices, groups and demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo", help="Password of the demo logins.")

    def handle(self, *args, password, **options):
        started = time.monotonic()
        with transaction.atomic():
            programme = seed_participation(password=password)
            seed_meetings(programme=programme)
            seed_follow_ups(programme=programme)
            seed_setup(programme=programme)
            seed_structure(programme=programme)
            seed_training(programme=programme)
            for label, seed in app_seeders():
                seed(programme=programme)
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {label} seeded ({time.monotonic() - started:.1f}s)")
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {programme.name} ({programme.slug})"))
        self.stdout.write(f"Demo logins (password: {password}):")
        for email, description in DEMO_LOGINS:
            self.stdout.write(f"  {email:32} {description}")
