"""The portal's load test (locust): parents and a caseworker at once, against the scale-out
stack of scripts/scaleout.sh (``make loadtest``; bench/loadtest/run.py checks the figures).

Each simulated parent is one of the ``load_test_parents`` accounts: she signs in with her
password and the two-step verification code from the emailed message, then, with a person's
pauses between pages, reads the home page, opens her child's forms page, and fills in and
submits the EHC needs assessment request (every step read and saved, a document uploaded,
check answers, submit). A caseworker (one, as a team's sign-in cannot be shared) signed in
with two-step verification reads the list of submitted forms. The council's case system (one
service account) pulls the forms sent since its last pull through the API and reads each in
full. Every request goes to the next of the two web servers.

The pauses are a person's: 5 to 15 seconds between pages, and as long between the steps of a
form (each step asks for several answers, some of them paragraphs about the child, so even that
is quick). ``LOADTEST_STEP_PAUSE`` ("1-3", say) shortens the pauses between steps to stress the
stack beyond what its users would do.

The figures are those of the steady state: from when every user has signed in, for
LOADTEST_STEADY_SECONDS. Every submission a parent saw confirmed is written to SCALEOUT_SUBMITTED_FILE when the test
ends, so run.py can compare it with the database: none lost, none twice.
"""

import itertools
import os
import random
import time
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser

from tests.scaleout.client import JourneyError, Outbox, Portal, stack_urls

FORM = "Parent, carer or young person request for an EHC needs assessment"
PARENT = "load-parent-{number}@example.org"

_numbers = itertools.count(1)
_outbox = Outbox()
submitted = set()


def _password():
    return Path(os.environ["SCALEOUT_PASSWORD_FILE"]).read_text(encoding="utf-8").strip()


_arrivals = itertools.count(1)


def arrived(environment):
    """Once every user has signed in, the figures start afresh and the test runs for
    LOADTEST_STEADY_SECONDS more: the measured period is the steady state (in which parents
    still sign out and in again), not the crowd of first sign-ins, no daily pattern."""
    runner = environment.runner
    if next(_arrivals) != runner.target_user_count:
        return
    seconds = int(os.environ.get("LOADTEST_STEADY_SECONDS", "60"))
    runner.stats.reset_all()
    print(f"==> Every user has signed in: measuring the next {seconds} s", flush=True)
    gevent.spawn_later(seconds, runner.quit)


def _step_pause():
    low, _dash, high = os.environ.get("LOADTEST_STEP_PAUSE", "5-15").partition("-")
    return float(low), float(high or low)


STEP_PAUSE = _step_pause()


def pause():
    """A parent reading a step and typing her answers (locust makes time.sleep
    cooperative)."""
    time.sleep(random.uniform(*STEP_PAUSE))  # noqa: S311


def journey_failed(name, error):
    """A page that did not say what a person expects is a failure, like an HTTP error."""
    events.request.fire(
        request_type="JOURNEY",
        name=name,
        response_time=0,
        response_length=0,
        exception=error,
        context={},
    )


class Parent(HttpUser):
    host = stack_urls()[0]
    weight = 50
    # People read and type between pages; 5 to 15 seconds is quick for these forms.
    wait_time = between(5, 15)

    def on_start(self):
        self.portal = Portal(session=self.client)
        self.email = PARENT.format(number=next(_numbers))
        try:
            self._sign_in()
            page = self.portal.get("/send/", name="SEND home")
            self.person = next(
                a["href"]
                for a in page.soup.select("main a[href^='/send/people/']")
                if "Robin" in a.text
            )
        except (JourneyError, StopIteration) as error:
            journey_failed("sign in", error)
            raise StopUser() from error
        finally:
            arrived(self.environment)

    def _sign_in(self):
        page = self.portal.sign_in(self.email, _password(), _outbox, name="sign in")
        if page.path.startswith("/gdpr/consent/"):
            self.portal.submit(page, fill=True, name="agree to the statement")

    @task(6)
    def home(self):
        self.portal.get("/", name="home")

    @task(4)
    def forms_page(self):
        self.portal.get(self.person, name="child's forms page")

    @task(1)
    def sign_out_and_in_again(self):
        # Rare: a parent's session lasts while she uses the portal (and each sign-in hashes
        # the password, which is slow on purpose).
        try:
            page = self.portal.get("/", name="home")
            self.portal.submit(page, "Sign out", name="sign out")
            self._sign_in()
        except JourneyError as error:
            journey_failed("sign in again", error)

    @task(3)
    def submit_a_form(self):
        try:
            self._submit()
        except JourneyError as error:
            journey_failed("fill in and submit a form", error)

    def _submit(self):
        page = self.portal.get(self.person, name="child's forms page")
        page = self.portal.submit(page, f"Start {FORM}", name="start a form")
        if page.path.endswith("/start/"):
            # Her earlier request is not decided yet: the portal asks whether she is sure.
            page = self.portal.submit(page, answers={"sure": "yes"}, name="start a form again")
        page = self.portal.get(f"{page.path}subject/", name="subject")
        for _step in range(15):
            pause()
            page = self.portal.submit(page, fill=True, name="save a step")
            if page.path.endswith("/check/"):
                break
        else:
            raise JourneyError(f"The form did not reach Check your answers: {page.path}")
        pause()
        page = self.portal.submit(page, "Submit", fill=True, name="submit")
        if "Form submitted" not in page.h1:
            raise JourneyError(f"Submitting gave {page.h1!r} {page.errors!r}")
        submitted.add(int(page.path.split("/")[3]))


class Caseworker(HttpUser):
    host = stack_urls()[0]
    fixed_count = 1
    wait_time = between(5, 15)

    def on_start(self):
        from core.demo import demo_password

        self.portal = Portal(session=self.client)
        try:
            self.portal.sign_in(
                "caseworker@example.org", demo_password(), _outbox, name="staff sign in"
            )
        except JourneyError as error:
            journey_failed("staff sign in", error)
            raise StopUser() from error
        finally:
            arrived(self.environment)

    @task
    def submitted_forms(self):
        self.portal.get("/admin/send/submissions/", name="staff: submitted forms")


class CaseSystem(HttpUser):
    """The council's case system: every 5 to 15 seconds it asks for the forms sent since its
    last pull (a page at a time, cursor kept) and reads each new one in full."""

    host = stack_urls()[0]
    fixed_count = 1
    wait_time = between(5, 15)

    def on_start(self):
        from api import accounts

        account = accounts.create_account(
            f"Load test case system {os.getpid()}", ["submissions:read"]
        )
        _row, token = accounts.issue_token(account)
        self.headers = {"Authorization": f"Bearer {token}", "X-Forwarded-Proto": "https"}
        self.bases = itertools.cycle(stack_urls())
        self.cursor = None
        arrived(self.environment)

    def _get(self, path, name, **params):
        with self.client.get(
            next(self.bases) + path,
            params=params,
            headers=self.headers,
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return None
            return response.json()

    @task
    def pull_new_forms(self):
        params = {"limit": 20} | ({"cursor": self.cursor} if self.cursor else {})
        page = self._get("/api/v1/send/submissions/", "api: forms sent since", **params)
        if page is None:
            return
        for item in page["items"]:
            self._get(f"/api/v1/send/submissions/{item['id']}", "api: one form in full")
        self.cursor = page["resume_cursor"]


@events.init.add_listener
def _django(environment, **kwargs):
    # The caseworker's password and the database checks need the portal's settings.
    import django

    django.setup()


@events.quitting.add_listener
def _record_submissions(environment, **kwargs):
    target = os.environ.get("SCALEOUT_SUBMITTED_FILE")
    if target:
        Path(target).write_text("".join(f"{pk}\n" for pk in sorted(submitted)), encoding="utf-8")
