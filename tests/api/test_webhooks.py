"""The case system hears of portal events through webhooks: signed with the Standard
Webhooks scheme, sent after the commit, retried with back-off until the receiver takes them,
logged with status codes, replayable, and switched off (with an email to the
administrators) when a receiver keeps failing."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone

from api.models import ReceivedWebhook, WebhookAttempt, WebhookDelivery, WebhookSubscription
from api.webhooks import delivery, events, signing
from portal import events as portal_events


class Receiver:
    """A local HTTP receiver answering each POST with the next status of ``statuses``."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0))
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(*statuses):
        made.append(Receiver(statuses))
        return made[-1]

    yield make
    for server in made:
        server.close()


@pytest.fixture
def subscribe(service_account):
    def make(url, event_names=("submission.decided",)):
        account, _token = service_account("submissions:read", name=url)
        return WebhookSubscription.objects.create(
            account=account, url=url, events=list(event_names), secret=signing.new_secret()
        )

    return make


def status_of(attempt_id):
    return WebhookAttempt.objects.get(pk=attempt_id).status_code


def test_signatures_match_the_standard_webhooks_reference():
    # The example of the Standard Webhooks specification's reference libraries.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert signing.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == expected
    assert signing.verify(
        secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", body, expected, now=1614265330
    )
    assert not signing.verify(
        secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", body + b" ", expected, now=1614265330
    )
    stale = 1614265330 + signing.TOLERANCE_SECONDS + 1
    assert not signing.verify(
        secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", body, expected, now=stale
    )


def test_an_event_is_queued_for_each_subscription_wanting_it_after_the_commit(
    subscribe, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr(delivery, "enqueue", sent.append)
    wanted = subscribe("https://case.example.org/hook")
    subscribe("https://other.example.org/hook", ["person.matched"])
    with django_capture_on_commit_callbacks(execute=True):
        events.announce("submission.decided", {"submission_id": 7})
    [queued] = WebhookDelivery.objects.all()
    assert queued.subscription == wanted
    assert queued.payload["type"] == "submission.decided"
    assert sent == [queued.pk]


def test_the_portals_decision_event_reaches_subscribers(subscribe, monkeypatch):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    subscribe("https://case.example.org/hook")

    class Submission:
        pk, reference, review_state = 3, "ABC-123", "approved"

    portal_events.form_decided.send(sender=None, submission=Submission(), decision="approve")
    assert WebhookDelivery.objects.get().payload["data"] == {
        "submission_id": 3,
        "reference": "ABC-123",
        "review_state": "approved",
        "decision": "approve",
    }


def test_only_a_delegated_tasks_submission_is_announced_as_task_submitted(subscribe, monkeypatch):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    subscribe("https://case.example.org/hook", ["task.submitted"])

    class Task:
        pk = 12

    for change in ("created", "picked_up", "countersigned", "retracted"):
        portal_events.task_changed.send(sender=None, task=Task(), change=change)
    assert not WebhookDelivery.objects.exists()
    portal_events.task_changed.send(sender=None, task=Task(), change="submitted")
    assert WebhookDelivery.objects.get().payload["data"] == {"task_id": 12}


def test_a_receiver_that_fails_twice_then_succeeds_gets_exactly_one_delivery(
    receiver, subscribe, monkeypatch
):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    local = receiver(500, 503, 204)
    subscription = subscribe(local.url)
    now = timezone.now()
    [queued] = events.announce("submission.decided", {"submission_id": 1}, now=now)

    assert status_of(delivery.attempt(queued.pk, now=now)) == 500
    # Not due again until its back-off has passed: an early worker does nothing.
    assert delivery.attempt(queued.pk, now=now + timedelta(seconds=5)) is None
    now += delivery.backoff(1)
    assert status_of(delivery.attempt(queued.pk, now=now)) == 503
    now += delivery.backoff(2)
    assert status_of(delivery.attempt(queued.pk, now=now)) == 204
    assert delivery.attempt(queued.pk, now=now + timedelta(hours=1)) is None

    queued.refresh_from_db()
    assert queued.status == WebhookDelivery.Status.DELIVERED
    assert [log.status_code for log in queued.log.all()] == [500, 503, 204]
    assert len(local.requests) == 3
    ids = {headers["webhook-id"] for headers, _body in local.requests}
    assert ids == {queued.message_id}
    headers, body = local.requests[-1]
    assert json.loads(body)["data"] == {"submission_id": 1}
    assert signing.verify(
        subscription.secret,
        headers["webhook-id"],
        headers["webhook-timestamp"],
        body,
        headers["webhook-signature"],
        now=now.timestamp(),
    )


def test_an_attempt_whose_worker_was_killed_is_due_again_after_its_lease(
    receiver, subscribe, monkeypatch, settings
):
    settings.PORTAL_WEBHOOK_TIMEOUT = 5
    queued_pks = []
    monkeypatch.setattr(delivery, "enqueue", queued_pks.append)
    local = receiver(204)
    subscribe(local.url)
    now = timezone.now()
    [queued] = events.announce("submission.decided", {"submission_id": 1}, now=now)
    # The worker claims the delivery and is killed before the receiver answers: no attempt
    # is logged, so only the claim remains.
    assert delivery._claim(queued.pk, now) is not None

    # While the lease runs, neither django-q2 handing the task out again nor the minute's
    # sweep sends it a second time.
    during = now + timedelta(seconds=30)
    assert delivery.attempt(queued.pk, now=during) is None
    delivery.send_due(now=during)
    assert queued_pks == []

    after = now + timedelta(seconds=36)
    delivery.send_due(now=after)
    assert queued_pks == [queued.pk]
    assert status_of(delivery.attempt(queued.pk, now=after)) == 204
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.next_attempt_at) == (
        WebhookDelivery.Status.DELIVERED,
        1,
        None,
    )
    assert len(local.requests) == 1


def test_back_off_doubles_and_is_capped():
    assert [delivery.backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert delivery.backoff(30) == delivery.LONGEST_DELAY


def test_repeated_failed_deliveries_disable_the_subscription_and_tell_administrators(
    receiver,
    subscribe,
    superuser,
    settings,
    monkeypatch,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    settings.PORTAL_WEBHOOK_FAILURE_LIMIT = 2
    settings.PORTAL_WEBHOOK_RETRY_HOURS = 0  # each delivery fails at its first attempt
    local = receiver(500, 500)
    subscription = subscribe(local.url)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2):
            [queued] = events.announce("submission.decided", {"submission_id": number}, now=now)
            delivery.attempt(queued.pk, now=now)
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert subscription.consecutive_failures == 2
    assert WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED).count() == 2
    [email] = mailoutbox
    assert email.to == [superuser.email]
    assert local.url in email.subject
    assert events.announce("submission.decided", {"submission_id": 3}) == []


def test_an_administrator_sends_a_failed_delivery_again(receiver, subscribe, monkeypatch):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    local = receiver(200)
    subscription = subscribe(local.url)
    failed = WebhookDelivery.objects.create(
        subscription=subscription,
        event="submission.decided",
        payload={"type": "submission.decided"},
        status=WebhookDelivery.Status.FAILED,
    )
    delivery.replay(failed)
    assert status_of(delivery.attempt(failed.pk)) == 200
    failed.refresh_from_db()
    assert failed.status == WebhookDelivery.Status.DELIVERED


def test_the_demo_receiver_keeps_what_it_gets_and_checks_the_signature(client, subscribe):
    subscription = subscribe("http://testserver/unused")
    body = b'{"type":"submission.decided","data":{}}'
    headers = signing.headers(subscription.secret, "msg_1", body)
    signed = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    url = f"/api/receiver/{subscription.pk}/"
    assert client.post(url, body, content_type="application/json", **signed).status_code == 204
    forged = {**signed, "HTTP_WEBHOOK_SIGNATURE": "v1,bm90IGl0"}
    assert client.post(url, body, content_type="application/json", **forged).status_code == 400
    assert list(ReceivedWebhook.objects.values_list("event", "signature_valid")) == [
        ("submission.decided", False),
        ("submission.decided", True),
    ]
