"""Keeping messages only as long as the council says: Portal configuration › Scheduled task
settings › "keep messages for (days)". A daily job (``MessagingConfig.jobs``) deletes older
messages with their attachments; the stored files go once the deletion has committed."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.config import portal_settings

from .attachments.services import delete_stored_files_after_commit
from .models import Attachment, Message, Thread

logger = logging.getLogger(__name__)


def delete_old_messages(now=None):
    """Delete every message sent before the retention period, its copies, deliveries and
    attachments, and the threads left empty. Returns how many messages went."""
    cutoff = (now or timezone.now()) - timedelta(days=portal_settings().message_retention_days)
    with transaction.atomic():
        old = Message.objects.filter(sent_at__lt=cutoff)
        delete_stored_files_after_commit(Attachment.objects.filter(message__in=old))
        count = old.count()
        old.delete()
        Thread.objects.filter(created_at__lt=cutoff, messages__isnull=True).delete()
    logger.info("Deleted %s messages sent before %s", count, cutoff)
    return count
