"""How long the audit log keeps its rows: ``PORTAL_AUDIT_RETENTION_DAYS`` (seven years by
default), enforced by a daily job (``core.jobs.CORE_JOBS``)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def retention_days():
    days = settings.PORTAL_AUDIT_RETENTION_DAYS
    # Zero or less would empty the whole log on the next run.
    if not isinstance(days, int) or days < 1:
        raise ImproperlyConfigured(
            "PORTAL_AUDIT_RETENTION_DAYS must be a whole number of days, 1 or more."
        )
    return days


def purge_expired(now=None):
    """Delete the rows older than the retention period; returns how many went.

    The only deletion of audit rows: the model and its querysets refuse ``delete()``, so this
    runs one raw DELETE (no signals, no per-row collector). Running it again deletes nothing
    more, so a retried or doubled job is harmless."""
    from core.models import AuditEntry

    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    expired = AuditEntry.objects.filter(at__lt=cutoff)
    return expired._raw_delete(expired.db)
