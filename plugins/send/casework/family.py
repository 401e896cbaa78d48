"""The family's side of casework on the portal: a form the council shared on a child's case,
read only ("View shared form"), with the files attached to it, for its submitter and every
user authenticated on an open involvement of the child, asked through ``portal.access``
("send.shared_submission", "send.shared_submission_file"): anyone else, a user linked to the
child but not authenticated included, gets 404."""

from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.cache import never_cache

from core import audit
from portal import access

from ..access import send_user_required
from ..builder.schema import FormSchema
from ..filling.answers import load_answers
from ..filling.summary import summary_sections
from .case.services import back_url

SHARED = "send.shared_submission"
SHARED_FILE = "send.shared_submission_file"


# Where the dashboard's list of shared forms links from, so Back returns there.
FROM_CASE = "case"


def came_from_case(request, url):
    """``url``, carrying on the mark that the user came from the child's dashboard when they
    did: the shared form's print page then leads Back to the form opened from there."""
    return f"{url}?from={FROM_CASE}" if request.GET.get("from") == FROM_CASE else url


def _back_link(request, submission):
    """(address, text key) of the page's Back link: the child's dashboard when the user came
    from it; otherwise their own page of the child (their person for the form's child record)
    or, for a user with none, such as a professional authenticated on the case without the
    child on their list, the child's dashboard, where the shared forms are listed too."""
    child_record = submission.person.child_record
    if request.GET.get("from") != FROM_CASE:
        about = Q(pk=submission.person_id)
        if child_record is not None:
            about |= Q(child_record=child_record)
        person = access.scoped(request.user, "send.person").filter(about).order_by("pk").first()
        if person:
            return reverse("send:person", args=[person.pk]), "send.submitted.back"
    return back_url(request.user, child_record), "send.back"


@send_user_required
def shared_submission(request, pk):
    """A shared form's answers, read only, with its print link; each attached file's name
    downloads it."""
    submission = access.get_or_404(request.user, SHARED, pk=pk)
    schema = FormSchema(submission.version.schema)
    back, back_text = _back_link(request, submission)
    return render(
        request,
        "send/casework/shared.html",
        {
            "submission": submission,
            "schema": schema,
            "sections": summary_sections(
                schema,
                load_answers(submission),
                file_url=lambda file_pk: reverse("send:shared_file", args=[submission.pk, file_pk]),
            ),
            "approved_on": formats.date_format(timezone.localtime(submission.decided_at), "j F Y"),
            "back_url": back,
            "back_text": back_text,
            "print_url": came_from_case(
                request, reverse("send:print_shared", args=[submission.pk])
            ),
        },
    )


@never_cache  # the file holds a child's details
@send_user_required
def shared_file(request, pk, file):
    """A file attached to a shared form, sent as an attachment and written to the audit log.
    Another form's file gives 404, as does the form once it is no longer the user's to see."""
    submission = access.get_or_404(request.user, SHARED, pk=pk)
    upload = access.get_or_404(request.user, SHARED_FILE, submission=submission, pk=file)
    audit.record(request.user, "file.downloaded", submission, upload.original_name, request=request)
    return FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )
