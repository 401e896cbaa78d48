"""The family's side of the council's review: each sent form's decision as a tag on the
person's page with the message sent, the council's message at the top of a form sent back,
and sending it again with the same reference. In English and Welsh."""

import pytest
from django.utils import timezone

from plugins.send.casework import review
from plugins.send.filling import services as filling
from plugins.send.models import Review
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import family, fill

from .conftest import matched

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(client, form):
    link = family(email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    client.link = link
    return client


def decided(link, form, decider, decision, message):
    submission = matched(fill(link, form))
    review.open_submission(submission, decider)
    if decision == review.APPROVE:
        review.approve(submission, decider, message, share_with_case=False)
    elif decision == review.REJECT:
        review.reject(submission, decider, message)
    else:
        review.request_more_information(submission, decider, message)
    return submission


def test_the_family_sees_each_forms_decision_and_the_message_sent(parent, form, decider):
    link = parent.link
    fill(link, form)
    decided(link, form, decider, review.APPROVE, "All approved.")
    decided(link, form, decider, review.REJECT, "We hold this already.")
    decided(link, form, decider, review.MORE_INFORMATION, "Add the school report.")
    page = parent.get(f"/send/people/{link.person.pk}/").text
    assert "govuk-tag--blue" in page and "Submitted" in page
    assert "govuk-tag--green" in page and "Approved" in page and "All approved." in page
    assert "govuk-tag--red" in page and "We hold this already." in page
    assert "govuk-tag--orange" in page and "More information needed" in page
    assert "Add the school report." in page


def test_a_welsh_family_sees_the_tags_in_welsh(parent, form, decider):
    link = parent.link
    decided(link, form, decider, review.MORE_INFORMATION, "Ychwanegwch yr adroddiad.")
    page = parent.get(f"/cy/send/people/{link.person.pk}/").text
    assert "Angen rhagor o wybodaeth" in page and "Neges gan y cyngor" in page


def test_the_family_reads_the_councils_message_changes_the_form_and_sends_it_again(
    parent, form, decider
):
    link = parent.link
    submission = decided(link, form, decider, review.MORE_INFORMATION, "Add the report.")
    overview = parent.get(f"/send/submissions/{submission.pk}/").text
    assert "The council has asked for more information" in overview
    assert "Add the report." in overview
    check = parent.get(f"/send/submissions/{submission.pk}/check/").text
    assert "Add the report." in check
    filling.submit(submission, link.user)
    submission.refresh_from_db()
    assert submission.review_state == Review.NOT_OPENED
    assert submission.resubmitted_at is not None
    page = parent.get(f"/send/people/{link.person.pk}/").text
    assert submission.reference in page
