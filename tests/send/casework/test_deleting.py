"""Deleting a submitted form: a member of the SEND team with the "delete" right names the
reason on a page that says which form goes and what goes with it; the answers, history and
files (from storage too) are removed, the family no longer sees the form, and the audit log
keeps the reference and the reason. Drafts never sent are not the council's to delete."""

import pytest
from django.utils import timezone

from core.models import AuditEntry
from plugins.send.casework import deleting, review
from plugins.send.models import Answer, Submission, SubmissionEvent, SubmissionFile
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import attach, fill, staff

pytestmark = pytest.mark.django_db

LIST = "/admin/send/submissions/"


def page(submission, suffix=""):
    return f"{LIST}{submission.pk}/{suffix}"


@pytest.fixture
def deleter():
    return staff(
        "access_admin", "view_submission", "delete_submission", first_name="Dai", last_name="Delete"
    )


@pytest.fixture
def deleting_client(client, deleter):
    return sign_in_verified(client, deleter)


def test_a_caseworker_deletes_a_form_sent_twice_and_its_files_leave_storage(
    deleting_client, deleter, submitted, django_capture_on_commit_callbacks
):
    upload = attach(submitted)
    storage, name = upload.file.storage, upload.file.name
    assert storage.exists(name)
    detail = deleting_client.get(page(submitted)).text
    assert page(submitted, "delete/") in detail
    confirm = deleting_client.get(page(submitted, "delete/")).text
    assert "Request for help" in confirm
    assert submitted.reference in confirm
    assert "Alex Morgan" in confirm
    assert "its 1 uploaded file, which is deleted from storage" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = deleting_client.post(
            page(submitted, "delete/"), {"reason": "Sent twice by mistake."}
        )
    assert response.url == LIST
    listing = deleting_client.get(LIST).text
    assert f"Form deleted: Request for help, reference {submitted.reference}" in listing
    assert not Submission.objects.filter(pk=submitted.pk).exists()
    assert not SubmissionFile.objects.filter(pk=upload.pk).exists()
    assert not Answer.objects.filter(submission_id=submitted.pk).exists()
    assert not SubmissionEvent.objects.filter(submission_id=submitted.pk).exists()
    assert not storage.exists(name)
    entry = AuditEntry.objects.get(action="submission.deleted")
    assert entry.actor == deleter
    assert entry.object_repr == submitted.reference
    assert entry.detail == f"{submitted.reference}: Sent twice by mistake."


def test_the_reason_is_required(deleting_client, submitted):
    response = deleting_client.post(page(submitted, "delete/"), {"reason": "  "})
    assert response.status_code == 200
    assert "The form was not deleted." in response.text
    assert Submission.objects.filter(pk=submitted.pk).exists()
    assert not AuditEntry.objects.filter(action="submission.deleted").exists()


def test_the_family_no_longer_sees_a_deleted_form(client, link, submitted, deleter):
    link.user.email_confirmed_at = timezone.now()
    link.user.save()
    sign_in_verified(client, link.user)
    person_page = f"/send/people/{link.person.pk}/"
    assert submitted.reference in client.get(person_page).text
    deleting.delete_submission(submitted, deleter, "Sent twice.")
    assert submitted.reference not in client.get(person_page).text
    assert client.get(f"/send/submissions/{submitted.pk}/").status_code == 404


def test_staff_without_the_delete_right_see_no_button_and_are_refused(client, submitted):
    caseworker = staff("access_admin", "view_submission", "decide_submission")
    sign_in_verified(client, caseworker)
    assert "data-delete" not in client.get(page(submitted)).text
    for response in (
        client.get(page(submitted, "delete/")),
        client.post(page(submitted, "delete/"), {"reason": "Sent twice."}),
    ):
        assert response.status_code == 302 and response.url == "/admin/"
    assert Submission.objects.filter(pk=submitted.pk).exists()


def test_a_draft_never_sent_and_an_unknown_id_give_404(deleting_client, link, form):
    draft = fill(link, form, submit=False)
    assert deleting_client.get(page(draft, "delete/")).status_code == 404
    assert deleting_client.post(page(draft, "delete/"), {"reason": "x"}).status_code == 404
    assert deleting_client.get(f"{LIST}999999/delete/").status_code == 404
    assert Submission.objects.filter(pk=draft.pk).exists()


def test_the_service_refuses_a_draft_the_family_never_sent(link, form, deleter):
    draft = fill(link, form, submit=False)
    with pytest.raises(review.NotAllowed, match="not been sent to the council"):
        deleting.delete_submission(draft, deleter, "Not wanted.")
    assert Submission.objects.filter(pk=draft.pk).exists()


def test_the_service_refuses_a_deletion_without_a_reason(submitted, deleter):
    with pytest.raises(review.NotAllowed, match="reason"):
        deleting.delete_submission(submitted, deleter, " ")
    assert Submission.objects.filter(pk=submitted.pk).exists()


def test_a_form_sent_back_for_more_information_is_still_the_councils_to_delete(
    submitted, deleter, decider
):
    review.open_submission(submitted, decider)
    review.request_more_information(submitted, decider, "Add the report.")
    deleting.delete_submission(submitted, deleter, "The family asked us to withdraw it.")
    assert not Submission.objects.filter(pk=submitted.pk).exists()
