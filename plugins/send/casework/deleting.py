"""Deleting a submitted form (issue 12's "delete" right, "send.delete_submission"): the
council removes a form sent to it by mistake or twice, with its answers, its files and its
history, so neither the SEND team's list nor the family's pages show it any more.

Only a form sent to the council can be deleted this way: a draft the family never sent is
theirs, and the portal's own draft purge (``filling.jobs``) looks after it. What was deleted,
by whom and why stays in the audit log, which keeps the form's reference and the child's
record id after the form has gone."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core import audit

from ..access import is_sent_to_council
from ..filling.files import delete_stored_files_after_commit
from ..models import Submission
from .review import NotAllowed


def refusal(submission):
    """Why ``submission`` may not be deleted, or None when it may."""
    if not is_sent_to_council(submission):
        return _("This form has not been sent to the council.")
    return None


def delete_submission(submission, user, reason, request=None):
    """Delete a form sent to the council, with its answers, steps, history and files (the
    stored files once the deletion commits, so a rollback leaves nothing missing), after
    writing "submission.deleted" to the audit log with the form's reference and ``reason``.
    Refused with ``NotAllowed`` for a draft never sent, or with no reason given. Returns the
    deleted form (no longer in the database; its reference and person remain readable)."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for deleting this form."))
    with transaction.atomic():
        locked = (
            Submission.objects.select_for_update().select_related("person").get(pk=submission.pk)
        )
        why_not = refusal(locked)
        if why_not:
            raise NotAllowed(why_not)
        detail = f"{locked.reference}: {reason}"
        audit.record(user, "submission.deleted", locked, detail, request=request)
        delete_stored_files_after_commit(locked.files.all())
        locked.delete()
    return locked
