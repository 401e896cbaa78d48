"""Sending a webhook delivery: one django-q2 task per attempt, retried with exponential
back-off (30 s, 1 min, 2 min, … capped at an hour) for PORTAL_WEBHOOK_RETRY_HOURS. Each
attempt is logged with the receiver's status code. A delivery that runs out of retries
fails; PORTAL_WEBHOOK_FAILURE_LIMIT failed deliveries in a row disable the subscription and
email the administrators. Administrators may send any delivery again (:func:`replay`)."""

import json
import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from core.emails import send_email

from ..models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from . import signing

logger = logging.getLogger(__name__)

FIRST_DELAY = timedelta(seconds=30)
LONGEST_DELAY = timedelta(hours=1)


def enqueue(delivery_pk):
    async_task("api.webhooks.delivery.attempt", delivery_pk, task_name=f"webhook:{delivery_pk}")


def backoff(attempts):
    """The wait after the ``attempts``-th failed attempt."""
    return min(FIRST_DELAY * 2 ** (attempts - 1), LONGEST_DELAY)


def _lease():
    """How long a claimed attempt keeps other workers off: longer than the request may take.
    A worker killed mid-attempt leaves its delivery due again when the lease ends, and
    :func:`send_due` queues it (receivers tell a repeat by its webhook-id)."""
    return timedelta(seconds=settings.PORTAL_WEBHOOK_TIMEOUT) + FIRST_DELAY


def _claim(delivery_pk, now):
    """The delivery if it is due now, its next attempt moved past the lease so no other
    worker takes it; None if another worker has it or it is done."""
    with transaction.atomic():
        claimed = WebhookDelivery.objects.filter(
            pk=delivery_pk,
            status=WebhookDelivery.Status.PENDING,
            next_attempt_at__lte=now,
        ).update(next_attempt_at=now + _lease())
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("subscription__account").get(pk=delivery_pk)


def attempt(delivery_pk, now=None):
    """Try to send the delivery once (a django-q2 task). Returns the id of the attempt, or
    None when the delivery was not due: django-q2 stores a task's result, and only plain
    values can be."""
    now = now or timezone.now()
    delivery = _claim(delivery_pk, now)
    if delivery is None:
        return None
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    status_code, error = None, ""
    try:
        response = requests.post(
            subscription.url,
            data=body,
            headers=signing.headers(
                subscription.secret, delivery.message_id, body, int(now.timestamp())
            ),
            timeout=settings.PORTAL_WEBHOOK_TIMEOUT,
            allow_redirects=False,
        )
        status_code = response.status_code
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"[:300]
    log = WebhookAttempt.objects.create(
        delivery=delivery, at=now, status_code=status_code, error=error
    )
    delivery.attempts += 1
    if log.succeeded:
        _delivered(delivery, now)
    else:
        _failed_attempt(delivery, now)
    return log.pk


def _delivered(delivery, now):
    delivery.status = WebhookDelivery.Status.DELIVERED
    delivery.delivered_at = now
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "delivered_at", "attempts", "next_attempt_at"])
    WebhookSubscription.objects.filter(pk=delivery.subscription_id).update(consecutive_failures=0)


def _failed_attempt(delivery, now):
    window_ends = delivery.created_at + timedelta(hours=settings.PORTAL_WEBHOOK_RETRY_HOURS)
    retry_at = now + backoff(delivery.attempts)
    if retry_at <= window_ends:
        delivery.next_attempt_at = retry_at
        delivery.save(update_fields=["attempts", "next_attempt_at"])
        return
    delivery.status = WebhookDelivery.Status.FAILED
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    _count_failure(delivery.subscription, now)


def _count_failure(subscription, now):
    with transaction.atomic():
        subscription = WebhookSubscription.objects.select_for_update().get(pk=subscription.pk)
        subscription.consecutive_failures += 1
        if (
            subscription.is_active
            and subscription.consecutive_failures >= settings.PORTAL_WEBHOOK_FAILURE_LIMIT
        ):
            subscription.is_active = False
            subscription.disabled_at = now
            _tell_administrators(subscription)
        subscription.save(update_fields=["consecutive_failures", "is_active", "disabled_at"])


def _tell_administrators(subscription):
    administrators = get_user_model().objects.filter(is_active=True, is_superuser=True)
    for user in administrators:
        send_email(
            user.email,
            "api.emailsubject.webhook_disabled",
            "api.email_webhook_disabled",
            language=user.preferred_language,
            url=subscription.url,
            client=subscription.account.name,
            failures=subscription.consecutive_failures,
        )


def send_due(now=None):
    """Scheduled every minute: enqueue every delivery whose next attempt is due."""
    now = now or timezone.now()
    due = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)
    for pk in due:
        enqueue(pk)


def replay(delivery, now=None):
    """Send ``delivery`` again (an administrator's choice in the admin), with the same
    ``webhook-id`` so a receiver that already has it can tell, and a fresh retry window."""
    now = now or timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.PENDING, next_attempt_at=now, created_at=now
    )
    transaction.on_commit(lambda: enqueue(delivery.pk))
