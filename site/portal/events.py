"""Signals the plugins share (DESIGN.md §3). Senders pass keyword arguments named below.

Send an event with :func:`send_after_commit`, never with ``Signal.send``: receivers hear of
a change only once the transaction that made it has committed, so a rolled-back change is
never announced and a receiver always finds the rows it is told about.

Rules for receivers:
- connect them in the receiving app's ``AppConfig.ready()`` (never at the import of a module
  such as ``wagtail_hooks``, which a shell or task worker may not import);
- they run after the commit, inside the sender's request or task: enqueue the work (a django-q2
  task) rather than do it, and never block. One receiver's error is logged and does not stop
  the others or the sender.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

#: A portal user declared a child or young person. kwargs: person, user.
person_added = Signal()
#: A portal user submitted a form. kwargs: submission.
form_submitted = Signal()
#: The council approved, rejected or asked for more on a submission. kwargs: submission, decision.
form_decided = Signal()
#: A portal person was matched to the council's record. kwargs: person, child_record.
person_matched = Signal()
#: Staff asked for a submitted form's child to be matched again. kwargs: submission, user.
matching_requested = Signal()
#: Records of the council's register were created or changed. kwargs: record_ids.
child_records_changed = Signal()
#: A user withdrew their consent. kwargs: user, record.
consent_withdrawn = Signal()
#: A task delegated to a professional or work group changed state. kwargs: task, change
#: (one of ``plugins.send.casework.delegation.services.CHANGES``).
task_changed = Signal()
#: A user was given access to a child's involvement. kwargs: user, involvement, reason.
user_authenticated_on_case = Signal()
#: A record of a child's case changed (saved or created). kwargs: context (the owning plugin's
#: name for that kind of record, e.g. "send.portal_sharing"), pk, changed (the field names).
case_record_changed = Signal()
#: A portal user wrote to the council's team, or replied to it. kwargs: message.
message_received = Signal()
#: A portal user opened a document to view for the first time. kwargs: document, user.
document_viewed = Signal()


def send_after_commit(signal, sender, **kwargs):
    """Send ``signal`` once the current transaction commits (at once outside a transaction);
    nothing is sent if it rolls back."""

    def send():
        for receiver, result in signal.send_robust(sender=sender, **kwargs):
            if isinstance(result, Exception):
                logger.error(
                    "Receiver %r of a portal event failed",
                    receiver,
                    exc_info=(type(result), result, result.__traceback__),
                )

    transaction.on_commit(send)
