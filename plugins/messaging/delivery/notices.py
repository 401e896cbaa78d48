"""The django-q2 task telling a recipient about a new portal message by email.

The email carries nothing of the message (DESIGN.md §5): it says there is one and links to
the portal, where reading it needs two-step verification. It is in the recipient's language.
"""

from django.db import transaction
from django.utils import timezone

from core.emails import deliver, render_email

from ..models import Recipient
from ..services import inbox_link


def send_notice(recipient_pk):
    """Email the recipient ``recipient_pk`` once. The row is locked and marked in the same
    transaction as the send, so a retried task (or two workers) never sends twice, and a
    failed send leaves it unmarked for the retry."""
    with transaction.atomic():
        recipient = (
            Recipient.objects.select_for_update()
            .select_related("user")
            .filter(pk=recipient_pk, emailed_at__isnull=True)
            .first()
        )
        if recipient is None:  # already sent, or the message was deleted
            return False
        user = recipient.user
        language = user.preferred_language
        subject, text, html = render_email(
            "messaging.emailsubject.new_message",
            "messaging.email_new_message",
            language,
            user.kind,
            name=user.get_full_name() or user.email,
            link=inbox_link(language),
        )
        deliver(
            {"to": user.email, "subject": subject, "text": text, "html": html, "language": language}
        )
        recipient.emailed_at = timezone.now()
        recipient.save(update_fields=["emailed_at"])
    return True
