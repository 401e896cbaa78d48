"""The demo council's submitted forms in every review state, with the council's messages: the
demo parent's children (core.demo's parent@example.org; records.demo's Alfie and Seren
Parent) sent the demo forms, and the demo caseworker decided on them through the review
services, so each form's history, audit rows and notices are real.

The forms carry fixed demo references (``SND-DEMO...``, outside the alphabet of real ones), so
loading again finds them and changes nothing. Without the demo users (the SEND demo loaded on
its own) there is no one to send or decide, and nothing is made."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from records.models import ChildRecord

from ..casework import review
from ..filling.services import record
from ..models import FormDefinition, PersonLink, PortalPerson, Submission, SubmissionEvent
from ..models.people import Relationship
from ..models.submissions import Status

PARENT = "parent@example.org"
CASEWORKER = "caseworker@example.org"
FORM = "EHC_REQ_PARENT"
CONSENT_FORM = "PARENTAL_CONSENT"

# (reference, child's forename, form code, what the council did)
DEMO_REVIEWS = [
    ("SND-DEMO000001", "Seren", FORM, "not_opened"),
    ("SND-DEMO000002", "Alfie", CONSENT_FORM, "opened"),
    ("SND-DEMO000003", "Alfie", FORM, "approved"),
    ("SND-DEMO000004", "Alfie", CONSENT_FORM, "rejected"),
    ("SND-DEMO000005", "Seren", CONSENT_FORM, "more_information"),
    ("SND-DEMO000006", "Alfie", "MY_VIEWS", "resubmitted"),
]

REJECTION = (
    "We already hold parental consent for Alfie, given last month. No need to send it again."
)
MORE_INFORMATION = "Please add Seren's latest nursery report to the form and send it again."


def load_demo_reviews():
    User = get_user_model()
    parent = User.objects.filter(email=PARENT).first()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    if parent is None or caseworker is None:
        return
    forms = {form.code: form for form in FormDefinition.objects.filter(live=True)}
    taken = set(
        Submission.objects.filter(reference__startswith="SND-DEMO").values_list(
            "reference", flat=True
        )
    )
    for reference, forename, code, state in DEMO_REVIEWS:
        if reference in taken or code not in forms:
            continue
        person = _child(parent, forename)
        submission = _submitted(parent, person, forms[code], reference)
        _review(submission, caseworker, parent, state)


def _child(parent, forename):
    """The parent's child, declared once; Alfie is matched to his record, Seren is not."""
    link = PersonLink.objects.filter(user=parent, person__forename=forename).first()
    if link:
        return link.person
    record = ChildRecord.objects.filter(forename=forename, surname="Parent").first()
    person = PortalPerson.objects.create(
        forename=forename,
        middle_names=record.middle_names if record else "",
        surname="Parent",
        date_of_birth=record.date_of_birth if record else timezone.localdate(),
        child_record=record if forename == "Alfie" else None,
        created_by=parent,
    )
    PersonLink.objects.create(
        person=person,
        user=parent,
        relationship=Relationship.PARENT,
        parental_responsibility=True,
        lives_with_user=True,
    )
    return person


def _submitted(parent, person, form, reference):
    submission = Submission.objects.create(
        person=person,
        version=form.live_version,
        created_by=parent,
        status=Status.SUBMITTED,
        reference=reference,
        submitted_at=timezone.now(),
    )
    record(submission, SubmissionEvent.Action.CREATED, parent)
    record(submission, SubmissionEvent.Action.SUBMITTED, parent)
    return submission


def _review(submission, caseworker, parent, state):
    if state == "not_opened":
        return
    review.open_submission(submission, caseworker)
    if state == "approved":
        message = review.default_message(submission, review.APPROVE, caseworker)
        review.approve(submission, caseworker, message, share_with_case=True)
    elif state == "rejected":
        review.reject(submission, caseworker, REJECTION)
    elif state in ("more_information", "resubmitted"):
        review.request_more_information(submission, caseworker, MORE_INFORMATION)
        if state == "resubmitted":
            # The demo forms hold no answers to check, so the family's sending again is
            # the state change filling.services.submit makes, then the review's resend.
            Submission.objects.filter(pk=submission.pk).update(status=Status.SUBMITTED)
            submission.refresh_from_db()
            record(submission, SubmissionEvent.Action.SUBMITTED, parent)
            review.resend(submission, parent)
