"""The smoke journey through the scale-out stack (scripts/scaleout.sh runs it).

A new parent registers (confirming the emailed code), signs in and turns on two-step
verification with the code from the email, adds her child, fills in the whole EHC needs
assessment request with a document uploaded on the way, and submits it; the file is in the S3
bucket. A caseworker signs in with two-step verification, adds the child from the matching
queue to the register as a new record and approves the form in the admin; the parent's email
about it arrives (sent by a task cluster). The council's case system pulls the form through the
API from each web server and receives the signed webhook of the decision. Every request
alternates between the two web servers.

Run inside the stack's environment: ``python -m tests.scaleout.smoke``.
"""

import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import django
import requests

from tests.scaleout.client import JourneyError, Outbox, Page, Portal, stack_urls

PASSWORD = "Correct-Horse-Battery-9"
FORM = "Parent, carer or young person request for an EHC needs assessment"


def step(words):
    print(f"    {words}", flush=True)


def register(portal, outbox, email):
    step(f"{email} registers and confirms the emailed code")
    answers = {
        "professional": None,
        "first_name": "Sam",
        "last_name": "Smoke",
        "postcode": "TS18 1AA",
        "email": email,
        "password": PASSWORD,
        "password_confirmation": PASSWORD,
        "secret_answer": "Rex",
    }
    page = portal.get("/account/register/")
    since = time.time()
    for _page in range(12):
        page = portal.submit(page, answers=answers, fill=True)
        if page.path.startswith("/account/register/confirm/"):
            break
    else:
        raise JourneyError(f"Registration did not reach the code step, stopped at {page.path}")
    page = portal.submit(page, answers={"code": outbox.code_for(email, since)})
    expect_heading(page, "Your account is ready")


def sign_in_turning_on_two_step_verification(portal, outbox, email):
    step("she signs in and turns on two-step verification with the emailed code")
    page = portal.get("/account/sign-in/")
    page = portal.submit(page, answers={"email": email, "password": PASSWORD})
    expect_heading(page, "Turn on two-step verification now")
    since = time.time()
    page = portal.submit(page)
    page = portal.submit(page, answers={"code": outbox.code_for(email, since)})
    expect_heading(page, "Two-step verification")


def add_child(portal):
    step("she adds her child")
    page = portal.get("/send/people/add/")
    page = portal.submit(
        page, fill=True, answers={"forename": "Robin", "middle_names": None, "surname": "Smoke"}
    )
    return portal.get(page.link("Robin Smoke"))


def submit_form_with_upload(portal, person_page):
    step("she fills in every step of the EHC request, uploading a document, and submits it")
    page = portal.submit(person_page, f"Start {FORM}")
    # The form's task list; its first task is confirming whom the form is about.
    page = portal.get(f"{page.path}subject/")
    for _step in range(15):
        page = portal.submit(page, fill=True)
        if page.path.endswith("/check/"):
            break
    else:
        raise JourneyError(f"The form did not reach Check your answers, stopped at {page.path}")
    page = portal.submit(page, "Submit", fill=True)
    expect_heading(page, "Form submitted")
    return int(page.path.split("/")[3])


def files_are_in_the_bucket(submission_id):
    from django.core.files.storage import default_storage

    from plugins.send.models import Submission, SubmissionFile

    submission = Submission.objects.get(pk=submission_id)
    if submission.status != "submitted":
        raise JourneyError(f"Submission {submission.reference} is {submission.status}")
    files = list(SubmissionFile.objects.filter(submission=submission))
    if not files:
        raise JourneyError("The uploaded document was not kept")
    backend = default_storage.__class__.__name__
    if backend != "S3Storage":
        raise JourneyError(f"Media are stored by {backend}, not in the S3 bucket")
    for upload in files:
        if not default_storage.exists(upload.file.name):
            raise JourneyError(f"{upload.file.name} is not in the bucket")
    step(f"{len(files)} document(s) of {submission.reference} are objects in the S3 bucket")
    return submission


def caseworker_matches_and_approves(outbox, submission):
    from core.demo import demo_password
    from plugins.matching.models import MatchRequest

    step("a task cluster puts the child in the matching queue")
    deadline = time.monotonic() + 60
    incoming = None
    while incoming is None and time.monotonic() < deadline:
        incoming = MatchRequest.objects.filter(forms__contains=[submission.reference]).first()
        if incoming is None:
            time.sleep(0.5)
    if incoming is None:
        raise JourneyError(f"{submission.reference} never reached the matching queue")
    step("the caseworker signs in with two-step verification, adds the child to the register")
    staff = Portal()
    staff.sign_in("caseworker@example.org", demo_password(), outbox)
    page = staff.get(f"/admin/matching/{incoming.pk}/")
    staff.submit(page, "Add as a new child record")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        submission.refresh_from_db()
        if submission.matching_state == "matched":
            break
        time.sleep(0.5)
    else:
        raise JourneyError(f"{submission.reference} is {submission.matching_state}, not matched")
    step("and approves the form in the admin")
    page = staff.get(f"/admin/send/submissions/{submission.pk}/")
    page = staff.get(page.link("Approve"))
    page = staff.submit(page, "Approve and send message", answers={"share": "yes"})
    if "Form approved" not in page.text():
        raise JourneyError(f"No confirmation of the approval on {page.path}")
    submission.refresh_from_db()
    if submission.review_state != "approved":
        raise JourneyError(f"{submission.reference} is {submission.review_state}, not approved")


def parent_is_told(outbox, email, since):
    step("a task cluster emails the parent about the decision")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        outbox.messages()
        if outbox.to(email, since):
            return
        time.sleep(0.3)
    raise JourneyError(f"No email to {email} after the decision")


class WebhookReceiver:
    """The case system's webhook endpoint: a local HTTP server keeping what it is sent."""

    def __init__(self):
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def case_system_subscribes():
    """A service account with a token and a webhook subscription to submission.decided, as an
    administrator sets them up in the admin."""
    from api import accounts
    from api.models import WebhookSubscription
    from api.webhooks import signing

    account = accounts.create_account(f"Smoke case system {os.getpid()}", ["submissions:read"])
    _row, token = accounts.issue_token(account)
    receiver = WebhookReceiver()
    subscription = WebhookSubscription.objects.create(
        account=account,
        url=receiver.url,
        events=["submission.decided"],
        secret=signing.new_secret(),
    )
    return token, receiver, subscription


def api_pull_and_webhook_received(token, receiver, subscription, submission):
    """The case system pulls the decided form through the API, from each web server, and a
    task cluster delivers the signed webhook of the decision to its receiver."""
    from api.webhooks import signing

    step("the case system pulls the form through the API from both web servers")
    for base in stack_urls():
        response = requests.get(
            f"{base}/api/v1/send/submissions/{submission.pk}",
            headers={"Authorization": f"Bearer {token}", "X-Forwarded-Proto": "https"},
            timeout=30,
        )
        if response.status_code != 200 or response.json()["reference"] != submission.reference:
            raise JourneyError(f"API from {base}: {response.status_code} {response.text[:200]}")
    step("a task cluster delivers the signed submission.decided webhook")
    deadline = time.monotonic() + 60
    while not receiver.received and time.monotonic() < deadline:
        time.sleep(0.5)
    if not receiver.received:
        raise JourneyError("No webhook reached the case system's receiver")
    headers, body = receiver.received[0]
    headers = {name.lower(): value for name, value in headers.items()}
    if not signing.verify(
        subscription.secret,
        headers["webhook-id"],
        headers["webhook-timestamp"],
        body,
        headers["webhook-signature"],
    ):
        raise JourneyError("The webhook's signature does not verify")
    data = json.loads(body)["data"]
    if data["reference"] != submission.reference or data["review_state"] != "approved":
        raise JourneyError(f"The webhook says {data}")


def expect_heading(page: Page, words):
    if words not in page.h1:
        raise JourneyError(f"Expected {words!r} on {page.path}, got {page.h1!r} {page.errors!r}")


def main():
    django.setup()
    email = f"smoke-{os.getpid()}@example.org"
    portal, outbox = Portal(), Outbox()
    print("==> Smoke journey across both web servers")
    register(portal, outbox, email)
    sign_in_turning_on_two_step_verification(portal, outbox, email)
    person_page = add_child(portal)
    submission = files_are_in_the_bucket(submit_form_with_upload(portal, person_page))
    token, receiver, subscription = case_system_subscribes()
    decided = time.time()
    caseworker_matches_and_approves(outbox, submission)
    parent_is_told(outbox, email, decided)
    api_pull_and_webhook_received(token, receiver, subscription, submission)
    print("==> Smoke journey: ok")


if __name__ == "__main__":
    try:
        main()
    except JourneyError as error:
        print(f"==> Smoke journey FAILED: {error}", file=sys.stderr)
        sys.exit(1)
