"""Public pages: languages, footer, valid HTML, bounded queries."""

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import TextResource
from tests.demo import home_tile_count
from tests.factories import TextResourceFactory, TileFactory

pytestmark = pytest.mark.django_db

PAGES = ["/", "/about/", "/contact-us/", "/terms/", "/privacy/", "/cookies/", "/announcements/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_pages_are_valid_html_in_the_right_language(client, demo, path, prefix):
    response = client.get(prefix + path)
    assert response.status_code == 200
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(response.content)  # raises on any parse error
    language = "cy" if prefix else "en"
    assert f'<html lang="{language}"' in response.text


@pytest.mark.parametrize("path", PAGES)
def test_language_switch_keeps_the_user_on_the_same_page(client, demo, path):
    english = client.get(path)
    assert f'href="/cy{path}" rel="alternate" lang="cy" hreflang="cy"' in english.text
    welsh = client.get("/cy" + path)
    assert f'href="{path}" rel="alternate" lang="en" hreflang="en"' in welsh.text
    assert (
        '<span class="govuk-language-navigation__text" aria-current="true" lang="cy">Cymraeg'
        in welsh.text
    )


def test_welsh_links_keep_welsh(client, demo):
    response = client.get("/cy/")
    for slug in ("about", "contact-us", "terms", "privacy", "cookies", "send-support"):
        assert f'href="/cy/{slug}/"' in response.text
    assert 'href="/about/"' not in response.text.replace('hreflang="en"', "")


def test_footer_lists_the_five_footer_pages_in_order(client, demo):
    response = client.get("/")
    assert [link["title"] for link in response.context["footer_links"]] == [
        "About this portal",
        "Contact us",
        "Terms and conditions",
        "Privacy notice",
        "Cookies",
    ]
    welsh = client.get("/cy/privacy/")
    assert "Cwcis" in welsh.text and "Hysbysiad preifatrwydd" in welsh.text


def test_unknown_page_is_a_404(client, demo):
    assert client.get("/no-such-page/").status_code == 404


def _home_queries(client):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/").status_code == 200
    return len(cold), len(warm)


def test_home_page_queries_do_not_grow_with_tiles_or_texts(client, demo):
    client.get("/")  # the first view creates the settings rows
    cold_before, warm_before = _home_queries(client)
    for number in range(15):
        TileFactory(title=f"Extra {number}")
        TextResourceFactory(key=f"shared.extra_text_{number}")
    page = TileFactory(title="A page tile", external_url="")
    TileFactory(title="Another page tile", external_url="", page=page.page)
    cold_after, warm_after = _home_queries(client)
    assert cold_after == cold_before
    assert warm_after == warm_before
    assert warm_after <= 6, warm_after
    assert TextResource.objects.count() > 30


def test_demo_editor_can_edit_texts_and_pages(client, demo, settings):
    from django.contrib.auth import get_user_model

    from tests.conftest import sign_in_verified

    editor = get_user_model().objects.get(email="editor@example.org")
    assert editor.check_password(settings.DEMO_PASSWORD)
    sign_in_verified(client, editor)
    assert client.get("/admin/snippets/core/textresource/").status_code == 200
    assert client.get("/admin/snippets/core/tile/").status_code == 200
    from core.models import StandardPage

    about = StandardPage.objects.get(slug="about", locale__language_code="cy")
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code == 200
    assert client.get("/admin/portal/cache/").status_code in (302, 403)


def test_loading_the_demo_twice_changes_nothing(demo):
    from core.demo import load_demo
    from core.models import Announcement, StandardPage, Tile

    counts = (Tile.objects.count(), Announcement.objects.count(), StandardPage.objects.count())
    load_demo()
    tiles = 2 * home_tile_count()  # in 2 languages
    assert counts == (tiles, 2, 12)
    assert (
        Tile.objects.count(),
        Announcement.objects.count(),
        StandardPage.objects.count(),
    ) == counts


def test_demo_password_is_generated_once_when_not_given(settings, tmp_path):
    from core.demo import demo_password

    settings.DEMO_PASSWORD = ""
    settings.VAR_DIR = tmp_path
    first = demo_password()
    assert len(first) >= 20 and first == demo_password()
    assert (tmp_path / "demo-password").stat().st_mode & 0o077 == 0


def test_demo_has_one_user_of_each_kind_with_the_demo_password(demo, settings):
    from django.contrib.auth import authenticate
    from django_otp import user_has_device

    expected = {
        "admin@example.org": ("staff", True),
        "caseworker@example.org": ("staff", True),
        "parent@example.org": ("citizen", True),
        "young.person@example.org": ("citizen", False),
        "professional@example.org": ("professional", True),
    }
    for email, (kind, two_factor) in expected.items():
        user = authenticate(username=email, password=settings.DEMO_PASSWORD)
        assert user is not None, email
        assert (user.kind, user_has_device(user)) == (kind, two_factor), email
        assert user.email_confirmed_at is not None
    professional = authenticate(
        username="professional@example.org", password=settings.DEMO_PASSWORD
    )
    assert professional.is_verified_professional
