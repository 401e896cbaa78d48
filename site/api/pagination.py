"""Cursor pagination: a page of rows ordered by a timestamp and the primary key, and an opaque
cursor for the next page. A cursor names the last row seen, so rows added while a client
pages never shift it (unlike offsets), and "new since my last cursor" is the next page. Every
page also gives ``resume_cursor`` (its last row, or the cursor asked with when it is empty), so
a client polling for what is new keeps one value and never has to build a cursor itself."""

import base64
import binascii
from datetime import datetime

from django.db.models import Q
from ninja import Field, Schema

from .errors import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(Schema):
    next_cursor: str | None = Field(
        None, description="The next page's cursor; null on the last page."
    )
    resume_cursor: str | None = Field(
        None,
        description="Ask with this later for the rows that arrive after this page (the "
        "last row given, or the cursor asked with when the page is empty).",
    )


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
    """(rows, cursors): up to ``limit`` rows of ``queryset`` after ``cursor`` in (``field``, pk)
    order, rows without a ``field`` value left out; ``cursors`` holds the :class:`Page` fields
    for the response."""
    limit = max(1, min(limit or DEFAULT_LIMIT, MAX_LIMIT))
    queryset = queryset.filter(**{f"{field}__isnull": False}).order_by(field, "pk")
    if cursor:
        when, pk = decode(cursor)
        queryset = queryset.filter(Q(**{f"{field}__gt": when}) | Q(**{field: when, "pk__gt": pk}))
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    resume_cursor = encode(getattr(last, field), last.pk) if last else cursor
    return rows, {"next_cursor": resume_cursor if more else None, "resume_cursor": resume_cursor}
