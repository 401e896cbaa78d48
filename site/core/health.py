"""``/health/`` for load balancers: is this process able to serve?

Each check answers ``(ok, detail)``. Anonymous callers (the load balancer) get only a terse
``ok`` (200) or ``unavailable`` (503), so the page tells an outsider nothing about the
infrastructure; council staff signed in with two-step verification also get every check's
detail as JSON. The checks are the portal's shared dependencies: PostgreSQL (or SQLite), the
cache (Redis), the media storage (S3), clamd, and how long the oldest task has been waiting
for a django-q2 cluster (a queue nobody takes from means emails and PDFs are not going out).
"""

import socket
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_q.brokers import get_broker
from django_q.signing import SignedPackage

_checks = {}


def register(name):
    """Add a check: a function returning ``(ok, detail)``; an exception counts as a failure."""

    def decorator(function):
        _checks[name] = function
        return function

    return decorator


@register("database")
def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True, connection.vendor


@register("cache")
def check_cache():
    # core.cache_backends.FallbackRedisCache answers "not found" while Redis is down, so a
    # round trip (not just "no error") is what proves the cache works.
    key, token = "portal:health", uuid.uuid4().hex
    cache.set(key, token, 30)
    if cache.get(key) != token:
        return False, "a value written could not be read back"
    return True, cache.__class__.__name__


@register("storage")
def check_storage():
    # A lookup of a key that need not exist: it proves the store answers and that the
    # credentials are accepted, without writing to the council's bucket on every probe.
    default_storage.exists("health/probe")
    return True, default_storage.__class__.__name__


@register("clamd")
def check_clamd():
    """Uploads are refused while clamd cannot answer, so a portal without it is degraded."""
    if settings.PORTAL_CLAMD_SOCKET:
        family, address = socket.AF_UNIX, settings.PORTAL_CLAMD_SOCKET
    elif settings.PORTAL_CLAMD_HOST:
        family, address = socket.AF_INET, (settings.PORTAL_CLAMD_HOST, settings.PORTAL_CLAMD_PORT)
    else:
        return False, "no clamd configured (PORTAL_CLAMD_SOCKET or PORTAL_CLAMD_HOST)"
    with socket.socket(family) as connection_:
        connection_.settimeout(settings.PORTAL_HEALTH_TIMEOUT)
        connection_.connect(address)
        connection_.sendall(b"zPING\0")
        reply = connection_.recv(16)
    return reply == b"PONG\0", reply.decode(errors="replace").strip("\0") or "no reply"


def oldest_task_age():
    """Seconds the oldest task still in the queue has waited, 0 for an empty queue."""
    broker = get_broker()
    # A task a worker holds has its lock in the future: it is not waiting.
    waiting = broker.get_connection().filter(key__in=broker.queues(), lock__lte=timezone.now())
    oldest = waiting.order_by("id").first()
    if oldest is None:
        return 0.0
    started = SignedPackage.loads(oldest.payload)["started"]
    return max(0.0, (timezone.now() - started).total_seconds())


@register("task_queue")
def check_task_queue():
    age = oldest_task_age()
    return age <= settings.PORTAL_HEALTH_QUEUE_MAX_AGE, f"oldest task waiting {age:.0f} s"


def run_checks():
    """Every check's outcome: ``{name: {"ok": bool, "detail": str, "ms": int}}``."""
    results = {}
    for name, check in _checks.items():
        start = time.monotonic()
        try:
            ok, detail = check()
        except Exception as error:  # noqa: BLE001 - any failure of a dependency is "down"
            ok, detail = False, f"{error.__class__.__name__}: {error}"
        results[name] = {
            "ok": bool(ok),
            "detail": str(detail),
            "ms": round((time.monotonic() - start) * 1000),
        }
    return results


def _is_verified_staff(user):
    if not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return False
    return user.is_verified() or not settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR


@never_cache
@require_GET
def health(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    status = 200 if healthy else 503
    if _is_verified_staff(request.user):
        return JsonResponse({"healthy": healthy, "checks": results}, status=status)
    return HttpResponse(
        "ok\n" if healthy else "unavailable\n", status=status, content_type="text/plain"
    )
