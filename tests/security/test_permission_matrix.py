"""The permission matrix: every URL pattern the project defines, from the resolver, for every
role, GET and POST, with objects from two programmes. The rules are in permission_table.py.

The world (the demo programme and a second one) is built once for the module inside a
transaction rolled back at the end; each request runs in a savepoint that is rolled back, so
every request meets the same world.
"""

import contextlib
import time
from unittest import mock

import pytest
from django.db import transaction
from django.test import Client

from tests.conftest import force_login_with_mfa
from tests.security.matrix import project_patterns, send, url_for
from tests.security.matrix_world import ROLES, build_world
from tests.security.permission_table import ANONYMOUS, COORDINATOR, PERMISSIONS

PATTERNS = {pattern.name: pattern for pattern in project_patterns()}
# Keywords that name no object of a programme: the same for both programmes.
NOT_OBJECTS = {"slug", "year", "month", "number", "office_code"}
DENIED = {404, 403, 405}
DENIED_ANONYMOUS = DENIED | {"login"}
METHODS = ("GET", "POST")
PDF_VIEWS = ("surveys", "offers", "checklists", "minutes", "resourcegroup")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            started = time.monotonic()
            world = build_world()
            world.clients = {ANONYMOUS: Client(HTTP_ACCEPT_LANGUAGE="en")}
            for role, user in world.users.items():
                world.clients[role] = Client(HTTP_ACCEPT_LANGUAGE="en")
                force_login_with_mfa(world.clients[role], user)
            world.built_in = time.monotonic() - started
            # The PDFs' access checks run; WeasyPrint is tested elsewhere and is slow.
            with contextlib.ExitStack() as stack:
                for module in PDF_VIEWS:
                    stack.enter_context(
                        mock.patch(f"reports.views.{module}.render_pdf", return_value=b"%PDF")
                    )
                yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_every_url_pattern_has_a_row_and_every_row_a_pattern():
    assert sorted(set(PATTERNS) - set(PERMISSIONS)) == [], "add these to permission_table.py"
    assert sorted(set(PERMISSIONS) - set(PATTERNS)) == [], "remove these from the table"


def _values(world, programme: str, name: str) -> dict:
    values = dict(getattr(world, programme))
    for keyword, key in PERMISSIONS[name].kwargs.items():
        values[keyword] = values[key]
    return values


def _check(name, world) -> list[str]:
    pattern, row = PATTERNS[name], PERMISSIONS[name]
    url = url_for(pattern, _values(world, "a", name))
    wrong = []
    for role in ROLES:
        for method in METHODS:
            status = send(world.clients[role], method, url)
            if role in row.allowed(method):
                ok = status in (200, 302)
            else:
                ok = status in (DENIED_ANONYMOUS if role == ANONYMOUS else DENIED)
            if not ok:
                allowed = "allowed" if role in row.allowed(method) else "denied"
                wrong.append(f"{method} {url} as {role}: {status} but {allowed}")
    objects = set(pattern.keywords) - NOT_OBJECTS
    if (
        objects
        and "slug" in pattern.keywords
        and COORDINATOR in row.allowed("GET") | row.allowed("POST")
    ):
        # The demo's coordinator, the other programme's objects, in the demo's address.
        mixed = dict(_values(world, "b", name), slug=world.a["slug"])
        other_url = url_for(pattern, mixed)
        for method in METHODS:
            status = send(world.clients[COORDINATOR], method, other_url)
            if status not in DENIED:
                wrong.append(f"{method} {other_url} (other programme's object): {status}")
    return wrong


@pytest.mark.parametrize("name", sorted(set(PATTERNS) & set(PERMISSIONS)))
def test_permissions(world, db, name):
    assert _check(name, world) == []


def test_matrix_size(world, db, record_property):
    patterns = len(PATTERNS)
    size = f"{patterns} URL patterns × {len(ROLES)} roles × 2 methods × 2 programmes"
    record_property("matrix_size", size)
    print(f"\npermission matrix: {size}; world built in {world.built_in:.1f}s")
