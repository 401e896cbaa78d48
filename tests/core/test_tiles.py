"""Home tiles: editor order, audience, services switched off, Welsh wording with fallback."""

import pytest
from django.utils import translation

from core.config import portal_settings
from core.models import PortalSettings, Tile
from core.tiles import visible_tiles
from tests.factories import TileFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(user=None, language="en"):
    from django.contrib.auth.models import AnonymousUser

    with translation.override(language):
        return [tile.title for tile in visible_tiles(user or AnonymousUser(), language)]


def test_tiles_show_in_editor_order(english):
    first, second, third = (TileFactory(title=name) for name in ("One", "Two", "Three"))
    assert titles() == ["One", "Two", "Three"]
    Tile.objects.filter(pk=third.pk).update(sort_order=0)
    Tile.objects.filter(pk=first.pk).update(sort_order=9)
    from core import cache

    cache.invalidate("tiles")
    assert titles() == ["Three", "Two", "One"]


def test_disabled_tiles_are_hidden():
    TileFactory(title="Shown")
    TileFactory(title="Hidden", enabled=False)
    assert titles() == ["Shown"]


def test_audience_decides_who_sees_a_tile():
    TileFactory(title="Everyone")
    TileFactory(title="Parents", audience="citizen")
    TileFactory(title="Schools", audience="professional")
    assert titles(UserFactory(kind="citizen")) == ["Everyone", "Parents"]
    assert titles(UserFactory(kind="professional")) == ["Everyone", "Schools"]
    assert titles() == ["Everyone", "Parents", "Schools"]


def test_welsh_tile_uses_its_translation_and_falls_back_to_english(welsh):
    translated = TileFactory(title="Forms", description="Fill in forms")
    untranslated = TileFactory(title="Documents", description="Read documents")
    cy = translated.copy_for_translation(welsh)
    cy.title, cy.description = "Ffurflenni", "Llenwi ffurflenni"
    cy.save()
    assert titles(language="cy") == ["Ffurflenni", "Documents"]
    assert untranslated.get_translation_or_none(welsh) is None


def test_welsh_order_and_visibility_follow_the_english_tile(welsh):
    tile = TileFactory(title="Forms")
    cy = tile.copy_for_translation(welsh)
    cy.title = "Ffurflenni"
    cy.save()
    tile.enabled = False
    tile.save()
    assert titles(language="cy") == []


def test_plugin_tile_uses_the_plugins_texts_and_url():
    TileFactory(title="", description="", external_url="", plugin_tile="example")
    with translation.override("cy"):
        (tile,) = visible_tiles(UserFactory(kind="citizen"), "cy")
    assert (tile.title, tile.url) == ("Gwasanaeth enghreifftiol", "/cy/example/")
    assert tile.description == "Rhowch gynnig arni."


def test_tile_of_an_uninstalled_plugin_is_not_shown():
    Tile.objects.bulk_create(
        [Tile(locale=TileFactory.build().locale, plugin_tile="gone", sort_order=1)]
    )
    TileFactory(title="Still here")
    assert titles() == ["Still here"]


def test_switching_a_service_off_in_application_type_settings_hides_its_tile():
    TileFactory(title="", external_url="", plugin_tile="example")
    assert titles() == ["Example service"]
    settings_row = PortalSettings.load()
    settings_row.disabled_tiles = ["example"]
    settings_row.save()
    assert portal_settings().disabled_tiles == ["example"]
    assert titles() == []


def test_tile_validation():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="exactly one"):
        TileFactory.build(external_url="https://a.example", plugin_tile="example").full_clean()
    with pytest.raises(ValidationError, match="not installed"):
        TileFactory.build(external_url="", plugin_tile="gone").full_clean()
    with pytest.raises(ValidationError, match="title"):
        TileFactory.build(title="").full_clean()


def test_admin_offers_only_installed_plugins_tiles(admin_client):
    response = admin_client.get("/admin/snippets/core/tile/add/")
    assert response.status_code == 200
    assert 'value="example"' in response.text
    assert 'value="gone"' not in response.text


def test_admin_reorder_refreshes_the_home_page_in_both_languages(admin_client, welsh):
    tiles = [TileFactory(title=name) for name in ("First", "Second", "Third")]
    for tile in tiles:
        translated = tile.copy_for_translation(welsh)
        translated.title = "Cy " + tile.title
        translated.save()
    assert titles() == ["First", "Second", "Third"]
    listing = admin_client.get("/admin/snippets/core/tile/")
    assert "Cy First" not in listing.text  # the listing orders the English tiles
    response = admin_client.post(f"/admin/snippets/core/tile/reorder/{tiles[2].pk}/?position=1")
    assert response.status_code == 200
    assert titles() == ["First", "Third", "Second"]
    assert titles(language="cy") == ["Cy First", "Cy Third", "Cy Second"]


def test_home_page_shows_tiles_with_external_link_hint(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert "Local offer" in response.text
    assert "(opens in a new tab)" in response.text
    assert 'href="/send-support/"' in response.text
    welsh = client.get("/cy/")
    assert 'href="/cy/send-support/"' in welsh.text
    assert "Cynnig lleol" in welsh.text


TILES = "/admin/snippets/core/tile/"


def test_the_tile_list_shows_a_services_title_not_its_internal_name(admin_client, welsh):
    tile = TileFactory(title="", description="", external_url="", plugin_tile="example")
    tile.copy_for_translation(welsh).save()
    english = admin_client.get(TILES).text
    assert "Example service" in english and ">example<" not in english
    assert "Gwasanaeth enghreifftiol" in admin_client.get(TILES, {"locale": "cy"}).text


def test_welsh_tiles_are_reached_from_the_list_and_from_the_english_tile(admin_client, welsh):
    tile = TileFactory(title="Forms")
    cy = tile.copy_for_translation(welsh)
    cy.title = "Ffurflenni"
    cy.save()
    welsh_list = admin_client.get(TILES, {"locale": "cy"}).text
    assert "Ffurflenni" in welsh_list and f"{TILES}edit/{cy.pk}/" in welsh_list
    english_page = admin_client.get(f"{TILES}edit/{tile.pk}/").text
    assert f"{TILES}edit/{cy.pk}/" in english_page
    assert admin_client.get(f"{TILES}edit/{cy.pk}/").status_code == 200
