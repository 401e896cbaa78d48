"""GOV.UK Notify's delivery receipts: Notify posts each notification's final status to the
callback URL set on the service, with ``NOTIFY_CALLBACK_TOKEN`` as its bearer token.

The token is compared in constant time; a wrong or missing one gets 401 and changes nothing.
A receipt for an id the portal does not know (a notification sent by another path, or whose
message has been deleted) is answered 200 and ignored, so Notify does not keep retrying it.
"""

import json
import secrets

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Channel, ContactProblem, Delivery

RECEIPT_STATUSES = {
    Delivery.Status.DELIVERED,
    Delivery.Status.PERMANENT_FAILURE,
    Delivery.Status.TEMPORARY_FAILURE,
    Delivery.Status.TECHNICAL_FAILURE,
}


@transaction.atomic
def record_receipt(notify_id, status):
    """Record Notify's final ``status`` of the notification ``notify_id``. A permanent failure
    flags the user's address or number for the SEND team; a delivery clears that flag.
    Returns the delivery, or None for an unknown id or status."""
    if status not in RECEIPT_STATUSES or not notify_id:
        return None
    delivery = (
        Delivery.objects.select_for_update(of=("self",))
        .select_related("recipient__user")
        .filter(notify_id=notify_id)
        .first()
    )
    if delivery is None:
        return None
    delivery.status = status
    delivery.status_at = timezone.now()
    delivery.save(update_fields=["status", "status_at"])
    user = delivery.recipient.user
    if status == Delivery.Status.PERMANENT_FAILURE:
        address = user.mobile_phone if delivery.channel == Channel.SMS else user.email
        ContactProblem.objects.update_or_create(
            user=user, channel=delivery.channel, defaults={"address": address}
        )
    elif status == Delivery.Status.DELIVERED:
        ContactProblem.objects.filter(user=user, channel=delivery.channel).delete()
    return delivery


def _token_is_right(request):
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    if not expected or not given.startswith("Bearer "):
        return False
    return secrets.compare_digest(given.removeprefix("Bearer ").encode(), expected.encode())


@csrf_exempt
@require_POST
def callback(request):
    """Notify's delivery receipt callback."""
    if not _token_is_right(request):
        return HttpResponse(status=401, headers={"WWW-Authenticate": "Bearer"})
    try:
        receipt = json.loads(request.body)
        notify_id, status = str(receipt["id"]), str(receipt["status"])
    except (ValueError, KeyError, TypeError):
        return HttpResponse(status=400)
    record_receipt(notify_id, status)
    return HttpResponse(status=200)
