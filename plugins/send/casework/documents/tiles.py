"""The "Documents to view" tile of the child's case dashboard."""

from dataclasses import dataclass

from django.urls import reverse

from core.texts import raw_text

from . import services


@dataclass(frozen=True)
class DocumentsTile:
    title: str
    count: int
    url: str
    empty_text: str


def documents_tile(user, child_record):
    """The tile for ``user`` about ``child_record``: how many of its documents they have not
    opened, and the link to the list."""
    return DocumentsTile(
        title=raw_text("send.documents.tile_title"),
        count=services.unopened_count(user, child_record),
        url=reverse("send:documents", args=[child_record.pk]),
        empty_text=raw_text("send.documents.empty"),
    )
