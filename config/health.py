"""GET /healthz: is the database reachable, and the broker (or are tasks run in-process)?"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
        return f"fail: {error.__class__.__name__}"
    return "ok"


def check_broker() -> str:
    if not settings.REDIS_URL:
        return "eager"
    from kombu import Connection

    try:
        with Connection(settings.REDIS_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return f"fail: {error.__class__.__name__}"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    database = check_database()
    broker = check_broker()
    healthy = database == "ok" and broker in ("ok", "eager")
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )
