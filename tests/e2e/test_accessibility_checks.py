"""The page checks themselves notice problems (so a clean run means something)."""

import pytest


def test_axe_check_reports_the_rule_the_element_and_the_page(portal):
    portal.goto("/about/")
    portal.page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<button id=\"unnamed\"></button>')"
    )
    with pytest.raises(AssertionError) as failure:
        portal.check()
    message = str(failure.value)
    assert "button-name" in message
    assert "#unnamed" in message
    assert "/about/" in message


def test_language_check_notices_a_wrong_html_lang(portal):
    portal.goto("/cy/about/")
    portal.page.evaluate("document.documentElement.lang = 'en'")
    with pytest.raises(AssertionError, match="expected 'cy'"):
        portal.check()


def test_console_errors_fail_the_page(portal):
    portal.goto("/")
    portal.page.evaluate("console.error('something broke')")
    with pytest.raises(AssertionError, match="something broke"):
        portal.check()
    portal.forget_problems()  # so the fixture's own check at the end does not trip on it


def test_a_page_reached_around_the_fixture_is_noticed(portal):
    page = portal.page
    portal.goto("/")
    with page.expect_navigation():
        page.locator("footer").get_by_role("link", name="Cookies").click()  # not portal.click
    with pytest.raises(AssertionError, match="visited but not checked.*/cookies/"):
        portal.finish()
    portal.forget_problems()
