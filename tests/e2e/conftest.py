"""Browser tests: Playwright drives the system's Chromium against pytest-django's live server.

Without Chromium the tests are skipped, so that `make test` works on a bare laptop; CI sets
MEDVIRK_REQUIRE_BROWSER=1 so that a missing browser fails the run instead of hiding it.
"""

import datetime
import os
import shutil
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

# A loaded CI machine can take more than Playwright's five seconds to show a page; a real
# failure still shows, only later.
expect.set_options(timeout=15_000)

E2E_DIR = Path(__file__).parent
DEMO_PASSWORD = "demo"
PROGRAMME_SLUG = "best-pa-aktivitetsplikt"

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home for updates, sync and field trials, which on a
    # closed network means a stream of failing connections and slower tests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    # This hook sees every collected item, not only this folder's, hence the path check.
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


def find_chromium() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def browser_required() -> bool:
    return os.environ.get("MEDVIRK_REQUIRE_BROWSER", "") == "1"


def no_browser(reason: str):
    if browser_required():
        pytest.fail(f"{reason} (MEDVIRK_REQUIRE_BROWSER=1, so the browser tests must run)")
    pytest.skip(f"{reason}; install it with `apt-get install chromium` to run the browser tests")


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        no_browser("Chromium not found (looked for `chromium` on PATH and /usr/bin/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        no_browser("Playwright is not installed (pip install -e '.[test]')")

    # Playwright's sync API keeps an event loop running in the test thread, and Django refuses
    # database access from a thread with a running loop unless told it is safe. It is safe here:
    # the tests themselves are synchronous. Set only while the browser runs, so that a session
    # without browser tests keeps Django's guard.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, live_server):
    """A fresh browser context per page: no cookies or session carried between tests."""
    contexts = []

    def _open_page(viewport=LAPTOP, locale="nb-NO"):
        # The users are Norwegian; without a locale Chromium asks for English and Django's
        # LocaleMiddleware would serve the English UI.
        context = browser.new_context(base_url=live_server.url, viewport=viewport, locale=locale)
        # Generous: CI runs two browsers at once on two cores; a real failure still shows.
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield _open_page
    for context in contexts:
        context.close()


@pytest.fixture
def open_english_page(open_page):
    """A page in a browser that asks for English: journeys written against the source texts."""

    def _open(viewport=LAPTOP):
        return open_page(viewport, locale="en-US")

    return _open


@pytest.fixture
def page(open_page):
    return open_page(LAPTOP)


# One seeded demo per worker process and day, kept as a copy of the in-memory SQLite database.
_demo_snapshot: dict[datetime.date, sqlite3.Connection] = {}


@pytest.fixture
def demo(transactional_db):
    """The Gjøvik-region demo, as `make run` loads it.

    Seeding takes about ten seconds and thirty journeys use it, so on the in-memory SQLite of
    `make test` the first journey of a worker seeds it and keeps a copy of the whole database
    (SQLite's backup API); later journeys get that copy back in milliseconds. The copy is kept
    per day, as the demo's dates are relative to today. Elsewhere every journey seeds it.
    """
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        _seed_demo()
        return
    connection.ensure_connection()
    today = timezone.localdate()
    snapshot = _demo_snapshot.get(today)
    if snapshot is None:
        _seed_demo()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _demo_snapshot.clear()
        _demo_snapshot[today] = snapshot
    else:
        snapshot.backup(connection.connection)
        # Content types are cached by id; the copy brings back its own rows.
        ContentType.objects.clear_cache()
    # Both ways start the journey with an empty outbox: seeding sends invitations.
    mail.outbox.clear()


def _seed_demo():
    call_command("seed_demo", password=DEMO_PASSWORD, stdout=StringIO())


@pytest.fixture(autouse=True)
def demo_without_mfa(settings):
    # `make run` turns two-step login off so the demo coordinator gets straight in; the
    # journeys follow the demo. The live server runs in this process and sees the change.
    settings.MEDVIRK_REQUIRE_MFA = False
