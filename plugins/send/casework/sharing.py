"""What the council shares on a child's case with the users authenticated on it: the forms it
shared, and pre-filling a new form from the child's chronology.

Who sees a child's SEND information on the portal is the portal's one access rule (DESIGN.md
§5), ``involvements.authentication``: a user authenticated on an open involvement of the
child record. The submitter of a form keeps their own form (draft or submitted) whatever
their authentication. Every question reads the portal sharing rows as they are now, so
un-authenticating or removing a user, or closing the involvement, takes the shared forms away
at once.

What is shared: a form the council approved and, answering "Share this form with the other
people authenticated on this child's case?", chose to share (``Submission.share_with_case``),
with the files attached to it. :func:`shared_with` and :func:`may_see_shared` implement the
access rule "send.shared_submission", and :func:`shared_files` the rule
"send.shared_submission_file" (``plugins.send.access``); the family's pages and pre-filling
ask those rules through ``portal.access``, never these functions directly.
"""

from django.db.models import Q
from django.db.models.fields.json import KeyTransform

from portal import access

from ..models import Answer, Submission, SubmissionFile
from ..models.submissions import Review
from .involvements import authentication

SHARED = "send.shared_submission"
OWN = "send.submission"


def _shared():
    return Q(review_state=Review.APPROVED, share_with_case=True)


def _seen_by(user):
    # The submitter keeps sight of their own form whatever their authentication.
    on_case = authentication.child_record_ids_for(user)
    return Q(created_by=user) | Q(person__child_record__in=on_case)


def shared_with(user, queryset=None):
    """The forms shared on the cases of the children ``user`` is authenticated on, and the
    user's own shared forms (the part of ``queryset`` they are, every submission by default)."""
    if queryset is None:
        queryset = Submission.objects.all()
    return queryset.filter(_shared()).filter(_seen_by(user))


def may_see_shared(user, submission):
    """Whether ``submission`` is a shared form ``user`` may read and print."""
    if submission.review_state != Review.APPROVED or not submission.share_with_case:
        return False
    if submission.created_by_id == user.pk:
        return True
    child_record_id = submission.person.child_record_id
    return child_record_id is not None and authentication.is_authenticated_on(user, child_record_id)


def shared_files(user, queryset=None):
    """The files attached to the forms shared with ``user`` (:func:`shared_with`): a file
    goes with its shared form, so it is theirs to download exactly while the form is."""
    if queryset is None:
        queryset = SubmissionFile.objects.all()
    return queryset.filter(submission__in=shared_with(user).values("pk"))


def shared_about(user, person):
    """The forms shared with ``user`` about ``person`` (the forms of every person matched to
    the same child record), newest decision first, each with its ``form_title``: the
    "Shared with you" list on the person's page, in one query."""
    about = Q(person=person)
    if person.child_record_id:
        about |= Q(person__child_record=person.child_record_id)
    return (
        access.scoped(user, SHARED, Submission.objects.filter(about))
        # The list needs each form's title, not its person or its whole published schema.
        .select_related(None)
        .annotate(form_title=KeyTransform("title", "version__schema"))
        .order_by("-decided_at", "-pk")
    )


def chronology_answers(user, person, codes):
    """{question code: value} of the latest approved answer to each of ``codes`` on the
    chronology of ``person``'s child (answers of approved forms about any person matched to
    the same record) that ``user`` may read already: their own approved forms, and, while
    they are authenticated on the child, the forms the council shared on the case. A form
    approved without sharing stays with its submitter, so its answers never reach another
    family's form through pre-filling; {} for a child not matched to a record."""
    if person.child_record_id is None:
        return {}
    readable = Q(submission__in=access.scoped(user, OWN).values("pk")) | Q(
        submission__in=access.scoped(user, SHARED).values("pk")
    )
    rows = (
        Answer.objects.filter(
            readable,
            submission__person__child_record=person.child_record_id,
            submission__review_state=Review.APPROVED,
            question_code__in=codes,
            repeat_index=0,
            unchecked=False,
        )
        .order_by("question_code", "-submission__decided_at", "-submission__pk")
        .values_list("question_code", "value")
    )
    latest = {}
    for code, value in rows:
        latest.setdefault(code, value)
    return latest
