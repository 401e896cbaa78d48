"""Editors find and change texts in the Wagtail admin."""

import pytest

from core.models import TextResource

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/core/textresource/"


def test_editors_can_search_keys(admin_client):
    response = admin_client.get(LISTING, {"q": "announcements"})
    assert response.status_code == 200
    assert "home.announcements.title" in response.text
    assert "home.tiles.heading" not in response.text


def test_editors_can_search_values(admin_client):
    response = admin_client.get(LISTING, {"q": "Gwasanaethau"})
    assert "home.tiles.heading" in response.text
    assert "home.announcements.title" not in response.text


def test_editors_can_filter_by_area(admin_client):
    response = admin_client.get(LISTING, {"area": "shared"})
    assert "shared.service_name" in response.text
    assert "home.tiles.heading" not in response.text


def test_editor_changes_a_welsh_text_and_the_portal_shows_it(admin_client, demo):
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="cy")
    response = admin_client.post(
        f"{LISTING}edit/{row.pk}/",
        {"key": row.key, "markdown": "", "value": "Ein gwasanaethau"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert "Ein gwasanaethau" in admin_client.get("/cy/").text
    assert "Ein gwasanaethau" not in admin_client.get("/").text


def test_texts_listing_needs_permission(client, db):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    assert client.get(LISTING).status_code in (302, 403)


def test_listing_shows_the_area_by_name(admin_client):
    response = admin_client.get(LISTING, {"area": "tiles"})
    assert "Home Tiles" in response.text
    assert "tiles.example.title" in response.text
    assert "home.tiles.heading" not in response.text


def test_listing_queries_do_not_grow_with_rows(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import TextResourceFactory

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(LISTING)
        assert "English" in response.text and "Welsh" in response.text
        return len(queries)

    for number in range(30):
        TextResourceFactory(key=f"shared.first_{number}")
    assert TextResource.objects.count() > 50  # a full page
    # wagtail-localize checks each listed row's translations (at most 2 queries a row), so the
    # count is bounded by the page size (50), not by the number of texts.
    assert listing_queries() <= 2 * 50 + 25
    for number in range(100):
        TextResourceFactory(key=f"shared.more_{number}")
    assert listing_queries() <= 2 * 50 + 25


@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_editor_changes_the_words_but_not_the_key_or_markdown_flag(admin_client, language):
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code=language)
    page = admin_client.get(f"{LISTING}edit/{row.pk}/").text
    assert "Set by the portal; it cannot be changed." in page
    response = admin_client.post(
        f"{LISTING}edit/{row.pk}/",
        {"key": "home.renamed", "markdown": "on", "value": "New words"},
    )
    assert response.status_code == 302, response.content[:2000]
    row.refresh_from_db()
    assert (row.key, row.area, row.markdown, row.value) == (
        "home.tiles.heading",
        "home",
        False,
        "New words",
    )


def test_an_editor_still_chooses_the_key_of_a_new_text(admin_client, english):
    response = admin_client.post(
        f"{LISTING}add/?locale=en",
        {"key": "home.extra_note", "markdown": "on", "value": "**Note**"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert TextResource.objects.get(key="home.extra_note").markdown
