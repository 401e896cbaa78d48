"""``Idempotency-Key`` on every POST: the first response to a key is kept and replayed, so a
client retrying after a timeout never creates or decides anything twice.

The key's row is claimed (a unique constraint) before the work starts, in its own
transaction: of two concurrent requests with one key, one does the work and the other is
told it is in progress (409). A request that fails leaves no row, so it can be retried with
the same key. A key reused for a different request is refused (422)."""

import hashlib
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from ninja import Header, Status

from .errors import ApiError
from .models import IdempotentRequest

KEEP = timedelta(days=7)

IdempotencyKey = Header(
    ...,
    alias="Idempotency-Key",
    min_length=1,
    max_length=255,
    description="A unique value per intended change (a UUID): a repeat returns the first "
    "response and changes nothing.",
)


def fingerprint(request):
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.path}\n".encode())
    digest.update(request.body if not request.FILES else b"")
    for name, upload in sorted(request.FILES.items()):
        digest.update(f"{name}:{upload.name}:{upload.size}".encode())
    return digest.hexdigest()


def once(request, key, work):
    """Run ``work() -> (status, JSON-ready body)`` once for ``key``; a repeat gets the stored
    (status, body)."""
    account = request.service_account
    request_print = fingerprint(request)
    try:
        with transaction.atomic():
            claimed = IdempotentRequest.objects.create(
                account=account, key=key, fingerprint=request_print
            )
    except IntegrityError:
        return _replay(account, key, request_print)
    try:
        with transaction.atomic():
            status, body = work()
            claimed.status_code = status
            claimed.response = body
            claimed.save(update_fields=["status_code", "response"])
    except BaseException:
        claimed.delete()
        raise
    return Status(status, body)


def _replay(account, key, request_print):
    stored = IdempotentRequest.objects.get(account=account, key=key)
    if stored.fingerprint != request_print:
        raise ApiError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different request.",
        )
    if stored.status_code is None:
        raise ApiError(409, "in_progress", "A request with this Idempotency-Key is in progress.")
    return Status(stored.status_code, stored.response)


def purge_expired(now=None):
    """Scheduled daily: keys older than a week are forgotten."""
    now = now or timezone.now()
    IdempotentRequest.objects.filter(created_at__lt=now - KEEP).delete()
