"""The task queue hands out the oldest waiting task first (a task someone waits for on screen
before any), and a task only once."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.models import OrmQ
from django_q.signing import SignedPackage

from accounts.two_factor import EmailMethod
from core.emails import send_email
from core.health import oldest_task_age
from core.task_broker import OldestFirstORM, urgent_queue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SUBJECT, BODY = "account.emailsubject.password_changed", "account.email_password_changed"


def test_the_queue_is_the_database_taken_oldest_first():
    broker = get_broker()
    assert isinstance(broker, OldestFirstORM)
    first, second = broker.enqueue("first"), broker.enqueue("second")

    with CaptureQueriesContext(connection) as queries:
        assert broker.dequeue() == [(first, "first")]
    # Without ORDER BY, PostgreSQL returns rows in their order on disk, not the queue's.
    assert "ORDER BY" in queries.captured_queries[0]["sql"]
    assert broker.dequeue() == [(second, "second")]


def test_a_task_taken_is_not_handed_out_again_until_its_retry_time():
    broker = get_broker()
    pk = broker.enqueue("only")
    assert broker.dequeue() == [(pk, "only")]
    assert broker.dequeue() is None
    OrmQ.objects.filter(pk=pk).update(lock="2000-01-01T00:00:00Z")  # its worker was killed
    assert broker.dequeue() == [(pk, "only")]


def test_a_task_someone_waits_for_on_screen_goes_before_older_work():
    broker = get_broker()
    older = broker.enqueue("a webhook")
    code = get_broker(urgent_queue()).enqueue("a sign-in code")

    assert broker.dequeue() == [(code, "a sign-in code")]
    assert broker.dequeue() == [(older, "a webhook")]


def test_urgent_emails_are_queued_on_the_urgent_queue(django_capture_on_commit_callbacks):
    with (
        patch("core.emails.async_task") as queued,
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
        send_email("ann@example.org", SUBJECT, BODY, urgent=True, name="Ann")

    (ordinary, urgent) = queued.call_args_list
    assert "cluster" not in ordinary.kwargs
    assert urgent.kwargs["cluster"] == urgent_queue()


def test_a_sign_in_code_is_urgent(django_capture_on_commit_callbacks):
    user = UserFactory()
    device = EmailMethod().new_device(user)
    with (
        patch("core.emails.async_task") as queued,
        django_capture_on_commit_callbacks(execute=True),
    ):
        EmailMethod().challenge(device)

    assert queued.call_args.kwargs["cluster"] == urgent_queue()


def test_the_health_check_counts_urgent_tasks_too():
    ten_minutes_ago = timezone.now() - timedelta(minutes=10)
    get_broker(urgent_queue()).enqueue(SignedPackage.dumps({"started": ten_minutes_ago}))

    assert oldest_task_age() >= 600
