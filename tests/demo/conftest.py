"""The demo (`seed_demo`), seeded once for all the tests in this folder.

Seeding takes seconds and these tests run on many pinned dates in CI, so the folder seeds once
inside a transaction that is rolled back after its last test; each test still runs in its own
savepoint (it requests `db`), so what one test changes is undone before the next.
"""

import io

import pytest


@pytest.fixture(scope="package")
def demo_programme(django_db_setup, django_db_blocker):
    from django.core.management import call_command
    from django.db import transaction

    from participation.models import Programme

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            yield Programme.objects.get(slug="best-pa-aktivitetsplikt")
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
