"""Requests a minute per token, counted in the Django cache so every web process shares one
count (Redis in production)."""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW = 60


def limit_of(account):
    return account.rate_limit or settings.PORTAL_API_RATE_LIMIT


def seconds_left(token, account, now=None):
    """0 when the request may go ahead (and counts it), else the seconds until the token's
    current minute ends."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    key = f"api:rate:{token.pk}:{window}"
    cache.add(key, 0, WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new minute has begun
        cache.add(key, 1, WINDOW + 5)
        count = 1
    if count <= limit_of(account):
        return 0
    return max(1, int((window + 1) * WINDOW - now))
