"""Who is on a child's case, and what the council shared with them.

The one rule: a user is *authenticated on a child* while they are linked (a visible
``PersonLink``) to a person the council matched to that child's record. The submitter of a
form keeps sight of it whatever becomes of their link. Until the issue "The child's case" lands, this stands in for the
portal sharing of an involvement: that issue replaces these functions with authentication on
the involvement, and every caller (the access rule "send.shared_submission", the family's
pages, pre-filling) follows without change.

What is shared: a form the council approved and, answering "Share this form with the other
people authenticated on this child's case?", chose to share (``Submission.share_with_case``).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.fields.json import KeyTransform

from ..models import Answer, PersonLink, Submission
from ..models.submissions import Review


def child_records_of(user):
    """The ids of the child records ``user`` is authenticated on, as a subquery (the rule of
    :func:`users_on_child`, seen from the user)."""
    return PersonLink.objects.filter(
        user=user, hidden=False, person__child_record__isnull=False
    ).values("person__child_record")


def users_on_child(child_record):
    """The users authenticated on ``child_record``: linked, not hidden, to a person matched
    to it."""
    return (
        get_user_model()
        .objects.filter(send_people__person__child_record=child_record, send_people__hidden=False)
        .distinct()
    )


def is_on_child(user, child_record_id):
    """Whether ``user`` is authenticated on the child record ``child_record_id``."""
    return (
        child_record_id is not None and users_on_child(child_record_id).filter(pk=user.pk).exists()
    )


def _shared():
    return Q(review_state=Review.APPROVED, share_with_case=True)


def _seen_by(user):
    # The submitter keeps sight of their own form even once their link is hidden.
    return Q(created_by=user) | Q(person__child_record__in=child_records_of(user))


def shared_with(user, queryset=None):
    """The forms shared on the cases of the children ``user`` is authenticated on (the part of
    ``queryset`` they are, every submission by default)."""
    if queryset is None:
        queryset = Submission.objects.all()
    return queryset.filter(_shared()).filter(_seen_by(user))


def may_see_shared(user, submission):
    """Whether ``submission`` is a shared form ``user`` may read and print."""
    return (
        submission.review_state == Review.APPROVED
        and bool(submission.share_with_case)
        and (
            submission.created_by_id == user.pk
            or is_on_child(user, submission.person.child_record_id)
        )
    )


def shared_about(user, person):
    """The forms shared with ``user`` about ``person`` (the forms of every person matched to
    the same child record), newest decision first, each with its ``form_title``: the
    "Shared with you" list on the person's page, in one query."""
    about = Q(person=person)
    if person.child_record_id:
        about |= Q(person__child_record=person.child_record_id)
    return (
        shared_with(user)
        .filter(about)
        .select_related("version")
        # The list needs each form's title, not its whole published schema decoded per row.
        .defer("version__schema")
        .annotate(form_title=KeyTransform("title", "version__schema"))
        .order_by("-decided_at", "-pk")
    )


def chronology_answers(user, person, codes):
    """{question code: value} of the latest approved answer to each of ``codes`` on the
    chronology of ``person``'s child (answers of approved forms about any person matched to
    the same record), for a ``user`` authenticated on that child; {} for anyone else.

    Only answers ``user`` may read already: their own approved forms and the forms the council
    shared on the case. A form approved without sharing stays with its submitter, so its
    answers never reach another family's form through pre-filling."""
    if not is_on_child(user, person.child_record_id):
        return {}
    rows = (
        Answer.objects.filter(
            submission__person__child_record=person.child_record_id,
            submission__review_state=Review.APPROVED,
            question_code__in=codes,
            repeat_index=0,
            unchecked=False,
        )
        .filter(Q(submission__created_by=user) | Q(submission__share_with_case=True))
        .order_by("question_code", "-submission__decided_at", "-submission__pk")
        .values_list("question_code", "value")
    )
    latest = {}
    for code, value in rows:
        latest.setdefault(code, value)
    return latest
