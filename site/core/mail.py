"""The embedded default's email backend: each message becomes an .eml file in var/outbox/."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        outbox = Path(settings.EMAIL_OUTBOX_DIR)
        outbox.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = outbox / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            # Written under another name, then renamed: whoever reads the outbox (the admin's
            # Email outbox page, a script waiting for a code) never finds half a message.
            partial = path.with_name(f".{path.name}.part")
            partial.write_bytes(message.message().as_bytes(linesep="\r\n"))
            partial.replace(path)
        return len(email_messages)


class NotifyEmailBackend(BaseEmailBackend):
    """Sends through GOV.UK Notify with one email template whose subject is ((subject)) and
    whose body is ((body)); NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID come from settings."""

    def send_messages(self, email_messages):
        from notifications_python_client.notifications import NotificationsAPIClient

        client = NotificationsAPIClient(settings.NOTIFY_API_KEY)
        for message in email_messages:
            for address in message.to:
                client.send_email_notification(
                    email_address=address,
                    template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
                    personalisation={"subject": message.subject, "body": message.body},
                )
        return len(email_messages)
