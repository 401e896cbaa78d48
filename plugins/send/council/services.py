"""The council's side of submitted forms: which forms staff see, and the record of their first
opening, printouts and downloads in each submission's trail."""

from django.db import transaction
from django.utils import timezone

from ..filling.services import record
from ..models import Submission, SubmissionEvent
from ..models.submissions import Status


def submitted_forms():
    """The forms sent to the council. A draft is the family's own until they submit it: the
    council never sees one."""
    return Submission.objects.filter(status=Status.SUBMITTED)


def mark_opened(submission, user):
    """Record the council's first opening of a submitted form: from then on a professional
    can no longer reopen it (see ``filling.services.may_reopen``). Later openings change
    nothing.

    One conditional update, so it cannot race with ``filling.services.reopen``: a form
    reopened first is a draft again and is not marked."""
    if submission.opened_by_council_at is not None:
        return submission
    now = timezone.now()
    with transaction.atomic():
        marked = Submission.objects.filter(
            pk=submission.pk, status=Status.SUBMITTED, opened_by_council_at__isnull=True
        ).update(opened_by_council_at=now)
        if marked:
            submission.opened_by_council_at = now
            record(submission, SubmissionEvent.Action.OPENED, user)
    return submission


def record_council_print(submission, user, file_format):
    """The council printed the form (which opens it, if nobody had)."""
    mark_opened(submission, user)
    record(submission, SubmissionEvent.Action.PRINTED, user, detail=file_format)


def record_council_download(submission, upload, user):
    """The council downloaded one of the form's files (which opens it, if nobody had)."""
    mark_opened(submission, user)
    record(submission, SubmissionEvent.Action.FILE_DOWNLOADED, user, detail=upload.original_name)
