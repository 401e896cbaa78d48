"""Bulk invitations from the child register: a CSV file (council_id, email, language) is sent
by a background task with progress and a report of the rows that failed; the rows of one
email address become one invitation; running it again, or uploading the same file twice,
sends no second email."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plugins.send.casework.invitations import bulk
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import BulkInvitationRun, CaseInvitation
from tests.factories import child_record

pytestmark = pytest.mark.django_db

FILE = (
    "council_id,email,language\n"
    "C0009001,nia@example.org,cy\n"
    "C0009002,nia@example.org,cy\n"
    "C0009003,other@example.org,en\n"
    "NOPE,someone@example.org,en\n"
    "C0009001,not-an-email,en\n"
    "C0009004,carer@example.org,fr\n"
)


@pytest.fixture
def register(involvement, caseworker):
    """Mali (C0009001, the involvement tests' child) and her brother Ifan have open cases;
    Cara (C0009003) has none; C0009004 is on the register too."""
    ifan = child_record("C0009002", forename="Ifan", surname="Evans")
    involvements.open_involvement(ifan, "england_ehc_needs_assessment", caseworker)
    child_record("C0009003", forename="Cara", surname="Hughes")
    child_record("C0009004", forename="Dewi", surname="Hughes")


def upload(managing, text, name="families.csv"):
    return managing.post(
        reverse("send_invitations_bulk"),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


def test_the_upload_sends_one_invitation_per_family_and_reports_each_failure(
    managing, register, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(managing, FILE)
    run = BulkInvitationRun.objects.get()
    assert response["Location"] == reverse("send_invitations_bulk_run", args=[run.pk])
    assert run.status == BulkInvitationRun.Status.FINISHED and run.rows == []
    assert (run.rows_total, run.invitations_sent, run.already_invited) == (6, 1, 0)
    family = CaseInvitation.objects.get()
    assert family.email == "nia@example.org" and family.language == "cy"
    assert family.children.count() == 2
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nia@example.org"]
    reasons = {failure["row"]: failure["message"] for failure in run.failures}
    assert reasons == {
        4: "The child has no open involvement.",
        5: "No child on the register has this council id.",
        6: "The email address is not valid.",
        7: "The language must be one of cy, en.",
    }
    page = managing.get(response["Location"]).content.decode()
    assert (
        "Invitations sent</dt><dd>1<" in page
        and "No child on the register has this council id." in page
    )


def test_uploading_the_same_file_again_sends_no_second_email(
    managing, register, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(managing, FILE)
        upload(managing, FILE)
    second = BulkInvitationRun.objects.first()
    assert (second.invitations_sent, second.already_invited) == (0, 2)
    assert CaseInvitation.objects.count() == 1 and len(mailoutbox) == 1


def test_a_run_delivered_twice_is_sent_once(managing, register, caseworker):
    rows = bulk.read(FILE.encode())
    run = BulkInvitationRun.objects.create(created_by=caseworker, rows=rows, rows_total=len(rows))
    bulk.send_run(run.pk)
    bulk.send_run(run.pk)
    assert CaseInvitation.objects.count() == 1


def test_a_declined_invitation_does_not_stop_a_new_one(managing, register, caseworker):
    from plugins.send.casework.invitations import services

    rows = bulk.read(b"council_id,email\nC0009001,nia@example.org\n")
    first = BulkInvitationRun.objects.create(created_by=caseworker, rows=rows, rows_total=1)
    bulk.send_run(first.pk)
    services.decline(CaseInvitation.objects.get(), caseworker, "Sent to the wrong person.")
    again = BulkInvitationRun.objects.create(created_by=caseworker, rows=rows, rows_total=1)
    bulk.send_run(again.pk)
    again.refresh_from_db()
    assert again.invitations_sent == 1 and CaseInvitation.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,email\nA,a@example.org\n", "header row must name the columns"),
        ("council_id,email,language\n", "no rows under its header"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_at_once(managing, content, message):
    response = upload(managing, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not BulkInvitationRun.objects.exists()


def test_a_file_that_is_not_csv_is_refused(managing):
    response = upload(managing, FILE, name="families.xlsx")
    assert "Choose a .csv file." in response.content.decode()
