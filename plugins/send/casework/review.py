"""The council's review of a submitted form, as one state machine.

States (``models.submissions.Review``): Not opened → Opened (the first staff opening) →
Approved, Rejected or More information requested; a form the family sends again after a
request for more information is Not opened again, marked resubmitted. A form staff make from
a child's chronology (``casework.newform``) goes from Not opened to Approved at once. Beside
it, the child's matching state (``Submission.matching_state``): Awaiting matching or
Resubmitted to matching until ``person.child_record`` is set.

Every change is one service function here; each refuses a change the table does not allow
(``NotAllowed``, with the reason shown to staff), writes the form's own history
(``SubmissionEvent``) and the audit log, and a decision tells the submitter in their language
through the ``notify`` service and sends ``form_decided`` after the commit. Drafts the family
never sent are not in the review at all.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import audit
from core.texts import raw_text
from portal import events, services
from records.services import PersonDetails

from ..builder.schema import text
from ..models import Submission, SubmissionEvent
from ..models.submissions import Matching, Review, Status, sent_to_council

APPROVE = "approve"
REJECT = "reject"
MORE_INFORMATION = "more_information"
DECISIONS = (APPROVE, REJECT, MORE_INFORMATION)
FROM_CHRONOLOGY = "from_chronology"
CONTRIBUTION = "contribution"

# action -> {state it may start from: state it leads to}
TRANSITIONS = {
    "open": {Review.NOT_OPENED: Review.OPENED},
    APPROVE: {Review.OPENED: Review.APPROVED},
    REJECT: {Review.OPENED: Review.REJECTED},
    MORE_INFORMATION: {Review.OPENED: Review.MORE_INFORMATION},
    "resend": {Review.MORE_INFORMATION: Review.NOT_OPENED},
    FROM_CHRONOLOGY: {Review.NOT_OPENED: Review.APPROVED},
    CONTRIBUTION: {Review.NOT_OPENED: Review.APPROVED},
}

# The form's history entry, the audit log's action and the texts of each decision.
EVENTS = {
    APPROVE: SubmissionEvent.Action.APPROVED,
    REJECT: SubmissionEvent.Action.REJECTED,
    MORE_INFORMATION: SubmissionEvent.Action.MORE_INFORMATION,
}
AUDIT_ACTIONS = {
    APPROVE: "submission.approved",
    REJECT: "submission.rejected",
    MORE_INFORMATION: "submission.more_information",
}


class NotAllowed(Exception):
    """The change is not allowed in the form's state; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def refusal(submission, action):
    """Why ``action`` may not be done to ``submission`` now, or None when it may."""
    if submission.status == Status.DRAFT and submission.review_state != Review.MORE_INFORMATION:
        return _("This form has not been sent to the council.")
    if submission.review_state not in TRANSITIONS[action]:
        if submission.review_state == Review.NOT_OPENED:
            return _("Open the form first.")
        if submission.review_state == Review.MORE_INFORMATION:
            return _("The family has been asked for more information.")
        return _("A decision has already been made on this form.")
    if (
        action in (APPROVE, FROM_CHRONOLOGY, CONTRIBUTION)
        and submission.matching_state != Matching.MATCHED
    ):
        return _("Match the child first.")
    if action == FROM_CHRONOLOGY and not submission.created_by.is_council_staff:
        # A family's form is always opened and decided on, never approved unread.
        return _("Only a form the council made from the chronology is approved this way.")
    return None


def _locked(submission, action):
    locked = Submission.objects.select_for_update().select_related("person").get(pk=submission.pk)
    reason = refusal(locked, action)
    if reason:
        raise NotAllowed(reason)
    return locked


def _history(submission, action, user, detail=""):
    SubmissionEvent.objects.create(submission=submission, action=action, user=user, detail=detail)


def open_submission(submission, user, request=None):
    """The council's first opening of a submitted form: Not opened → Opened. Later openings
    (and a form in any other state) change nothing, so every staff view may call it; from
    then on a professional can no longer reopen the form (``filling.services.may_reopen``).

    One conditional update, so it cannot race with the professional's reopening: a form
    reopened first is a draft again and is not marked."""
    if submission.review_state != Review.NOT_OPENED or submission.status != Status.SUBMITTED:
        return submission
    now = timezone.now()
    with transaction.atomic():
        marked = Submission.objects.filter(
            pk=submission.pk, status=Status.SUBMITTED, review_state=Review.NOT_OPENED
        ).update(opened_by_council_at=now, review_state=Review.OPENED)
        if marked:
            submission.opened_by_council_at = now
            submission.review_state = Review.OPENED
            _history(submission, SubmissionEvent.Action.OPENED, user)
    return submission


def placeholders(submission, caseworker, language):
    """The values a decision's message template may use, in the submitter's ``language``."""
    submitter = submission.created_by
    return {
        "recipient": submitter.get_full_name() or submitter.email,
        "child": submission.person.full_name,
        "form": text(submission.version.schema["title"], language),
        "reference": submission.reference,
        "caseworker": caseworker.get_full_name() or caseworker.email,
    }


def portal_link(submission, language):
    """The form's page on the portal, in the submitter's language."""
    with translation.override(language):
        path = reverse("send:submission", args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def default_message(submission, decision, caseworker):
    """The council's wording for ``decision`` in the submitter's language, filled in: what the
    caseworker starts from and may change before sending."""
    language = submission.created_by.preferred_language
    values = placeholders(submission, caseworker, language)
    return raw_text(f"send.review.message.{decision}", language, **values)


def _decide(submission, decision, user, message, request, **fields):
    with transaction.atomic():
        submission = _locked(submission, decision)
        submission.review_state = TRANSITIONS[decision][submission.review_state]
        submission.decided_at = timezone.now()
        submission.decided_by = user
        submission.decision_message = message
        for name, value in fields.items():
            setattr(submission, name, value)
        submission.save(
            update_fields=[
                "review_state",
                "decided_at",
                "decided_by",
                "decision_message",
                *fields,
                "updated_at",
            ]
        )
        _history(submission, EVENTS[decision], user, message)
        audit.record(user, AUDIT_ACTIONS[decision], submission, request=request)
        submitter = submission.created_by
        language = submitter.preferred_language
        services.get("notify")(
            submitter,
            f"send.emailsubject.review.{decision}",
            "send.email_review_decision",
            {**placeholders(submission, user, language), "message": message},
            link=portal_link(submission, language),
        )
        events.send_after_commit(
            events.form_decided, Submission, submission=submission, decision=decision
        )
    return submission


def approve(submission, user, message, share_with_case, request=None):
    """Approve an opened form whose child is matched; ``share_with_case`` is the answer to
    "Share this form with the other people authenticated on this child's case?"."""
    return _decide(submission, APPROVE, user, message, request, share_with_case=share_with_case)


def reject(submission, user, message, request=None):
    """Reject an opened form, telling the submitter why."""
    return _decide(submission, REJECT, user, message, request)


def request_more_information(submission, user, message, request=None):
    """Ask the submitter for more: the same form (same reference and history) goes back to
    them to change and send again, with this message at its top."""
    return _decide(submission, MORE_INFORMATION, user, message, request, status=Status.DRAFT)


def approve_from_chronology(submission, user, source, request=None):
    """Approve, at once, a form ``user`` has just made from the child's chronology, copying
    answers from ``source`` (``casework.newform``): it is the council's own record, so it is
    opened and approved in one step and nobody is sent a message; it becomes an event of the
    child's chronology."""
    with transaction.atomic():
        submission = _locked(submission, FROM_CHRONOLOGY)
        now = timezone.now()
        submission.review_state = TRANSITIONS[FROM_CHRONOLOGY][submission.review_state]
        submission.opened_by_council_at = now
        submission.decided_at = now
        submission.decided_by = user
        submission.share_with_case = False
        submission.save(
            update_fields=[
                "review_state",
                "opened_by_council_at",
                "decided_at",
                "decided_by",
                "share_with_case",
                "updated_at",
            ]
        )
        _history(submission, SubmissionEvent.Action.FROM_CHRONOLOGY, user, source.reference)
        audit.record(
            user, "submission.from_chronology", submission, source.reference, request=request
        )
        events.send_after_commit(
            events.form_decided, Submission, submission=submission, decision=APPROVE
        )
    return submission


def accept_contribution(submission, user, task_number):
    """A professional's contribution to a task the council delegated (``casework.delegation``)
    is the advice the council asked for: it goes onto the child's chronology as it arrives,
    approved in the name of ``user`` who sent the task, and nobody is sent a message."""
    submission = _locked(submission, CONTRIBUTION)
    now = timezone.now()
    submission.review_state = TRANSITIONS[CONTRIBUTION][submission.review_state]
    submission.opened_by_council_at = submission.decided_at = now
    submission.decided_by = user
    submission.share_with_case = False
    submission.save(
        update_fields=[
            "review_state",
            "opened_by_council_at",
            "decided_at",
            "decided_by",
            "share_with_case",
            "updated_at",
        ]
    )
    _history(submission, SubmissionEvent.Action.APPROVED, user, task_number)
    events.send_after_commit(
        events.form_decided, Submission, submission=submission, decision=APPROVE
    )
    return submission


def resend(submission, user):
    """The family sends the form again after a request for more information: it is Not opened
    again, marked resubmitted. Called by ``filling.services.submit`` inside its transaction,
    once the form is submitted again."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.review_state not in TRANSITIONS["resend"]:
        raise NotAllowed(_("The council has not asked for more information on this form."))
    now = timezone.now()
    submission.review_state = Review.NOT_OPENED
    submission.resubmitted_at = now
    submission.opened_by_council_at = None
    submission.save(
        update_fields=["review_state", "resubmitted_at", "opened_by_council_at", "updated_at"]
    )
    _history(submission, SubmissionEvent.Action.RESENT, user)
    audit.record(user, "submission.resent", submission)
    return submission


def person_details(person):
    """The child as the family declared them, for the ``match`` service."""
    return PersonDetails(
        forename=person.forename,
        middle_names=person.middle_names,
        surname=person.surname,
        date_of_birth=person.date_of_birth,
    )


def resubmit_to_matching(submission, user, request=None):
    """Ask the ``match`` service for the council's record of the form's child. A record it
    returns is linked to the child (with the fallback, the child is accepted as a new record);
    otherwise the form waits, Resubmitted to matching, for the matching team."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update().select_related("person").get(pk=submission.pk)
        )
        if submission.matching_state == Matching.MATCHED:
            raise NotAllowed(_("The child is already linked to a child record."))
        person = submission.person
        record = services.get("match")(person_details(person))
        if record is None:
            submission.matching_resubmitted_at = timezone.now()
            submission.save(update_fields=["matching_resubmitted_at", "updated_at"])
            _history(submission, SubmissionEvent.Action.MATCHING, user)
            events.send_after_commit(
                events.matching_requested, Submission, submission=submission, user=user
            )
        else:
            person.child_record = record
            person.save(update_fields=["child_record", "updated_at"])
            _history(submission, SubmissionEvent.Action.MATCHED, user, record.council_id)
            events.send_after_commit(
                events.person_matched, type(person), person=person, child_record=record
            )
        audit.record(user, "submission.matching", submission, request=request)
    return submission


def link_matched_person(sender, person, child_record, **kwargs):
    """Receiver of ``person_matched`` (connected in ``SendConfig.ready()``): a matching
    decision links the person to the record, so their forms leave Awaiting matching and may be
    approved. A person already linked to that record (this module's own resubmission) is left
    as it is. One update, done at once: the caseworker who decided expects the gate open."""
    if person.child_record_id == child_record.pk:
        return
    with transaction.atomic():
        type(person).objects.filter(pk=person.pk).update(
            child_record=child_record, updated_at=timezone.now()
        )
        waiting = Submission.objects.filter(person=person).filter(sent_to_council())
        SubmissionEvent.objects.bulk_create(
            SubmissionEvent(
                submission=submission,
                action=SubmissionEvent.Action.MATCHED,
                detail=child_record.council_id,
            )
            for submission in waiting
        )
