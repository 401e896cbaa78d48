"""A visitor reads the public pages in English or Welsh, and every page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.demo import home_tile_count

LANGUAGES = {
    "en": {
        "prefix": "",
        "home_title": "Special educational needs and disabilities (SEND)",
        "services": "Services",
        "footer": [
            ("About this portal", "/about/"),
            ("Contact us", "/contact-us/"),
            ("Terms and conditions", "/terms/"),
            ("Privacy notice", "/privacy/"),
            ("Cookies", "/cookies/"),
        ],
        "announcement": "Half-term opening hours",
    },
    "cy": {
        "prefix": "/cy",
        "home_title": "Anghenion addysgol arbennig ac anableddau (AAA)",
        "services": "Gwasanaethau",
        "footer": [
            ("Am y porth hwn", "/about/"),
            ("Cysylltu â ni", "/contact-us/"),
            ("Telerau ac amodau", "/terms/"),
            ("Hysbysiad preifatrwydd", "/privacy/"),
            ("Cwcis", "/cookies/"),
        ],
        "announcement": "Oriau agor hanner tymor",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


def test_home_page_shows_the_services_in_the_visitors_language(portal, language):
    page = portal.page
    portal.goto(f"{language['prefix']}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(language["home_title"])
    expect(page.get_by_role("heading", level=2, name=language["services"])).to_be_visible()
    expect(page.locator(".portal-tile")).to_have_count(home_tile_count())

    # The theme's stylesheet is served and applied (GOV.UK hides the skip link off-screen).
    stylesheets = [status for url, status in portal.responses if "/theme/build/theme.css" in url]
    assert stylesheets == [200]
    expect(page.locator(".govuk-skip-link")).to_have_css("position", "absolute")


def test_visitor_reaches_each_footer_page_from_the_home_page(portal, language):
    page = portal.page
    home = f"{language['prefix']}/"
    footer = page.locator("footer.govuk-footer")
    for title, slug in language["footer"]:
        portal.goto(home)
        portal.click(footer.get_by_role("link", name=title, exact=True))
        assert portal.path() == f"{language['prefix']}{slug}"
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # Every footer name is in the visitor's language, e.g. "Cwcis" on Welsh pages.
    expect(footer.locator(".govuk-footer__inline-list a")).to_have_text(
        [title for title, _slug in language["footer"]]
    )


def test_visitor_reads_the_announcements(portal, language):
    page = portal.page
    portal.goto(f"{language['prefix']}/announcements/")

    expect(page.get_by_role("heading", level=2, name=language["announcement"])).to_be_visible()
    expect(page.get_by_role("button")).to_be_visible()
