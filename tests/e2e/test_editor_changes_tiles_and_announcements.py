"""Editors reach the Welsh home tiles from the tile list (the English tile's "Switch locales"
menu is tested in tests/core/test_tiles.py); a parent is greeted by title and name on the
Announcements page, in English and in Welsh, and sees it once."""

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_ADMIN

TILES = "/admin/snippets/core/tile/"


def test_editor_reaches_the_welsh_send_tile_from_the_tile_list(portal, sign_in_as):
    from wagtail.models import Locale

    from accounts.models import User
    from core.models import Tile

    page = portal.page
    sign_in_as(User.objects.get(email=DEMO_ADMIN[0]), verified=True)
    english = Tile.objects.get(locale__language_code="en", plugin_tile="send")
    welsh = english.get_translation(Locale.objects.get(language_code="cy"))
    # Read before the browser starts: the live server shares the in-memory database.
    english_title, welsh_title = str(english), str(welsh)
    assert english_title != "send"  # the service's title, not its internal name

    # Wagtail admin pages are not axe-checked by the portal fixture (they are Wagtail's own).
    portal.goto(TILES)
    english_link = page.locator(f'a[href="{TILES}edit/{english.pk}/"]').first
    expect(english_link).to_contain_text(english_title)

    portal.goto(f"{TILES}?locale=cy")
    welsh_link = page.locator(f'a[href="{TILES}edit/{welsh.pk}/"]').first
    expect(welsh_link).to_contain_text(welsh_title)

    portal.click(welsh_link)
    assert portal.path() == f"{TILES}edit/{welsh.pk}/"
    expect(page.locator("input[name=title]")).to_have_value(welsh.title)


@pytest.mark.parametrize(
    ("prefix", "body", "greeting"),
    [
        ("", "Dear {Title} {Forename} {Surname}", "Dear Mrs Priya Parent"),
        ("/cy", "Annwyl {Title} {Surname}", "Annwyl Mrs Parent"),
    ],
)
def test_a_parent_is_greeted_by_name_once(portal, sign_in_as, prefix, body, greeting):
    from accounts.models import User
    from core.announcements import landing_url_after_sign_in
    from core.models import Announcement

    for announcement in Announcement.objects.all():
        announcement.body = f"<p>{body}, the phone lines are closed on Friday.</p>"
        announcement.save()
    parent = User.objects.get(email="parent@example.org")
    parent.title = "Mrs"
    parent.save(update_fields=["title"])
    sign_in_as(parent, verified=True)
    assert landing_url_after_sign_in("/", parent).startswith("/announcements/")

    portal.goto(f"{prefix}/announcements/")
    expect(portal.page.get_by_text(greeting, exact=False).first).to_be_visible()
    expect(portal.page.get_by_text("{Forename}", exact=False)).to_have_count(0)
    expect(portal.page.get_by_text("{Title}", exact=False)).to_have_count(0)
    assert landing_url_after_sign_in("/", parent) == "/"
