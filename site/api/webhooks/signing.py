"""Standard Webhooks signatures (https://www.standardwebhooks.com/): the ``webhook-signature``
header is ``v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">``, keyed by
the base64 part of the subscription's ``whsec_…`` secret."""

import base64
import hashlib
import hmac
import secrets
import time

SECRET_PREFIX = "whsec_"  # noqa: S105 (the scheme's marker; not a secret)
# A signature older or newer than this is refused by verify(): replays of old messages fail.
TOLERANCE_SECONDS = 5 * 60


def new_secret():
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret):
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret, message_id, timestamp, body):
    """``v1,<signature>`` of ``body`` (bytes) sent as ``message_id`` at ``timestamp``."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret, message_id, body, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
        "content-type": "application/json",
    }


def verify(secret, message_id, timestamp, body, signature_header, now=None):
    """Whether one of the space-separated signatures in ``signature_header`` is ours for this
    message, sent within the tolerance of ``now``."""
    now = time.time() if now is None else now
    try:
        if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
            return False
    except (TypeError, ValueError):
        return False
    expected = signature(secret, message_id, timestamp, body)
    return any(hmac.compare_digest(expected, given) for given in signature_header.split())
