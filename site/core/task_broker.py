"""The task queue's broker: django-q2's database broker, taking the oldest task first."""

from time import sleep

from django.utils import timezone
from django_q.brokers.orm import ORM
from django_q.conf import Conf


class OldestFirstORM(ORM):
    """django-q2's database broker, handing out the oldest waiting task first.

    Its own query has no ORDER BY, so PostgreSQL returns rows in the order they lie on disk,
    where new rows fill the space that acknowledged ones left: with 200 users on two cores,
    some sign-in codes waited behind newer work for over 90 seconds. A task is still claimed
    as django-q2 claims it, by a conditional update of its lock, so two clusters never both
    take it."""

    def dequeue(self):
        waiting = list(
            self.get_connection()
            .filter(key=self.list_key, lock__lt=timezone.now())
            .order_by("id")[: Conf.BULK]
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
