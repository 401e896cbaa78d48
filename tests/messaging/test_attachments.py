"""Files on messages: a parent attaches a letter to a new message or a reply, the caseworker
downloads it in the admin (audited) and attaches one to the answer. Every file is checked like
every upload (type, content, size, a real clamd scan); a refused file keeps what was typed;
only those who may read the thread download its files (another family's id gives 404)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from plugins.messaging import services
from plugins.messaging.attachments.services import MAX_FILES
from plugins.messaging.models import Attachment, Thread
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.messaging.conftest import needs_send
from tests.send.test_council_submissions import staff
from tests.send.test_uploads import eicar

pytestmark = [pytest.mark.django_db, needs_send]

CHILD = "send.child_record"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def pdf(name="letter.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def signed_in(client, parent, authenticated):
    return sign_in_verified(client, parent)


def write(client, child, general, *files, body="Please see the letter from the school."):
    data = {
        "about": child.pk,
        "message_type": general.pk,
        "subject": "School letter",
        "body": body,
        "attachments": list(files),
    }
    return client.post(reverse("messaging:new"), data)


def test_a_parent_attaches_a_letter_and_downloads_it_from_the_thread(
    signed_in, child, general, clamd
):
    response = write(signed_in, child, general, pdf())

    thread = Thread.objects.get(subject="School letter")
    assert response.url == reverse("messaging:thread", args=[thread.pk])
    (attachment,) = Attachment.objects.all()
    assert (attachment.original_name, attachment.content_type) == ("letter.pdf", "application/pdf")
    assert "letter" not in attachment.file.name  # stored under a random name
    page = signed_in.get(response.url).content.decode()
    assert reverse("messaging:attachment", args=[attachment.pk]) in page
    download = signed_in.get(reverse("messaging:attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="letter.pdf"' in download["Content-Disposition"]


def test_an_infected_file_is_refused_and_what_was_typed_is_kept(signed_in, child, general, clamd):
    response = write(signed_in, child, general, pdf("notes.txt", eicar()), body="My notes.")

    assert response.status_code == 200
    assert response.context["form"].errors["attachments"]
    assert "My notes." in response.content.decode()
    assert not Thread.objects.filter(subject="School letter").exists()
    assert not Attachment.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(signed_in, child, general, clamd):
    response = write(signed_in, child, general, pdf("report.pdf", b"MZ\x90\x00 a program"))

    (error,) = response.context["form"].errors["attachments"]
    assert error.startswith("report.pdf: ")
    assert not Thread.objects.filter(subject="School letter").exists()


def test_more_files_than_allowed_are_refused(signed_in, child, general, clamd):
    files = [pdf(f"letter{number}.pdf") for number in range(MAX_FILES + 1)]

    response = write(signed_in, child, general, *files)

    assert response.context["form"].errors["attachments"]
    assert not Thread.objects.filter(subject="School letter").exists()


def test_without_an_app_to_check_uploads_every_file_is_refused(
    signed_in, child, general, provide_service
):
    provide_service("check_upload")

    response = write(signed_in, child, general, pdf())

    assert response.context["form"].errors["attachments"]
    assert not Thread.objects.filter(subject="School letter").exists()


def test_a_parents_reply_carries_files_too(signed_in, parent, child, general, clamd):
    thread = services.write_to_team(parent, CHILD, child.pk, general, "Transport", "Hello")

    signed_in.post(
        reverse("messaging:thread", args=[thread.pk]),
        {"body": "Here is the form.", "attachments": [pdf("form.pdf")]},
    )

    assert thread.messages.last().attachments.get().original_name == "form.pdf"


def test_the_caseworker_downloads_the_file_in_the_admin_audited_and_answers_with_one(
    client, parent, caseworker, child, general, authenticated, clamd
):
    from plugins.messaging.attachments.services import check

    thread = services.write_to_team(
        parent, CHILD, child.pk, general, "Letter", "Attached.", attachments=check([pdf()])
    )
    attachment = Attachment.objects.get()
    sign_in_verified(client, caseworker)

    page = client.get(reverse("messaging_team_thread", args=[thread.pk])).content.decode()
    assert reverse("messaging_team_attachment", args=[attachment.pk]) in page
    download = client.get(reverse("messaging_team_attachment", args=[attachment.pk]))
    assert download.status_code == 200
    entry = AuditEntry.objects.get(action="file.downloaded")
    assert (entry.actor, entry.child_record_id) == (caseworker, child.pk)

    client.post(
        reverse("messaging_team_thread", args=[thread.pk]),
        {"body": "Our reply, with the plan.", "attachments": [pdf("plan.pdf")]},
    )
    answer = thread.messages.last()
    assert answer.from_team
    assert answer.attachments.get().original_name == "plan.pdf"


def test_another_familys_files_give_404_and_staff_without_the_inbox_are_refused(
    client, parent, child, general, authenticated, clamd
):
    from plugins.messaging.attachments.services import check

    services.write_to_team(
        parent, CHILD, child.pk, general, "Letter", "Attached.", attachments=check([pdf()])
    )
    attachment = Attachment.objects.get()

    sign_in_verified(client, UserFactory())
    assert client.get(reverse("messaging:attachment", args=[attachment.pk])).status_code == 404

    client.logout()
    sign_in_verified(client, staff("access_admin"))
    response = client.get(reverse("messaging_team_attachment", args=[attachment.pk]))
    assert response.status_code in (302, 403, 404)
    assert not AuditEntry.objects.filter(action="file.downloaded").exists()
