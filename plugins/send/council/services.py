"""The council's side of submitted forms: which forms staff see, and the record of their
printouts and downloads in each submission's trail."""

from ..casework.review import open_submission
from ..filling.services import record
from ..models import Submission, SubmissionEvent
from ..models.submissions import sent_to_council


def submitted_forms():
    """The forms sent to the council, with those sent back for more information. A draft is
    the family's own until they submit it: the council never sees one."""
    return Submission.objects.filter(sent_to_council())


def record_council_print(submission, user, file_format):
    """The council printed the form (which opens it, if nobody had)."""
    open_submission(submission, user)
    record(submission, SubmissionEvent.Action.PRINTED, user, detail=file_format)


def record_council_download(submission, upload, user):
    """The council downloaded one of the form's files (which opens it, if nobody had)."""
    open_submission(submission, user)
    record(submission, SubmissionEvent.Action.FILE_DOWNLOADED, user, detail=upload.original_name)
