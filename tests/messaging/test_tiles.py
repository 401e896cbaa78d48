"""The Messages tiles: on the home page, "N unread messages" for the signed-in user; on the
child's case dashboard, the unread messages about that child, linking to the filtered inbox."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.tiles import visible_tiles
from plugins.messaging import services
from plugins.messaging.models import Recipient
from plugins.send.casework.case.messages import messages_tile
from plugins.send.casework.case.tiles import registered_tiles, tiles_for
from tests.factories import TileFactory, child_record
from tests.messaging.conftest import authenticate, needs_send

pytestmark = [pytest.mark.django_db, needs_send]

CHILD = "send.child_record"


@pytest.fixture
def replied(parent, child, caseworker, authenticated, general):
    """Two answers from the team about the child; the authentication notice already read."""
    thread = services.write_to_team(parent, CHILD, child.pk, general, "Transport", "Hello")
    services.reply(caseworker, thread, "One", from_team=True)
    services.reply(caseworker, thread, "Two", from_team=True)
    Recipient.objects.filter(user=parent, message__thread__about_kind="").update(
        read_at="2026-01-01T00:00Z"
    )
    return thread


def test_the_home_tile_tells_the_parent_how_many_messages_are_unread(parent, replied):
    TileFactory(title="", description="", external_url="", plugin_tile="messages")

    with translation.override("en"):
        (tile,) = visible_tiles(parent, "en")
    assert (tile.url, tile.status) == ("/messages/", "2 unread messages")
    with translation.override("cy"):
        (tile,) = visible_tiles(parent, "cy")
    assert tile.status == "2 neges heb eu darllen"


def test_someone_with_nothing_unread_sees_no_count(parent, authenticated):
    Recipient.objects.update(read_at="2026-01-01T00:00Z")
    TileFactory(title="", description="", external_url="", plugin_tile="messages")

    (tile,) = visible_tiles(parent, "en")
    assert tile.status == ""


def test_the_case_dashboard_counts_unread_messages_about_that_child_only(
    parent, child, caseworker, replied, general
):
    from plugins.send.casework.involvements import services as involvements

    other = child_record("C0007009", forename="Osian")
    authenticate(
        involvements.open_involvement(other, "england_ehc_needs_assessment", caseworker),
        parent,
        caseworker,
    )
    assert messages_tile in registered_tiles()

    (tile,) = [t for t in tiles_for(parent, child) if t.title == "Unread messages"]
    assert tile.count == 2
    assert tile.url == f"{reverse('messaging:inbox')}?child={child.pk}"
    assert messages_tile(parent, other).count == 0
