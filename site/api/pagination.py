"""Cursor pagination: a page of rows ordered by a timestamp and the primary key, and an opaque
cursor for the next page. A cursor names the last row seen, so rows added while a client
pages never shift it (unlike offsets), and "new since my last cursor" is the next page."""

import base64
import binascii
from datetime import datetime

from django.db.models import Q
from ninja import Schema

from .errors import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(Schema):
    next_cursor: str | None = None


def encode(when, pk):
    return base64.urlsafe_b64encode(f"{when.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, pk = raw.split("|")
        return datetime.fromisoformat(when), int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(
            422,
            "validation_error",
            "The cursor is not one this API gave.",
            [{"field": "query.cursor", "message": "Not a cursor."}],
        ) from None


def page(queryset, field, cursor=None, limit=DEFAULT_LIMIT):
    """(rows, next cursor or None): up to ``limit`` rows of ``queryset`` after ``cursor`` in
    (``field``, pk) order; rows without a ``field`` value are left out."""
    limit = max(1, min(limit or DEFAULT_LIMIT, MAX_LIMIT))
    queryset = queryset.filter(**{f"{field}__isnull": False}).order_by(field, "pk")
    if cursor:
        when, pk = decode(cursor)
        queryset = queryset.filter(Q(**{f"{field}__gt": when}) | Q(**{field: when, "pk__gt": pk}))
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    next_cursor = encode(getattr(last, field), last.pk) if more else None
    return rows, next_cursor
