"""How the programme page (every user's landing page) scales with the number of members.

Prints `name: value` lines. Runs against a throw-away test database (in-memory SQLite
unless DATABASE_URL says otherwise).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ROUNDS = 20


def measure(client, path):
    with CaptureQueriesContext(connection) as queries:
        first = client.get(path)
    assert first.status_code == 200, first.status_code
    # Count now: every later request clears the connection's query log.
    query_count = len(queries)
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return query_count, statistics.median(timings)


def main():
    setup_test_environment()
    settings.MEDVIRK_REQUIRE_MFA = False
    from django.test import Client
    from django.test.utils import setup_databases

    setup_databases(verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))

    from participation.models import Group, Membership, User

    client = Client()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    path = "/p/best-pa-aktivitetsplikt/"
    queries_demo, ms_demo = measure(client, path)

    group = Group.objects.get(kind=Group.Kind.RESOURCE)
    people = User.objects.bulk_create(
        User(email=f"bench{i}@example.org", display_name=f"Bench {i}") for i in range(500)
    )
    Membership.objects.bulk_create(Membership(person=p, group=group) for p in people)
    queries_big, ms_big = measure(client, path)

    print(f"programme_page_queries_demo: {queries_demo}")
    print(f"programme_page_queries_500_more_members: {queries_big}")
    print(f"programme_page_median_ms_demo: {ms_demo:.1f}")
    print(f"programme_page_median_ms_500_more_members: {ms_big:.1f}")


if __name__ == "__main__":
    main()
