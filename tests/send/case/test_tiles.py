"""The dashboard's tile registry: a feature adds its tile in one line; a tile with nothing to
say to this user is left out; registering a tile twice shows it once."""

import pytest

from plugins.send.casework.case import tiles
from plugins.send.casework.case.services import shared_forms_tile
from plugins.send.casework.case.tiles import Tile, register_tile, tiles_for


@pytest.fixture
def registry():
    registered = tiles._tiles[:]
    tiles._tiles[:] = []
    yield
    tiles._tiles[:] = registered


def documents(user, child_record):
    return Tile("Documents to view", 2, "/documents/", "No documents to view")


def nothing_for_this_user(user, child_record):
    return None


def test_tiles_show_in_the_order_they_were_registered_and_none_is_left_out(registry):
    register_tile(documents)
    register_tile(nothing_for_this_user)
    assert tiles_for("user", "child") == [documents("user", "child")]


def test_registering_a_tile_twice_shows_it_once(registry):
    register_tile(documents)
    register_tile(documents)
    assert len(tiles_for("user", "child")) == 1


def test_send_registers_its_shared_forms_tile_when_it_starts():
    assert shared_forms_tile in tiles.registered_tiles()
