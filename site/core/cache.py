"""The portal's cache of slow-to-build content (texts, tiles, settings, navigation).

Each *area* has a builder; entries are kept until the content they come from changes (see
signals.py) or staff clear them on the Cache admin page. Keys are known in advance, so the
admin page can list what is cached on any cache backend, shared by every process.

Reading an area is cheap on every backend: each entry is stored with a token under a second,
tiny key, and each process keeps the values it has already unpickled by token. A read fetches
the token only, and unpickles the whole area again only when the token has changed (after an
invalidation, in any process). While a request is served, each area is looked up once and
kept for the rest of that request: a page asks for its texts dozens of times.
"""

import uuid
from dataclasses import dataclass

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils import timezone

PREFIX = "portal"


@dataclass(frozen=True)
class CacheArea:
    name: str
    label: str
    builder: object
    per_language: bool = True


_areas: dict[str, CacheArea] = {}

# Entries read during the current request (no memo outside requests: tasks and shells always
# see the shared cache, so an invalidation elsewhere is never missed for long).
_request = Local()


def _start_request_memo(**kwargs):
    _request.entries = {}


def _end_request_memo(**kwargs):
    _request.entries = None


def connect_request_memo():
    request_started.connect(_start_request_memo, dispatch_uid="portal-cache-request-started")
    request_finished.connect(_end_request_memo, dispatch_uid="portal-cache-request-finished")


def register_area(name, label, builder, per_language=True):
    _areas[name] = CacheArea(name, label, builder, per_language)


def areas():
    return list(_areas.values())


def _languages(area):
    return [code for code, _name in settings.LANGUAGES] if area.per_language else [None]


def _key(area_name, language):
    return f"{PREFIX}:{area_name}:{language or 'all'}"


def _token_key(key):
    return f"{key}:token"


# {key: (token, value)}: this process's copy of each entry it has read. Values are shared by
# every caller in the process, so callers treat them as read-only (they always have: before
# this copy each read unpickled a fresh value, which no caller relied on changing).
_copies: dict[str, tuple[str, object]] = {}


def _read(area, key, language):
    token = cache.get(_token_key(key))
    copy = _copies.get(key)
    if token is not None and copy is not None and copy[0] == token:
        return copy[1]
    entry = cache.get(key)
    if entry is None:
        value = area.builder(language) if area.per_language else area.builder()
        entry = {"value": value, "built_at": timezone.now(), "token": uuid.uuid4().hex}
        cache.set(key, entry, timeout=None)
        cache.set(_token_key(key), entry["token"], timeout=None)
    elif token is None:
        cache.set(_token_key(key), entry["token"], timeout=None)
    _copies[key] = (entry["token"], entry["value"])
    return entry["value"]


def get(area_name, language=None):
    """The cached value of an area, built (and stored) on first use."""
    area = _areas[area_name]
    language = language if area.per_language else None
    key = _key(area_name, language)
    memo = getattr(_request, "entries", None)
    if memo is not None and key in memo:
        return memo[key]
    value = _read(area, key, language)
    if memo is not None:
        memo[key] = value
    return value


def invalidate(*area_names):
    keys = [_key(name, language) for name in area_names for language in _languages(_areas[name])]
    cache.delete_many(keys + [_token_key(key) for key in keys])
    memo = getattr(_request, "entries", None)
    for key in keys:
        _copies.pop(key, None)
        if memo:
            memo.pop(key, None)


def clear():
    invalidate(*_areas)


def entries():
    """What is cached now: one row per area and language, with when it was built."""
    keys = {
        _key(area.name, language): (area, language)
        for area in _areas.values()
        for language in _languages(area)
    }
    found = cache.get_many(list(keys))
    rows = []
    for key, (area, language) in keys.items():
        entry = found.get(key)
        value = entry["value"] if entry else None
        rows.append(
            {
                "area": area,
                "language": language,
                "cached": entry is not None,
                "built_at": entry["built_at"] if entry else None,
                "items": len(value) if hasattr(value, "__len__") else None,
            }
        )
    return rows
