"""The machinery of the permission matrix: walk the resolver, fill in keywords from the world,
send a request as a role inside a savepoint that is rolled back."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Third-party URL sets the project mounts but does not write: allauth (helper A's area, tested
# in tests/participation/test_login.py and test_mfa.py) and Django's admin (staff only).
THIRD_PARTY_PREFIXES = ("admin/", "accounts/")


@dataclass(frozen=True)
class Pattern:
    name: str
    route: str
    keywords: tuple[str, ...]


def project_patterns() -> list[Pattern]:
    """Every named URL pattern of the project, from the resolver, third-party sets left out."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                space = entry.namespace
                inner = f"{namespace}:{space}" if namespace and space else (space or namespace)
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                if route.startswith(THIRD_PARTY_PREFIXES):
                    continue
                assert entry.name, f"URL {route} has no name, so the matrix cannot list it"
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                found.append(Pattern(name, route, tuple(entry.pattern.converters)))

    walk(get_resolver().url_patterns, "", None)
    return found


def url_for(pattern: Pattern, values: dict) -> str:
    return reverse(pattern.name, kwargs={k: values[k] for k in pattern.keywords})


def send(client: Client, method: str, url: str) -> int:
    """One request whose writes are undone, so that every request meets the same world."""
    cache.clear()
    with transaction.atomic():
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, {})
        status = response.status_code
        if status in (301, 302, 303) and "/accounts/login/" in response.get("Location", ""):
            status = "login"
        transaction.set_rollback(True)
    return status
