"""The tiles of a child's case dashboard: a small registry, so each feature adds its tile in
one line (``register_tile(shared_forms_tile)`` in ``SendConfig.ready()``).

A tile function takes the user and the child record and returns a :class:`Tile`, or None to
show nothing (the feature has nothing to say to this user). A tile function runs a fixed
number of queries, whatever the count, so the dashboard's query count stays fixed."""

from dataclasses import dataclass

_tiles = []


@dataclass(frozen=True)
class Tile:
    """One tile: ``title`` and ``empty_text`` are shown as given (already in the user's
    language); ``url`` may be empty when the tile has no page of its own."""

    title: str
    count: int
    url: str
    empty_text: str


def register_tile(func):
    """Add ``func(user, child_record) -> Tile | None`` to every dashboard, after those added
    before it; registering the same function again changes nothing. Usable as a decorator."""
    if func not in _tiles:
        _tiles.append(func)
    return func


def registered_tiles():
    return list(_tiles)


def tiles_for(user, child_record):
    """The tiles ``user`` sees on ``child_record``'s dashboard, in registration order."""
    return [tile for tile in (func(user, child_record) for func in _tiles) if tile is not None]
