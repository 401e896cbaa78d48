"""Browser tests: the system Chromium drives pytest-django's live server.

Every portal page a test visits through the `portal` fixture is checked with axe (WCAG 2.0,
2.1 and 2.2 A/AA rules), for the right `<html lang>`, and for console errors and failed or
broken same-origin requests. The fixture also watches every main-frame navigation, so a page
reached without going through it makes the test fail instead of escaping the checks.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

E2E_DIR = Path(__file__).parent

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}

DEMO_ADMIN = ("admin@example.org", "Demo-Password-For-Tests-1")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            # pytest-base-url's session fixture (used by pytest-playwright) trips a pytest 9
            # deprecation warning that is neither ours to fix nor useful in every run.
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:Session-scoped fixtures defined as instance methods"
                )
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call":
        item.e2e_call_failed = report.failed
    return report


@pytest.fixture(scope="session", autouse=True)
def _allow_django_beside_playwright():
    """Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses
    database access from a thread with a running loop unless told it is safe. Session-scoped
    and autouse, so it is set before Playwright starts and before the test database is made,
    but only in runs that include browser tests (other tests keep Django's guard)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Use the Chromium from the system package; Playwright never downloads a browser here.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


_demo_snapshot = {}


@pytest.fixture
def e2e_demo(django_db_serialized_rollback, transactional_db, live_server):
    """The demo council, in a database the live server's thread can see.

    The live server answers from another thread, so the data must be committed
    (transactional_db). Between transactional tests Django flushes every table, which would
    also remove what the migrations created (locales, the root page, the texts); the
    serialized rollback puts that back before each test. Loading the demo takes a second or
    two, so the first test keeps a serialized copy of the result and later tests restore it.
    """
    from django.core.management import call_command
    from django.db import connection

    from core import cache
    from core.demo import load_demo
    from core.texts import sync_text_resources

    if "demo" in _demo_snapshot:
        # The restored migration state overlaps the snapshot (e.g. two default sites on
        # localhost:80), so empty the tables again and put the snapshot in their place.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(_demo_snapshot["demo"])
    else:
        sync_text_resources()  # a no-op when the migrated rows are there, as they should be
        load_demo()
        _without_demo_consent()
        _demo_snapshot["demo"] = connection.creation.serialize_db_to_string()
    cache.clear()


def _without_demo_consent():
    """The browser journeys of registering and signing in walk a portal without a consent
    statement, and test_gdpr.py publishes its own: the demo's statement and its agreements are
    taken out here (tests/gdpr/test_demo.py checks them)."""
    from django.apps import apps

    if not apps.is_installed("plugins.gdpr"):
        return
    from plugins.gdpr.models import ConsentQuestion, ConsentRecord, ConsentStatement

    ConsentRecord.objects.all().delete()
    ConsentStatement.objects.all().delete()
    ConsentQuestion.objects.all().delete()


def _describe(violation):
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
        summary = " ".join(node.get("failureSummary", "").split())
        if summary:
            lines.append(f"      {summary}")
    lines.append(f"    see {violation['helpUrl']}")
    return "\n".join(lines)


def _govuk_conditional_reveal(violation):
    """GOV.UK Frontend's script marks a radio that reveals a question with ``aria-expanded``,
    which ARIA does not list for radios. GOV.UK keeps it on purpose, as screen readers announce
    it (alphagov/govuk-frontend#979), so this one finding, and only on such radios, is
    accepted."""
    return violation["id"] == "aria-allowed-attr" and all(
        'class="govuk-radios__input"' in node["html"]
        and "aria-controls=" in node["html"]
        and all(
            str(data).startswith("aria-expanded=")
            for check in node.get("any", []) + node.get("all", [])
            for data in (check.get("data") or [])
        )
        for node in violation["nodes"]
    )


def _without_fragment(url):
    return urlunsplit(urlsplit(url)._replace(fragment=""))


class Portal:
    """Drives the page and checks each portal page it lands on."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.origin = urlsplit(self.base_url).netloc
        self.axe = Axe()
        self.checked = []  # URLs (without fragment) that passed the checks, in order
        self.responses = []  # (url, status) of every same-origin response
        self._errors = []  # console errors, page errors, failed/broken requests of this page
        self._unchecked = None  # last main-frame document not yet checked
        self._last_url = None  # the main frame's URL, fragment included
        self._missed = []  # portal pages shown but never checked
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._errors.append(f"page error: {error}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)
        page.on("framenavigated", self._on_navigated)

    # -- listeners ----------------------------------------------------------------------

    def _same_origin(self, url):
        return urlsplit(url).netloc == self.origin

    def _on_console(self, message):
        if message.type == "error":
            self._errors.append(f"console error: {message.text} ({message.location.get('url')})")

    def _on_request_failed(self, request):
        # A request cut short because the browser is leaving the page is not a fault.
        if self._same_origin(request.url) and request.failure != "net::ERR_ABORTED":
            self._errors.append(f"request failed: {request.url} ({request.failure})")

    def _on_response(self, response):
        if self._same_origin(response.url):
            self.responses.append((response.url, response.status))
            if response.status >= 400:
                self._errors.append(f"HTTP {response.status}: {response.url}")

    def _on_navigated(self, frame):
        if frame != self.page.main_frame:
            return
        last, self._last_url = self._last_url, frame.url
        url = _without_fragment(frame.url)
        if last and last != frame.url and _without_fragment(last) == url:
            return  # only the fragment changed (e.g. the skip link): still the same document
        self._fail_if_unchecked()
        self._unchecked = url
        self._errors = []

    # -- checks -------------------------------------------------------------------------

    def _fail_if_unchecked(self):
        # Called from an event handler, where raising would be lost: remember, fail later.
        url = self._unchecked
        if url and self._is_portal(url):
            self._missed.append(url)

    def _assert_none_missed(self):
        assert self._missed == [], (
            f"pages visited but not checked (move through the portal fixture): {self._missed}"
        )

    def _assert_no_errors(self, url):
        if self._errors:
            raise AssertionError(f"errors on {url}:\n" + "\n".join(self._errors))

    def path(self):
        return urlsplit(self.page.url).path

    def _is_portal(self, url):
        # The Wagtail admin is the CMS's own interface: its markup and scripts come from
        # Wagtail, not from this project's templates, so it is not ours to check here.
        path = urlsplit(url).path
        return self._same_origin(url) and not (path == "/admin" or path.startswith("/admin/"))

    @staticmethod
    def expected_language(path):
        return "cy" if path == "/cy" or path.startswith("/cy/") else "en"

    def check(self):
        """Check the page now shown (after it has loaded)."""
        page = self.page
        page.wait_for_load_state("load")
        url = _without_fragment(page.url)
        self._unchecked = None
        self._assert_none_missed()
        if not self._is_portal(url):
            return
        language = self.expected_language(urlsplit(url).path)
        lang = page.locator("html").get_attribute("lang")
        assert lang == language, f"{url}: <html lang={lang!r}>, expected {language!r}"

        violations = self.axe.run(page, options=AXE_OPTIONS).response["violations"]
        violations = [v for v in violations if not _govuk_conditional_reveal(v)]
        if violations:
            raise AssertionError(
                f"axe found accessibility violations on {url}:\n"
                + "\n".join(_describe(violation) for violation in violations)
            )
        self._assert_no_errors(url)
        self.checked.append(url)

    # -- actions ------------------------------------------------------------------------

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        self.check()
        return response

    def click(self, locator):
        """Click something that loads a new page, then check that page."""
        with self.page.expect_navigation():
            locator.click()
        self.check()

    def press(self, key):
        """Press a key that loads a new page (e.g. Enter on a link), then check that page."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.check()

    def forget_problems(self):
        """Drop what has been noticed so far (for the tests of these checks themselves)."""
        self._errors, self._missed, self._unchecked = [], [], None

    def finish(self):
        self._fail_if_unchecked()
        self._assert_none_missed()
        if self._is_portal(self.page.url):
            self._assert_no_errors(self.page.url)


@pytest.fixture
def portal(request, page, live_server, e2e_demo):
    """The demo portal in a browser tab; use portal.goto/click/press to move around."""
    page.set_default_timeout(10_000)
    helper = Portal(page, live_server.url)
    yield helper
    if not getattr(request.node, "e2e_call_failed", True):
        helper.finish()  # only after a passing test: a failure has already said what went wrong


@pytest.fixture
def sign_in_as(page, live_server):
    """Start the browser signed in as ``user`` (for journeys that do not test signing in).

    ``verified=True`` also marks the session as having passed two-step verification with the
    user's first confirmed django-otp device."""

    def sign_in(user, verified=False):
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        if verified:
            from django.contrib.sessions.backends.db import SessionStore
            from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

            device = next(devices_for_user(user))
            session = SessionStore(client.cookies[settings.SESSION_COOKIE_NAME].value)
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return sign_in
