"""The "Actions to complete" tile of a child's SEND dashboard: what the dashboard shows,
given by this package so the dashboard needs to know nothing of actions."""

from django.urls import reverse

from core.texts import raw_text

from ..case.tiles import Tile
from . import portal


def actions_tile(user, child_record):
    """The tile for ``user`` and ``child_record``: the number of their open actions for the
    child, linking to "Items to complete"."""
    return Tile(
        title=raw_text("send.actions.tile.title"),
        count=portal.open_actions(user, child_record).count(),
        url=reverse("send:actions", args=[child_record.pk]),
        empty_text=raw_text("send.actions.tile.empty"),
    )
