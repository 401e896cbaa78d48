"""Submitting the form an action asked for completes the action. The ``form_submitted``
event arrives after the submission's commit; the work is queued as a django-q2 task, which
finds nothing left to do when delivered twice (``services.completed_by`` only closes open
actions)."""

from django_q.tasks import async_task

from ...models import Submission
from . import services


def on_form_submitted(sender, submission, **kwargs):
    """Receiver of ``portal.events.form_submitted`` (connected in ``SendConfig.ready()``)."""
    async_task(
        "plugins.send.casework.actions.receivers.complete_actions",
        submission.pk,
        task_name=f"send-actions-submitted-{submission.pk}",
    )


def complete_actions(submission_id):
    """The django-q2 task: complete the open actions the submission answers."""
    submission = (
        Submission.objects.select_related("person", "version", "created_by")
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        return 0
    return len(services.completed_by(submission))
