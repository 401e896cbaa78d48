"""The family's side of casework on the portal: a form the council shared on a child's case,
read only ("View shared form"), for its submitter and every user authenticated on an open
involvement of the child, asked through ``portal.access`` ("send.shared_submission"): anyone
else, a user linked to the child but not authenticated included, gets 404."""

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone

from portal import access

from ..access import send_user_required
from ..builder.schema import FormSchema
from ..filling.answers import load_answers
from ..filling.summary import summary_sections

SHARED = "send.shared_submission"


def _back_url(user, submission):
    """The user's own page of the child: their person for the form's child record."""
    about = Q(pk=submission.person_id)
    if submission.person.child_record_id:
        about |= Q(child_record=submission.person.child_record_id)
    person = access.scoped(user, "send.person").filter(about).order_by("pk").first()
    return reverse("send:person", args=[person.pk]) if person else reverse("send:home")


@send_user_required
def shared_submission(request, pk):
    """A shared form's answers, read only, with its print link. Its files are listed by name:
    they stay with the form's submitter and the council."""
    submission = access.get_or_404(request.user, SHARED, pk=pk)
    schema = FormSchema(submission.version.schema)
    return render(
        request,
        "send/casework/shared.html",
        {
            "submission": submission,
            "schema": schema,
            "sections": summary_sections(
                schema, load_answers(submission), file_url=lambda file_pk: ""
            ),
            "approved_on": formats.date_format(timezone.localtime(submission.decided_at), "j F Y"),
            "back_url": _back_url(request.user, submission),
        },
    )
