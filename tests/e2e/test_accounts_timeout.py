"""A signed-in user is warned before an idle session ends, and can stay signed in."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from playwright.sync_api import expect

from accounts.session import LAST_ACTIVITY_KEY
from core.models import PortalSettings
from tests.factories import UserFactory

LANGUAGES = {
    "en": {
        "prefix": "",
        "title": "You will be signed out soon",
        "countdown": "For your security, we will sign you out in 5 minutes.",
        "stay": "Stay signed in",
        "timed_out": "You have been signed out",
    },
    "cy": {
        "prefix": "/cy",
        "title": "Byddwch yn cael eich allgofnodi cyn bo hir",
        "countdown": "Er eich diogelwch, byddwn yn eich allgofnodi ymhen 5 munud.",
        "stay": "Aros wedi mewngofnodi",
        "timed_out": "Rydych wedi cael eich allgofnodi",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def signed_in(portal, sign_in_as):
    """A parent signed in, with a 5-minute idle limit."""
    config = PortalSettings.load()
    config.session_idle_minutes = 5
    config.save()
    sign_in_as(UserFactory(email="parent.timeout@example.org"))
    return portal


def session(page):
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    return SessionStore(cookie["value"])


def idle_for(page, minutes):
    store = session(page)
    store[LAST_ACTIVITY_KEY] = timezone.now().timestamp() - minutes * 60
    store.save()


def bring_warning_forward(page, seconds):
    # The dialog opens this long before the end; 299 of 300 seconds opens it within a second.
    page.locator("dialog").evaluate("(dialog, s) => { dialog.dataset.warningSeconds = s }", seconds)


def test_the_warning_opens_with_focus_on_its_heading_and_stay_signed_in_keeps_the_session(
    signed_in, language
):
    portal, page = signed_in, signed_in.page
    portal.goto(f"{language['prefix']}/")
    dialog = page.locator("dialog")
    expect(dialog).to_be_hidden()
    page.keyboard.press("Tab")
    skip_link = page.locator(".govuk-skip-link")
    expect(skip_link).to_be_focused()

    bring_warning_forward(page, 299)

    expect(dialog).to_be_visible(timeout=5_000)
    heading = dialog.get_by_role("heading", name=language["title"])
    expect(heading).to_be_focused()
    expect(page.get_by_role("dialog", name=language["title"])).to_be_visible()
    expect(dialog.locator("#timeout-warning-countdown")).to_have_text(language["countdown"])
    portal.check()  # axe, with the dialog open

    # The modal keeps the keyboard inside it: the next stop is "Stay signed in".
    idle_for(page, 4)
    bring_warning_forward(page, 120)
    page.keyboard.press("Tab")
    stay = dialog.get_by_role("button", name=language["stay"])
    expect(stay).to_be_focused()
    with keep_alive(page):
        page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(skip_link).to_be_focused()
    assert_active_now(page)

    # Still signed in (only signed-in users get the warning), and the keyboard moves on freely.
    page.keyboard.press("Tab")
    portal.press("Enter")
    expect(page.locator("dialog")).to_have_count(1)
    assert session(page).get("_auth_user_id")


def test_escape_means_stay_signed_in(signed_in, language):
    portal, page = signed_in, signed_in.page
    portal.goto(f"{language['prefix']}/")
    dialog = page.locator("dialog")
    bring_warning_forward(page, 299)
    expect(dialog).to_be_visible(timeout=5_000)
    idle_for(page, 4)
    bring_warning_forward(page, 120)

    with keep_alive(page):
        page.keyboard.press("Escape")

    expect(dialog).to_be_hidden()
    assert_active_now(page)


def test_when_the_time_is_up_the_user_is_signed_out_and_told_why(signed_in, language):
    portal, page = signed_in, signed_in.page
    portal.goto(f"{language['prefix']}/")
    idle_for(page, 6)

    bring_warning_forward(page, 299)  # the warning asks the server, which has signed them out

    page.wait_for_url(f"**{language['prefix']}/account/signed-out/inactive/")
    portal.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(language["timed_out"])
    expect(page.locator("dialog")).to_have_count(0)


def test_without_javascript_the_server_still_signs_idle_users_out(signed_in, language):
    portal, page = signed_in, signed_in.page
    portal.goto(f"{language['prefix']}/")
    idle_for(page, 6)

    portal.goto(f"{language['prefix']}/")

    assert portal.path() == f"{language['prefix']}/account/signed-out/inactive/"
    expect(page.get_by_role("heading", level=1)).to_have_text(language["timed_out"])


def keep_alive(page):
    """Wait for the "Stay signed in" request (reading the session meanwhile would lock it)."""
    return page.expect_response(
        lambda response: (
            response.url.endswith("/account/session/") and response.request.method == "POST"
        )
    )


def assert_active_now(page):
    assert timezone.now().timestamp() - session(page)[LAST_ACTIVITY_KEY] < 10
