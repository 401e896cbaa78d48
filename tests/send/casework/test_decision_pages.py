"""The caseworker's "Process and send message" pages: the buttons on a submitted form (off,
with the reason, when not allowed), accepting the child as a new record, each decision's
editable message and its confirmation, and who may use them."""

import pytest

from plugins.send.casework import buttons
from plugins.send.models import Review
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import fill, staff

from .conftest import matched

pytestmark = pytest.mark.django_db

LIST = "/admin/send/submissions/"


def page(submission, suffix=""):
    return f"{LIST}{submission.pk}/{suffix}"


def test_approve_is_off_until_the_child_is_matched_then_the_caseworker_accepts_a_new_record(
    deciding, submitted, provide_service, monkeypatch
):
    # Without a matching plugin: the match service's fallback accepts the child as a new record.
    provide_service("match")
    monkeypatch.setattr(buttons, "service_providers", lambda name: [])
    detail = deciding.get(page(submitted)).text
    assert "Match the child first." in detail
    assert page(submitted, "approve/") not in detail
    assert "Accept as a new child record" in detail
    approve_page = deciding.get(page(submitted, "approve/")).text
    assert "Match the child first." in approve_page
    assert "Accept as a new child record" in approve_page
    response = deciding.post(page(submitted, "matching/"))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.person.child_record is not None
    detail = deciding.get(page(submitted)).text
    assert page(submitted, "approve/") in detail
    assert "Accept as a new child record" not in detail


def test_the_caseworker_approves_with_an_edited_message_and_chooses_to_share(
    deciding, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    matched(submitted)
    deciding.get(page(submitted))
    form = deciding.get(page(submitted, "approve/")).text
    assert "Dear Sam Parent" in form and submitted.reference in form
    assert "Share this form with the other people authenticated on this child" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = deciding.post(
            page(submitted, "approve/"), {"message": "Approved, thank you.", "share": "yes"}
        )
    assert response.url == page(submitted, "decided/")
    confirmation = deciding.get(response.url).text
    assert "Form approved. The applicant has been notified." in confirmation
    assert "Form name: Request for help" in confirmation
    assert f"Form reference: {submitted.reference}" in confirmation
    submitted.refresh_from_db()
    assert submitted.review_state == Review.APPROVED and submitted.share_with_case is True
    assert "Approved, thank you." in mailoutbox[0].body
    assert "data-share" in deciding.get(page(submitted)).text


def test_approving_needs_the_sharing_answer(deciding, submitted):
    matched(submitted)
    deciding.get(page(submitted))
    response = deciding.post(page(submitted, "approve/"), {"message": "Approved."})
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.review_state == Review.OPENED


def test_the_caseworker_rejects_and_sees_the_confirmation(deciding, submitted):
    deciding.get(page(submitted))
    response = deciding.post(page(submitted, "reject/"), {"message": "Sent twice."})
    confirmation = deciding.get(response.url).text
    assert "Form rejected. The form submitter has been notified." in confirmation
    submitted.refresh_from_db()
    assert submitted.review_state == Review.REJECTED


def test_a_decision_already_made_is_refused_and_explained(deciding, submitted):
    deciding.get(page(submitted))
    deciding.post(page(submitted, "reject/"), {"message": "No."})
    response = deciding.post(page(submitted, "more-information/"), {"message": "More?"})
    assert response.url == page(submitted)
    assert "A decision has already been made" in deciding.get(page(submitted, "reject/")).text
    submitted.refresh_from_db()
    assert submitted.review_state == Review.REJECTED


def test_a_form_sent_back_for_more_information_stays_on_the_council_side(deciding, submitted):
    deciding.get(page(submitted))
    deciding.post(page(submitted, "more-information/"), {"message": "Add the report."})
    detail = deciding.get(page(submitted))
    assert detail.status_code == 200
    assert "More information requested" in detail.text


def test_a_caseworker_who_may_only_review_sees_no_decision_and_is_refused(client, submitted):
    reviewer = staff("access_admin", "view_submission")
    sign_in_verified(client, reviewer)
    assert "data-decisions" not in client.get(page(submitted)).text
    for suffix in ("approve/", "reject/", "more-information/", "decided/"):
        assert client.get(page(submitted, suffix)).status_code in (302, 403), suffix
    assert client.post(page(submitted, "reject/"), {"message": "x"}).status_code in (302, 403)
    submitted.refresh_from_db()
    assert submitted.review_state == Review.OPENED


def test_a_draft_never_sent_gives_404_on_the_decision_pages(deciding, link, form):
    draft = fill(link, form, submit=False)
    for suffix in ("approve/", "reject/", "more-information/", "decided/"):
        assert deciding.get(page(draft, suffix)).status_code == 404, suffix
    assert deciding.post(page(draft, "matching/")).status_code == 404
