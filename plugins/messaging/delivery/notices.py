"""Telling a recipient about a new portal message: planning one ``Delivery`` per channel and
the django-q2 task sending each one.

The notice carries nothing of the message (DESIGN.md §5): it says there is one and links to
the portal, where reading it needs two-step verification. It is in the recipient's language.
A text message goes only to users who agreed to them on My account, with a mobile number,
while GOV.UK Notify is configured for text messages.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_q.models import Schedule
from django_q.tasks import async_task

from core.config import branding
from core.emails import render_email, send_now
from core.texts import raw_text

from . import consent, gov_notify
from .models import Channel, Delivery

logger = logging.getLogger(__name__)

TASK = "plugins.messaging.delivery.notices.send_delivery"
# Minutes to wait before each new attempt after a failed send; then the delivery gives up.
RETRY_MINUTES = (1, 5, 30, 120)


def inbox_link(language):
    """The absolute address of the portal inbox in ``language``."""
    with translation.override(language):
        path = reverse("messaging:inbox")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def wants_text_messages(user):
    return gov_notify.sms_configured() and bool(user.mobile_phone) and consent.wants_texts(user)


def plan(recipient):
    """The deliveries telling ``recipient`` about their message, each sent by a task
    enqueued after the commit."""
    channels = [Channel.EMAIL]
    if wants_text_messages(recipient.user):
        channels.append(Channel.SMS)
    for channel in channels:
        delivery = Delivery.objects.create(recipient=recipient, channel=channel)
        transaction.on_commit(
            lambda pk=delivery.pk: async_task(TASK, pk, task_name=f"message-delivery:{pk}")
        )


def send_delivery(delivery_pk):
    """Send the delivery ``delivery_pk`` once. The row is locked and marked sent in the same
    transaction as the send, so a retried task (or two workers) never sends twice. A failed
    send is tried again later, each time waiting longer (``RETRY_MINUTES``)."""
    with transaction.atomic():
        # Only the delivery's row is locked while Notify answers, not its user's.
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("recipient__user")
            .filter(pk=delivery_pk, status=Delivery.Status.WAITING)
            .first()
        )
        if delivery is None:  # already sent, given up, or the message was deleted
            return False
        try:
            notify_id = _send(delivery)
        except Exception as error:  # noqa: BLE001 - any failure of the send is retried
            _failed(delivery, error)
            return False
        now = timezone.now()
        delivery.status = Delivery.Status.SENT
        delivery.notify_id = notify_id or ""
        delivery.sent_at = delivery.status_at = now
        delivery.save(update_fields=["status", "notify_id", "sent_at", "status_at"])
    return True


def _send(delivery):
    user = delivery.recipient.user
    language = user.preferred_language
    reference = f"message-delivery-{delivery.pk}"
    link = inbox_link(language)
    if delivery.channel == Channel.SMS:
        council = branding().name_for(language)
        text = raw_text("messaging.sms.new_message", language, council=council, link=link)
        return gov_notify.send_sms(user.mobile_phone, text, reference)
    subject, text, html = render_email(
        "messaging.emailsubject.new_message",
        "messaging.email_new_message",
        language,
        user.kind,
        name=user.get_full_name() or user.email,
        link=link,
    )
    if gov_notify.email_configured():
        return gov_notify.send_email(user.email, subject, text, reference)
    send_now(
        {"to": user.email, "subject": subject, "text": text, "html": html, "language": language}
    )
    return ""


def _failed(delivery, error):
    logger.warning("Message delivery %s failed: %s", delivery.pk, error)
    delivery.attempts += 1
    delivery.last_error = str(error)[:300]
    fields = ["attempts", "last_error"]
    if delivery.attempts > len(RETRY_MINUTES):
        delivery.status = Delivery.Status.GAVE_UP
        delivery.status_at = timezone.now()
        fields += ["status", "status_at"]
    else:
        Schedule.objects.create(
            name=f"message-delivery:{delivery.pk}:{delivery.attempts}",
            func=TASK,
            args=repr((delivery.pk,)),
            schedule_type=Schedule.ONCE,
            next_run=timezone.now() + timedelta(minutes=RETRY_MINUTES[delivery.attempts - 1]),
        )
    delivery.save(update_fields=fields)
