"""Files attached to a form shared on a child's case: on the shared form's page each file's
name downloads it, for whoever may read the shared form and only while they may. Every
download is written to the audit log; another form's file, or the file of a form no longer
shared with the user, gives 404."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from core.models import AuditEntry
from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.casework import review
from plugins.send.casework.involvements import portal_sharing
from plugins.send.filling import services
from plugins.send.models import Submission
from tests.conftest import sign_in_verified
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place
from tests.send.test_council_submissions import attach, family

from .conftest import authenticated_on, matched

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload_form():
    form = FormDefinitionFactory(title_en="School report", title_cy="Adroddiad ysgol")
    report = QuestionFactory(
        code="REPORT", data_type="file", label_en="School report", label_cy="Adroddiad ysgol"
    )
    place(GroupFactory(form=form, number=2), report)
    builder.publish(form)
    form.refresh_from_db()
    return form


def with_report(link, form, content=b"%PDF-1.4 the school report"):
    """``link``'s user sends ``form`` with a school report attached; matched to a child
    record, as the council needs before approving."""
    submission = services.start(link.user, link.person, form)
    services.confirm_subject(submission, link.user)
    upload = attach(submission, "school report.pdf", content)
    schema = FormSchema(submission.version.schema)
    services.save_step(submission, schema.group(2), {}, 1, 0, link.user, files=[upload])
    submission = matched(services.submit(submission, link.user))
    return submission, upload


def decided(submission, decider, share=True):
    review.open_submission(submission, decider)
    return review.approve(submission, decider, "Approved.", share_with_case=share)


def other_parent(submission, **user_fields):
    """The child's other parent, authenticated on the child's involvement; returns the
    signed-in client and their portal sharing row."""
    other = family(**user_fields)
    other.person.child_record = submission.person.child_record
    other.person.save()
    sharing_row = authenticated_on(submission.person.child_record, other.user)
    client = sign_in_verified(Client(), other.user)
    client.user = other.user
    return client, sharing_row


def file_url(submission, upload):
    return f"/send/shared/{submission.pk}/files/{upload.pk}/"


def test_the_other_parent_downloads_the_report_attached_to_the_shared_form(
    link, upload_form, decider
):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    client, _row = other_parent(submission)

    page = client.get(f"/send/shared/{submission.pk}/").text
    assert f'href="{file_url(submission, upload)}">school report.pdf (PDF, ' in page

    response = client.get(file_url(submission, upload))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="school report.pdf"'
    assert "no-cache" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the school report"


def test_each_download_of_a_shared_file_is_written_to_the_audit_log(link, upload_form, decider):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    client, _row = other_parent(submission)

    client.get(file_url(submission, upload))
    client.get(file_url(submission, upload))

    entries = AuditEntry.objects.filter(
        action="file.downloaded",
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(submission.pk),
    )
    assert entries.count() == 2
    entry = entries.first()
    assert entry.actor == client.user and entry.detail == "school report.pdf"
    assert entry.child_record_id == submission.person.child_record_id


def test_the_submitter_downloads_the_files_of_their_own_shared_form(link, upload_form, decider):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    client = sign_in_verified(Client(), link.user)
    assert client.get(file_url(submission, upload)).status_code == 200


def test_a_welsh_parent_finds_the_file_linked_on_the_welsh_shared_form(link, upload_form, decider):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    client, _row = other_parent(submission, preferred_language="cy")
    page = client.get(f"/cy/send/shared/{submission.pk}/").text
    assert f'href="/cy{file_url(submission, upload)}">school report.pdf (PDF, ' in page
    assert client.get(f"/cy{file_url(submission, upload)}").status_code == 200


def test_another_forms_file_gives_404_through_a_shared_form(link, upload_form, decider):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    # The same family's form the council approved without sharing it, about the same child.
    kept, kept_upload = with_report(link, upload_form, b"%PDF-1.4 kept")
    decided(kept, decider, share=False)
    client, _row = other_parent(submission)

    for url in (
        file_url(submission, kept_upload),
        file_url(kept, kept_upload),
        file_url(kept, upload),
        f"/send/shared/{submission.pk}/files/999999/",
    ):
        assert client.get(url).status_code == 404, url
    assert not AuditEntry.objects.filter(action="file.downloaded").exists()


def test_un_authenticated_the_other_parent_can_no_longer_download_the_file(
    link, upload_form, decider
):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    client, sharing_row = other_parent(submission)
    assert client.get(file_url(submission, upload)).status_code == 200

    portal_sharing.unauthenticate(sharing_row, sharing_row.added_by)

    assert client.get(file_url(submission, upload)).status_code == 404


def test_another_family_gets_404_on_a_shared_forms_file(link, upload_form, decider):
    submission, upload = with_report(link, upload_form)
    decided(submission, decider)
    stranger = family(forename="Bryn", surname="Jones")
    client = sign_in_verified(Client(), stranger.user)
    assert client.get(file_url(submission, upload)).status_code == 404
