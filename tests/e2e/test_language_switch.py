"""A visitor switches between English and Welsh and stays on the same page."""

import pytest
from playwright.sync_api import expect

PAGES = ["/", "/about/", "/announcements/"]


def _language_link(page, name):
    return page.locator("nav.govuk-language-navigation").get_by_role("link", name=name)


@pytest.mark.parametrize("path", PAGES)
def test_visitor_switches_to_welsh_and_back_on_the_same_page(portal, path):
    page = portal.page
    portal.goto(path)
    expect(page.locator("nav.govuk-language-navigation [aria-current=true]")).to_have_text(
        "English"
    )

    welsh = _language_link(page, "Cymraeg")
    expect(welsh).to_have_attribute("hreflang", "cy")
    portal.click(welsh)
    assert portal.path() == f"/cy{path}"
    expect(page.locator("html")).to_have_attribute("lang", "cy")

    english = _language_link(page, "English")
    expect(english).to_have_attribute("hreflang", "en")
    portal.click(english)
    assert portal.path() == path
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_keyboard_user_skips_to_the_content(portal):
    page = portal.page
    portal.goto("/about/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()  # shown when focused

    page.keyboard.press("Enter")
    main = page.locator("#main-content")
    expect(main).to_be_focused()  # GOV.UK Frontend's skip link moves focus to <main>
    expect(main).to_be_in_viewport()
    assert page.url.endswith("#main-content")


def test_keyboard_user_reaches_the_language_link_and_switches(portal):
    page = portal.page
    portal.goto("/about/")
    welsh = _language_link(page, "Cymraeg")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    # Past the skip link, the header's links come before the language navigation.
    for _tab in range(5):
        page.keyboard.press("Tab")
        if welsh.evaluate("link => link === document.activeElement"):
            break
    expect(welsh).to_be_focused()

    portal.press("Enter")
    assert portal.path() == "/cy/about/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Am y porth hwn")
