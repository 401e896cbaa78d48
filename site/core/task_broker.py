"""The task queue's broker: django-q2's database broker, taking the oldest task first, and
tasks someone is waiting for on screen before all others."""

from time import sleep

from django.db.models import Case, Value, When
from django.utils import timezone
from django_q.brokers.orm import ORM
from django_q.conf import Conf


def urgent_queue():
    """The queue of tasks a person is waiting for on screen (the emails with a sign-in code or
    a confirmation link): ``async_task(..., cluster=urgent_queue())``. Every cluster serves it
    before its own queue, so no extra process has to be run for it."""
    return f"{Conf.PREFIX}-urgent"


class OldestFirstORM(ORM):
    """django-q2's database broker, handing out the oldest waiting task first.

    Its own query has no ORDER BY, so PostgreSQL returns rows in the order they lie on disk,
    where new rows fill the space that acknowledged ones left: with 200 users on two cores,
    some sign-in codes waited behind newer work for over 90 seconds. A task is still claimed
    as django-q2 claims it, by a conditional update of its lock, so two clusters never both
    take it."""

    def queues(self):
        return [urgent_queue(), self.list_key]

    def dequeue(self):
        urgent_first = Case(When(key=urgent_queue(), then=Value(0)), default=Value(1))
        waiting = list(
            self.get_connection()
            .filter(key__in=self.queues(), lock__lt=timezone.now())
            .order_by(urgent_first, "id")[: Conf.BULK]
        )
        if not waiting:
            sleep(Conf.POLL)  # an empty queue: spare the database
            return None
        claimed = []
        for task in waiting:
            taken = (
                self.get_connection()
                .filter(id=task.id, lock=task.lock)
                .update(lock=self.timeout(task))
            )
            if taken:  # else another cluster was quicker
                claimed.append((task.pk, task.payload))
        return claimed
