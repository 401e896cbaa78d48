"""Item 14: submitting a form emails the submitter a receipt naming the form, the child and
the reference, in the submitter's language, only once the submission has committed."""

import pytest
from django.core import mail
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services
from tests.send.factories import PersonLinkFactory, published_form

pytestmark = pytest.mark.django_db


def ready_to_submit(language="en"):
    link = PersonLinkFactory(
        user__email_confirmed_at=timezone.now(),
        user__preferred_language=language,
        person__forename="Megan",
        person__surname="Jones",
    )
    form = published_form(title_en="Request an assessment", title_cy="Gofyn am asesiad")
    submission = services.start(link.user, link.person, form)
    services.confirm_subject(submission, link.user)
    for group in FormSchema(submission.version.schema).groups:
        answers = {(0, q.code): "An answer" for q in group.questions}
        submission.refresh_from_db()
        services.save_step(submission, group, answers, 1, submission.revision, link.user)
    return submission, link.user


def test_the_submitter_gets_a_receipt_with_the_form_the_child_and_the_reference(
    django_capture_on_commit_callbacks,
):
    submission, user = ready_to_submit()
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submit(submission, user)
    (receipt,) = mail.outbox
    assert receipt.to == [user.email]
    assert submission.reference in receipt.subject
    for words in ("Request an assessment", "Megan Jones", submission.reference):
        assert words in receipt.body


def test_a_welsh_speaker_gets_the_receipt_in_welsh(django_capture_on_commit_callbacks):
    submission, user = ready_to_submit("cy")
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submit(submission, user)
    (receipt,) = mail.outbox
    assert receipt.subject.startswith("Rydym wedi cael eich ffurflen")
    assert "Gofyn am asesiad" in receipt.body and "Cyfeirnod: " + submission.reference in (
        receipt.body
    )


def test_submitting_twice_sends_one_receipt(django_capture_on_commit_callbacks):
    submission, user = ready_to_submit()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, user)
        services.submit(submission, user)
    assert len(mail.outbox) == 1


def test_no_receipt_is_sent_before_the_submission_commits(django_capture_on_commit_callbacks):
    submission, user = ready_to_submit()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit(submission, user)
    assert not mail.outbox and callbacks
