"""Which portal events (portal.events) become which webhook events, and what each carries.

Receivers run after the sender's commit: each records a delivery per subscription and
enqueues its sending, nothing more. Payloads carry ids and states, never a child's details:
the subscriber reads those through the API, with its scopes."""

from django.db import transaction
from django.utils import timezone

from portal import events

from ..models import WebhookDelivery, WebhookSubscription


def _submission(submission, **extra):
    return {
        "submission_id": submission.pk,
        "reference": submission.reference,
        "review_state": submission.review_state,
        **extra,
    }


def _person_matched(person, child_record, **kwargs):
    return {"person_id": person.pk, "child_record_id": child_record.pk}


def _task_submitted(task, change, **kwargs):
    """A delegated task's change, announced only when it is the submission of the
    contribution (None: not this webhook's event)."""
    return {"task_id": task.pk} if change == "submitted" else None


def _ids(**kwargs):
    return {f"{name}_id": value.pk for name, value in kwargs.items() if hasattr(value, "pk")}


#: webhook event -> (portal signal, payload of the signal's kwargs, or None when the signal's
#: occurrence is not this event)
EVENTS = {
    "submission.submitted": (
        events.form_submitted,
        lambda submission, **kwargs: _submission(submission),
    ),
    "submission.decided": (
        events.form_decided,
        lambda submission, decision, **kwargs: _submission(submission, decision=decision),
    ),
    "person.matched": (events.person_matched, _person_matched),
    "message.received": (events.message_received, _ids),
    "task.submitted": (events.task_changed, _task_submitted),
    "document.viewed": (events.document_viewed, _ids),
}


def announce(event, data, now=None):
    """Record a delivery of ``event`` to each active subscription wanting it and enqueue
    them; returns the deliveries."""
    from .delivery import enqueue

    now = now or timezone.now()
    payload = {"type": event, "timestamp": now.isoformat(), "data": data}
    deliveries = [
        WebhookDelivery.objects.create(
            subscription=subscription,
            event=event,
            payload=payload,
            next_attempt_at=now,
            created_at=now,
        )
        for subscription in WebhookSubscription.objects.filter(is_active=True)
        if event in subscription.events
    ]
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: enqueue(pk))
    return deliveries


def _receiver(event, payload):
    def receive(sender, **kwargs):
        data = payload(**kwargs)
        if data is not None:
            announce(event, data)

    return receive


_receivers = []


def connect():
    """Connect a receiver to each signal (ApiConfig.ready())."""
    for event, (signal, payload) in EVENTS.items():
        receiver = _receiver(event, payload)
        _receivers.append(receiver)  # signals hold receivers weakly
        signal.connect(receiver, dispatch_uid=f"api_webhook:{event}")
