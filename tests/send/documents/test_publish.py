"""Staff publish a document on a child's involvement: only a real PDF or Word document,
scanned by clamd (the EICAR test file refused, nothing kept when the scanner is down), to
everyone authenticated on the child or to chosen ones, each told in their language; staff see
who has opened it and withdraw it with a reason. Every step is in the audit log."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from plugins.send.casework.documents import services
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import Document, DocumentRecipient
from tests.conftest import sign_in_verified
from tests.factories import child_record
from tests.send.test_council_submissions import staff
from tests.send.test_uploads import docx_file, eicar, image_file, pdf_file

from .conftest import publish

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_with_virus():
    """A real Word package that also holds the EICAR test file: clamd looks inside it."""
    buffer = io.BytesIO(docx_file())
    with zipfile.ZipFile(buffer, "a") as package:
        package.writestr("word/media/eicar.com", eicar())
    return buffer.getvalue()


def publish_url(involvement):
    return reverse("send_document_publish", args=[involvement.pk])


def form(name, content, **fields):
    return {
        "file": SimpleUploadedFile(name, content),
        "description": "EHC needs assessment decision letter",
        "document_date": "2026-02-03",
        "audience": "everyone",
        **fields,
    }


def test_staff_publish_a_pdf_to_everyone_authenticated_on_the_child(
    clamd,
    managing,
    involvement,
    authenticated,
    parent,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = managing.post(publish_url(involvement), form("decision.pdf", pdf_file()))

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.original_name == "decision.pdf" and document.content_type == "application/pdf"
    assert document.for_everyone
    assert list(document.recipients.values_list("user", flat=True)) == [parent.pk]
    entry = AuditEntry.objects.get(action="document.published")
    assert entry.actor == managing.user and entry.child_record_id == involvement.child_record_id
    [message] = [mail for mail in mailoutbox if "document" in mail.subject]
    assert message.subject == "A new document about Mali Evans to view"
    assert "EHC needs assessment decision letter" in message.body
    assert f"/send/children/{involvement.child_record_id}/documents/" in message.body


def test_a_word_document_is_published_too(clamd, managing, involvement, authenticated):
    managing.post(publish_url(involvement), form("plan.docx", docx_file()))
    assert Document.objects.get().content_type == DOCX


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        pytest.param("letter.pdf", b"just some text", "not a real PDF file", id="pdf in name only"),
        pytest.param(
            "photo.png", image_file("PNG"), "Upload a file in PDF, DOC or DOCX format", id="image"
        ),
    ],
)
def test_a_file_that_is_not_really_a_pdf_or_word_document_is_refused(
    managing, involvement, authenticated, name, content, words
):
    response = managing.post(publish_url(involvement), form(name, content))

    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors["file"])
    assert not Document.objects.exists()


def test_a_file_with_a_virus_is_refused_with_a_clear_message(
    clamd, managing, involvement, authenticated, mailoutbox
):
    response = managing.post(publish_url(involvement), form("plan.docx", word_with_virus()))

    assert response.status_code == 200
    assert "virus" in " ".join(response.context["form"].errors["file"])
    assert not Document.objects.exists() and not mailoutbox


def test_nothing_is_published_while_the_scanner_is_down(
    managing, involvement, authenticated, settings, tmp_path
):
    settings.PORTAL_CLAMD_SOCKET = str(tmp_path / "no-clamd.sock")

    response = managing.post(publish_url(involvement), form("letter.pdf", pdf_file()))

    assert response.context["form"].errors["file"] == [
        "We could not check your file for viruses. Try again later."
    ]
    assert not Document.objects.exists()


def test_a_document_goes_only_to_the_people_chosen(
    clamd,
    managing,
    involvement,
    authenticated,
    second_parent,
    parent,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        managing.post(
            publish_url(involvement),
            form("letter.pdf", pdf_file(), audience="chosen", people=[second_parent.pk]),
        )

    document = Document.objects.get()
    assert not document.for_everyone
    assert list(document.recipients.values_list("user", flat=True)) == [second_parent.pk]
    assert [mail.to for mail in mailoutbox if "document" in mail.subject] == [[second_parent.email]]


def test_choosing_nobody_is_refused(managing, involvement, authenticated):
    response = managing.post(
        publish_url(involvement), form("letter.pdf", pdf_file(), audience="chosen")
    )
    assert response.context["form"].errors["people"] == ["Choose at least one person."]


def test_only_people_authenticated_on_the_child_may_be_chosen(
    involvement, authenticated, caseworker, professional
):
    with pytest.raises(services.NotAllowed):
        publish(involvement, caseworker, chosen=[professional])
    assert not Document.objects.exists()


def test_nothing_is_published_on_a_closed_involvement(involvement, authenticated, caseworker):
    involvements.close(involvement, caseworker, "Plan not needed.")
    with pytest.raises(services.NotAllowed):
        publish(involvement, caseworker)


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "A new document about Mali Evans to view"),
        ("cy", "Dogfen newydd am Mali Evans i’w gweld"),
    ],
)
def test_each_recipient_is_told_in_their_language(
    language,
    subject,
    involvement,
    authenticated,
    parent,
    caseworker,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    parent.preferred_language = language
    parent.save()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(involvement, caseworker)
    [message] = mailoutbox
    assert message.subject == subject
    assert ("/cy/send/children/" in message.body) == (language == "cy")


def test_staff_see_who_has_opened_the_document(
    client, managing, involvement, authenticated, parent, second_parent, caseworker
):
    document = publish(involvement, caseworker)
    DocumentRecipient.objects.filter(user=parent).update(opened_at="2026-03-04T10:00:00Z")

    page = managing.get(reverse("send_document", args=[involvement.pk, document.pk]))
    case = managing.get(reverse("send_involvement", args=[involvement.pk]))

    rows = page.content.decode().split("data-recipients")[1]
    assert "4 Mar 2026" in rows and "Not opened" in rows
    assert "Decision letter" in case.content.decode()
    assert "1 person" in case.content.decode().split("data-documents")[1]


def test_staff_download_is_audited(managing, involvement, authenticated, caseworker):
    document = publish(involvement, caseworker)
    response = managing.get(reverse("send_document_download", args=[involvement.pk, document.pk]))
    assert b"".join(response.streaming_content) == pdf_file()
    assert AuditEntry.objects.filter(action="file.downloaded", actor=managing.user).count() == 1


def test_withdrawing_needs_a_reason_and_is_audited(
    managing, involvement, authenticated, caseworker
):
    document = publish(involvement, caseworker)
    url = reverse("send_document", args=[involvement.pk, document.pk])

    assert managing.post(url, {"reason": ""}).status_code == 200
    response = managing.post(url, {"reason": "Sent to the wrong family."})

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_withdrawn and document.withdrawn_reason == "Sent to the wrong family."
    assert AuditEntry.objects.get(action="document.withdrawn").detail == "Sent to the wrong family."
    with pytest.raises(services.NotAllowed):
        services.withdraw(document, caseworker, "Again.")


def test_staff_without_the_casework_permission_cannot_publish_or_open_documents(
    client, involvement, authenticated, caseworker
):
    document = publish(involvement, caseworker)
    reviewer = staff("access_admin", "view_submission")
    sign_in_verified(client, reviewer)

    for url in [
        publish_url(involvement),
        reverse("send_document", args=[involvement.pk, document.pk]),
        reverse("send_document_download", args=[involvement.pk, document.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url


def test_a_document_of_another_involvement_gives_404_through_this_one(
    managing, involvement, authenticated, caseworker
):
    document = publish(involvement, caseworker)
    other = involvements.open_involvement(
        child_record("C0009010", forename="Osian"), "england_ehc_needs_assessment", caseworker
    )

    for name in ("send_document", "send_document_download"):
        assert managing.get(reverse(name, args=[other.pk, document.pk])).status_code == 404
