"""The Cache admin page lists what the portal has cached and clears it."""

import pytest
from django.contrib.auth.models import Group, Permission

from core import cache
from tests.conftest import sign_in_verified
from tests.demo import home_tile_count
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/portal/cache/"


def staff_with(*codenames):
    user = UserFactory(is_staff=True, kind="staff")
    group = Group.objects.create(name="Cache keepers " + "-".join(codenames))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def test_page_lists_cached_areas_per_language(admin_client, demo):
    admin_client.get("/")  # fills texts, tiles, footer and settings for English
    response = admin_client.get(URL)
    assert response.status_code == 200
    rows = {(row["area"].name, row["language"]): row for row in response.context["entries"]}
    assert rows[("texts", "en")]["cached"] and rows[("texts", "en")]["items"] > 5
    assert rows[("tiles", "en")]["items"] == home_tile_count()
    assert not rows[("texts", "cy")]["cached"]
    assert "Home tiles" in response.text


def test_clear_cache_empties_every_area(admin_client, demo):
    admin_client.get("/")
    response = admin_client.post(URL)
    assert response.status_code == 302
    assert not any(row["cached"] for row in cache.entries())
    assert "The portal cache has been cleared." in admin_client.get(URL).text


def test_cache_page_needs_its_own_permission(client):
    sign_in_verified(client, staff_with("access_admin"))
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL).status_code in (302, 403)
    sign_in_verified(client, staff_with("access_admin", "clear_portal_cache"))
    assert client.get(URL).status_code == 200


def test_editing_content_drops_only_the_affected_entries(demo, client):
    from core.models import Tile

    client.get("/")
    tile = Tile.objects.filter(locale__language_code="en").first()
    tile.title = "Renamed"
    tile.save()
    cached = {(r["area"].name, r["language"]) for r in cache.entries() if r["cached"]}
    assert ("tiles", "en") not in cached
    assert ("texts", "en") in cached
    assert "Renamed" in client.get("/").text


def test_publishing_a_page_refreshes_the_footer(demo, client):
    from core.models import StandardPage

    client.get("/")
    page = StandardPage.objects.get(slug="cookies", locale__language_code="en")
    page.title = "Cookies on this portal"
    page.save_revision().publish()
    assert "Cookies on this portal" in client.get("/").text


def test_portal_menu_holds_core_items(admin_client):
    response = admin_client.get("/admin/")
    for label in (
        "Portal",
        "Home tiles",
        "Announcements",
        "Texts",
        "Portal configuration",
        "Cache",
    ):
        assert label in response.text
