"""The demo's webhook receiver: a page on the site itself that a subscription can point at.
It checks each delivery's signature with that subscription's secret, as a real subscriber
would (docs/api.md), and keeps what arrived for staff to see under Settings › Integration
API › Received webhooks."""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import ReceivedWebhook, WebhookSubscription
from .webhooks import signing


@csrf_exempt  # called by the portal's webhook task, authenticated by the signature instead
@require_POST
def receive(request, pk):
    subscription = get_object_or_404(WebhookSubscription, pk=pk)
    headers = request.headers
    valid = signing.verify(
        subscription.secret,
        headers.get("webhook-id", ""),
        headers.get("webhook-timestamp", ""),
        request.body,
        headers.get("webhook-signature", ""),
    )
    try:
        event = str(json.loads(request.body).get("type", ""))[:50]
    except (ValueError, AttributeError):
        event = ""
    ReceivedWebhook.objects.create(
        message_id=headers.get("webhook-id", "")[:60],
        event=event,
        body=request.body.decode(errors="replace")[:20000],
        signature_valid=valid,
    )
    return HttpResponse(status=204 if valid else 400)
