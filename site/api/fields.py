"""Field types that take only what the schema says: JSON has real numbers, booleans and
strings, so a body field takes only its own type (no "1" or true for an id), and dates and
times only in ISO 8601 (pydantic would otherwise read 0 as 1 January 1970). An id is a
positive 64-bit integer (the tables' BigAutoField), so one no row can have is a 422 rather
than an overflow in the database."""

import re
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso(value):
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError("Give a date as YYYY-MM-DD (and a time as YYYY-MM-DDThh:mm:ssZ).")


def _utc(value):
    """The time in UTC: ISO 8601 allows offsets PostgreSQL refuses (beyond ±15:59), and a
    time given without one is read as UTC, as the docs say, not in the server's zone."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        raise ValueError("Give a time between the years 1 and 9999.") from None


Date = Annotated[date, BeforeValidator(_iso)]
DateTime = Annotated[datetime, BeforeValidator(_iso), AfterValidator(_utc)]
Bool = StrictBool

_LARGEST_ID = 2**63 - 1
#: An id in a JSON body.
Id = Annotated[StrictInt, Field(ge=1, le=_LARGEST_ID)]
#: An id in the path or the query string (text there, so read as a number).
IdParam = Annotated[int, Field(ge=1, le=_LARGEST_ID)]
