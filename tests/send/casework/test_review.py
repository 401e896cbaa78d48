"""The review of a submitted form as a state machine: every change allowed from its states
and refused from the others, the matching gate and its fallback, the messages in the
submitter's language, and what each change leaves behind (history, audit log, event)."""

import pytest

from core.models import AuditEntry
from plugins.send.casework import review
from plugins.send.filling import services as filling
from plugins.send.models import Review, Submission
from plugins.send.models.submissions import Matching, Status
from portal import events
from records.models import ChildRecord
from tests.send.test_council_submissions import family, fill

from .conftest import matched

pytestmark = pytest.mark.django_db


def actions(submission):
    return list(submission.events.values_list("action", flat=True))


def in_state(submission, state, status=Status.SUBMITTED):
    Submission.objects.filter(pk=submission.pk).update(review_state=state, status=status)
    submission.refresh_from_db()
    return submission


DECIDE = {
    review.APPROVE: lambda s, u: review.approve(s, u, "Approved.", share_with_case=True),
    review.REJECT: lambda s, u: review.reject(s, u, "No."),
    review.MORE_INFORMATION: lambda s, u: review.request_more_information(s, u, "More please."),
}


def test_the_first_staff_opening_opens_the_form_and_later_openings_change_nothing(
    submitted, decider
):
    review.open_submission(submitted, decider)
    review.open_submission(submitted, decider)
    submitted.refresh_from_db()
    assert submitted.review_state == Review.OPENED
    assert submitted.opened_by_council_at is not None
    assert actions(submitted).count("opened") == 1


def test_a_draft_never_sent_is_not_opened_by_staff(link, form, decider):
    draft = fill(link, form, submit=False)
    review.open_submission(draft, decider)
    draft.refresh_from_db()
    assert draft.review_state == Review.NOT_OPENED and draft.opened_by_council_at is None


@pytest.mark.parametrize("decision", review.DECISIONS)
def test_each_decision_is_allowed_on_an_opened_form_of_a_matched_child(
    decision, submitted, decider, django_capture_on_commit_callbacks
):
    matched(submitted)
    review.open_submission(submitted, decider)
    heard = []

    def receiver(sender, submission, decision, **kwargs):
        heard.append((submission.pk, decision))

    events.form_decided.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            DECIDE[decision](submitted, decider)
    finally:
        events.form_decided.disconnect(receiver)
    submitted.refresh_from_db()
    assert submitted.review_state == review.TRANSITIONS[decision][Review.OPENED]
    assert submitted.decided_by == decider and submitted.decided_at is not None
    assert actions(submitted)[-1] == review.EVENTS[decision]
    assert AuditEntry.objects.filter(
        action=review.AUDIT_ACTIONS[decision], object_id=str(submitted.pk)
    ).exists()
    assert heard == [(submitted.pk, decision)]


@pytest.mark.parametrize("decision", review.DECISIONS)
@pytest.mark.parametrize(
    "state",
    [Review.NOT_OPENED, Review.APPROVED, Review.REJECTED, Review.MORE_INFORMATION],
)
def test_no_decision_is_allowed_outside_the_opened_state(decision, state, submitted, decider):
    matched(submitted)
    status = Status.DRAFT if state == Review.MORE_INFORMATION else Status.SUBMITTED
    in_state(submitted, state, status)
    with pytest.raises(review.NotAllowed):
        DECIDE[decision](submitted, decider)
    submitted.refresh_from_db()
    assert submitted.review_state == state
    assert submitted.decided_at is None


@pytest.mark.parametrize("decision", review.DECISIONS)
def test_a_draft_never_sent_cannot_be_decided(decision, link, form, decider):
    draft = fill(link, form, submit=False)
    with pytest.raises(review.NotAllowed):
        DECIDE[decision](draft, decider)


def test_approval_waits_for_the_child_to_be_matched(submitted, decider):
    review.open_submission(submitted, decider)
    assert submitted.matching_state == Matching.AWAITING
    with pytest.raises(review.NotAllowed, match="Match the child first"):
        review.approve(submitted, decider, "Approved.", share_with_case=False)
    # Rejecting or asking for more does not need the child matched.
    assert review.refusal(submitted, review.REJECT) is None


def test_without_a_matching_plugin_the_child_is_accepted_as_a_new_record(
    submitted, decider, django_capture_on_commit_callbacks, provide_service
):
    provide_service("match")
    review.open_submission(submitted, decider)
    with django_capture_on_commit_callbacks(execute=True):
        review.resubmit_to_matching(submitted, decider)
    submitted.refresh_from_db()
    record = submitted.person.child_record
    assert isinstance(record, ChildRecord)
    assert (record.forename, record.surname) == ("Alex", "Morgan")
    assert submitted.matching_state == Matching.MATCHED
    assert actions(submitted)[-1] == "matched"
    assert AuditEntry.objects.filter(action="submission.matching").exists()
    review.approve(submitted, decider, "Approved.", share_with_case=False)
    submitted.refresh_from_db()
    assert submitted.review_state == Review.APPROVED and submitted.share_with_case is False
    with pytest.raises(review.NotAllowed):
        review.resubmit_to_matching(submitted, decider)


def test_a_matching_service_that_cannot_decide_leaves_the_form_resubmitted_to_matching(
    submitted, decider, monkeypatch
):
    monkeypatch.setattr(review.services, "get", lambda name: lambda details: None)
    review.resubmit_to_matching(submitted, decider)
    submitted.refresh_from_db()
    assert submitted.matching_state == Matching.RESUBMITTED
    assert submitted.person.child_record is None


def test_the_default_messages_fill_in_every_placeholder(submitted, decider):
    for decision in review.DECISIONS:
        message = review.default_message(submitted, decision, decider)
        assert "Sam Parent" in message
        assert "Alex Morgan" in message
        assert "Request for help" in message
        assert submitted.reference in message
        assert "Carys Casework" in message
        assert "{" not in message


def test_a_welsh_submitter_gets_the_welsh_message_and_notice(
    form, decider, mailoutbox, django_capture_on_commit_callbacks
):
    welsh = fill(family(preferred_language="cy"), form)
    message = review.default_message(welsh, review.REJECT, decider)
    assert message.startswith("Annwyl Sam Parent") and "Cais am help" in message
    review.open_submission(welsh, decider)
    with django_capture_on_commit_callbacks(execute=True):
        review.reject(welsh, decider, message)
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [welsh.created_by.email]
    assert email.subject == f"Mae eich ffurflen {welsh.reference} wedi’i gwrthod"
    assert "Annwyl Sam Parent" in email.body
    assert f"/cy/send/submissions/{welsh.pk}/" in email.body


def test_an_english_submitter_gets_the_edited_message(
    submitted, decider, mailoutbox, django_capture_on_commit_callbacks
):
    review.open_submission(submitted, decider)
    with django_capture_on_commit_callbacks(execute=True):
        review.reject(submitted, decider, "We already hold this form for Alex.")
    assert mailoutbox[0].subject == f"Your form {submitted.reference} has been rejected"
    assert "We already hold this form for Alex." in mailoutbox[0].body
    submitted.refresh_from_db()
    assert submitted.decision_message == "We already hold this form for Alex."


def test_more_information_reopens_the_same_form_and_it_comes_back_not_opened(
    submitted, link, decider
):
    reference = submitted.reference
    review.open_submission(submitted, decider)
    review.request_more_information(submitted, decider, "Add the school report.")
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert submitted.review_state == Review.MORE_INFORMATION
    filling.submit(submitted, link.user)
    submitted.refresh_from_db()
    assert submitted.reference == reference
    assert submitted.status == Status.SUBMITTED
    assert submitted.review_state == Review.NOT_OPENED
    assert submitted.resubmitted_at is not None and submitted.opened_by_council_at is None
    assert actions(submitted)[-3:] == ["more_information", "submitted", "resent"]
    # The council may ask again.
    review.open_submission(submitted, decider)
    review.request_more_information(submitted, decider, "And the doctor's letter.")
    submitted.refresh_from_db()
    assert submitted.review_state == Review.MORE_INFORMATION


def test_sending_again_is_refused_when_no_more_information_was_asked(submitted, link):
    with pytest.raises(review.NotAllowed):
        review.resend(submitted, link.user)
