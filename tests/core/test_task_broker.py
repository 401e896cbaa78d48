"""The task queue hands out the oldest waiting task first, and a task only once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_q.brokers import get_broker
from django_q.models import OrmQ

from core.task_broker import OldestFirstORM

pytestmark = pytest.mark.django_db


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
