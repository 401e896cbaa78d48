"""The "Documents to view" tile of the child's case dashboard."""

from django.urls import reverse

from core.texts import raw_text

from ..case.tiles import Tile
from . import services


def documents_tile(user, child_record):
    """The tile for ``user`` about ``child_record``: how many of its documents they have not
    opened, and the link to the list."""
    return Tile(
        title=raw_text("send.documents.tile_title"),
        count=services.unopened_count(user, child_record),
        url=reverse("send:documents", args=[child_record.pk]),
        empty_text=raw_text("send.documents.empty"),
    )
