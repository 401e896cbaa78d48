"""Printing many submitted forms at once from the council's list: staff tick the forms of the
list's filter, a background task prints each into one ZIP named by reference, the job's page
shows its progress then the download, only to the staff member who asked, every download is
audited, and old prints are deleted."""

import datetime
import zipfile
from io import BytesIO
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from core.models import AuditEntry
from plugins.send.models import PrintJob, SubmissionEvent
from plugins.send.printing import batch, formats, tasks
from tests.conftest import sign_in_verified
from tests.send.factories import SubmissionFactory, published_form
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

NEW = "/admin/send/print-jobs/new/"


@pytest.fixture
def caseworker(client):
    user = staff("access_admin", "view_submission", first_name="Carys", last_name="Casework")
    sign_in_verified(client, user)
    client.user = user
    return client


@pytest.fixture
def sent_forms():
    """Three forms sent to the council, and a draft it must never print."""
    form = published_form(groups=((2, False, 2),), title_en="Request for help")
    sent = [
        SubmissionFactory(
            version=form.live_version,
            status="submitted",
            reference=f"SND-{letter * 10}",
            submitted_at=timezone.now() - datetime.timedelta(hours=number),
            person__forename=f"Child {letter}",
        )
        for number, letter in enumerate("ABC")
    ]
    SubmissionFactory(version=form.live_version, status="draft")
    return sent


def ask_to_print(client, submissions, file_format="pdf", language="en", query="?status=all"):
    return client.post(
        NEW + query,
        {
            "submissions": [submission.pk for submission in submissions],
            "file_format": file_format,
            "language": language,
        },
    )


def zip_names(job):
    job.refresh_from_db()
    with job.file.open("rb") as stream:
        archive = zipfile.ZipFile(BytesIO(stream.read()))
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_list_has_a_tick_box_per_form_and_a_print_button_carrying_its_filter(
    caseworker, sent_forms
):
    page = caseworker.get("/admin/send/submissions/?status=all&q=SND").content.decode()
    assert (
        f'<form id="send-print-forms" class="nice-padding w-mb-4" method="get" action="{NEW}">'
        in page
    )
    assert '<input type="hidden" name="status" value="all">' in page
    assert '<input type="hidden" name="q" value="SND">' in page
    for submission in sent_forms:
        assert (
            f'<input type="checkbox" name="submissions" value="{submission.pk}" '
            'form="send-print-forms"'
        ) in page


def test_the_forms_ticked_on_the_list_are_the_ones_offered(caseworker, sent_forms):
    ticked = f"?status=all&submissions={sent_forms[0].pk}&submissions={sent_forms[2].pk}"
    page = caseworker.get(NEW + ticked).content.decode()
    assert "The forms you ticked on the list." in page
    assert "SND-AAAAAAAAAA" in page and "SND-CCCCCCCCCC" in page
    assert "SND-BBBBBBBBBB" not in page
    assert ask_to_print(caseworker, [sent_forms[1]], query=ticked).status_code == 200
    ask_to_print(caseworker, [sent_forms[0], sent_forms[2]], query=ticked)
    assert set(PrintJob.objects.get().submissions.all()) == {sent_forms[0], sent_forms[2]}


def test_staff_tick_the_forms_of_the_filter_and_get_a_zip_of_files_named_by_reference(
    caseworker, sent_forms, django_capture_on_commit_callbacks
):
    page = caseworker.get(NEW + "?status=all").content.decode()
    assert "3 forms match the list's filter." in page
    for submission in sent_forms:
        assert f'value="{submission.pk}"' in page and "checked" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_to_print(caseworker, sent_forms[:2])
    job = PrintJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/send/print-jobs/{job.pk}/"
    assert (job.requested_by, job.state, job.total, job.done) == (
        caseworker.user,
        PrintJob.State.READY,
        2,
        2,
    )
    files = zip_names(job)
    assert sorted(files) == ["SND-AAAAAAAAAA.pdf", "SND-BBBBBBBBBB.pdf"]
    assert all(content.startswith(b"%PDF-") for content in files.values())
    # Kept under a random name, never one that says whose forms it holds.
    assert job.file.name.startswith("send/print-jobs/") and "SND" not in job.file.name


def test_word_files_in_welsh(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms[:1], file_format="docx", language="cy")
    job = PrintJob.objects.get()
    tasks.print_forms(job.pk)
    assert list(zip_names(job)) == ["SND-AAAAAAAAAA.docx"]
    assert job.language == "cy"


def test_a_form_outside_the_filter_or_a_draft_cannot_be_slipped_in(caseworker, sent_forms):
    draft = SubmissionFactory(status="draft")
    response = ask_to_print(caseworker, [sent_forms[0], draft])
    assert response.status_code == 200
    assert "Nothing was printed" in response.content.decode()
    assert not PrintJob.objects.exists()


def test_no_more_than_the_councils_limit_are_offered(caseworker, sent_forms, settings):
    settings.PORTAL_PRINT_JOB_MAX_FORMS = 2
    page = caseworker.get(NEW + "?status=all").content.decode()
    assert "At most 2 forms are printed at once" in page
    assert f'value="{sent_forms[2].pk}"' not in page  # the oldest, last in the list's order
    assert ask_to_print(caseworker, sent_forms).status_code == 200
    assert not PrintJob.objects.exists()


def test_the_jobs_page_shows_n_of_m_and_refreshes_until_the_download_is_ready(
    caseworker, sent_forms
):
    ask_to_print(caseworker, sent_forms)
    job = PrintJob.objects.get()
    url = f"/admin/send/print-jobs/{job.pk}/"
    waiting = caseworker.get(url).content.decode()
    assert "Waiting to start" in waiting and "0 of 3 forms printed." in waiting
    assert '<meta http-equiv="refresh" content="3">' in waiting
    seen_while_printing = []
    real = formats.print_file

    def looking_at_the_page(*args, **kwargs):
        seen_while_printing.append(caseworker.get(url).content.decode())
        return real(*args, **kwargs)

    with mock.patch.object(formats, "print_file", side_effect=looking_at_the_page):
        tasks.print_forms(job.pk)
    running = seen_while_printing[2]
    assert "Printing" in running and "2 of 3 forms printed." in running
    assert '<meta http-equiv="refresh" content="3">' in running
    ready = caseworker.get(url).content.decode()
    assert "Ready to download" in ready and "3 of 3 forms" in ready
    assert f"/admin/send/print-jobs/{job.pk}/download/" in ready
    assert 'http-equiv="refresh"' not in ready


def test_a_form_that_cannot_be_printed_is_named_and_the_others_are_printed(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms)
    job = PrintJob.objects.get()
    real = formats.print_file

    def broken_for_b(file_format, schema, answers, options, language, submission=None):
        if submission.reference == "SND-BBBBBBBBBB":
            raise ValueError("a broken form")
        return real(file_format, schema, answers, options, language, submission=submission)

    with mock.patch.object(formats, "print_file", side_effect=broken_for_b):
        tasks.print_forms(job.pk)
    job.refresh_from_db()
    assert job.state == PrintJob.State.READY and job.failures == ["SND-BBBBBBBBBB"]
    assert sorted(zip_names(job)) == ["SND-AAAAAAAAAA.pdf", "SND-CCCCCCCCCC.pdf"]
    page = caseworker.get(f"/admin/send/print-jobs/{job.pk}/").content.decode()
    assert "Forms not printed" in page and "SND-BBBBBBBBBB" in page


def test_a_job_where_no_form_could_be_printed_fails_without_a_file(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms[:1])
    job = PrintJob.objects.get()
    with mock.patch.object(formats, "print_file", side_effect=ValueError("broken")):
        tasks.print_forms(job.pk)
    job.refresh_from_db()
    assert (job.state, job.file.name, job.failures) == (
        PrintJob.State.FAILED,
        "",
        ["SND-AAAAAAAAAA"],
    )
    assert (
        "None of the forms could be printed."
        in caseworker.get(f"/admin/send/print-jobs/{job.pk}/").content.decode()
    )


def stored_zips():
    if not default_storage.exists("send/print-jobs"):
        return set()
    return set(default_storage.listdir("send/print-jobs")[1])


def test_an_unexpected_error_fails_the_job_and_leaves_no_file_behind(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms[:1])
    job = PrintJob.objects.get()
    before = stored_zips()
    with mock.patch.object(batch, "record_council_print", side_effect=RuntimeError("gone")):
        tasks.print_forms(job.pk)
    job.refresh_from_db()
    assert (job.state, job.file.name) == (PrintJob.State.FAILED, "")
    assert stored_zips() == before
    assert not SubmissionEvent.objects.filter(action=SubmissionEvent.Action.PRINTED).exists()


def test_a_task_delivered_twice_prints_each_form_once(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms)
    job = PrintJob.objects.get()
    with mock.patch.object(formats, "print_file", wraps=formats.print_file) as printing:
        tasks.print_forms(job.pk)
        tasks.print_forms(job.pk)
    assert printing.call_count == 3
    printed = SubmissionEvent.objects.filter(action=SubmissionEvent.Action.PRINTED)
    assert printed.count() == 3
    assert set(printed.values_list("user", flat=True)) == {caseworker.user.pk}


def test_a_job_whose_worker_was_lost_is_printed_again_by_the_retry(
    caseworker, sent_forms, settings
):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "retry": 300}
    assert batch.stale_after() == datetime.timedelta(seconds=150)
    ask_to_print(caseworker, sent_forms[:1])
    job = PrintJob.objects.get()
    lost = timezone.now() - batch.stale_after() - datetime.timedelta(minutes=1)
    PrintJob.objects.filter(pk=job.pk).update(state=PrintJob.State.RUNNING, done=1)
    # Still running elsewhere as far as anyone knows: the task fails, so django-q2 hands it
    # out again later instead of forgetting the job.
    with pytest.raises(tasks.PrintJobBusy):
        tasks.print_forms(job.pk)
    assert PrintJob.objects.get(pk=job.pk).state == PrintJob.State.RUNNING
    PrintJob.objects.filter(pk=job.pk).update(updated_at=lost)
    assert "Start it again" in caseworker.get(f"/admin/send/print-jobs/{job.pk}/").content.decode()
    tasks.print_forms(job.pk)
    assert PrintJob.objects.get(pk=job.pk).state == PrintJob.State.READY


def test_the_requester_downloads_the_zip_and_each_form_is_audited(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms[:2])
    job = PrintJob.objects.get()
    tasks.print_forms(job.pk)
    response = caseworker.get(f"/admin/send/print-jobs/{job.pk}/download/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert job.file_name in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert sorted(zipfile.ZipFile(BytesIO(content)).namelist()) == [
        "SND-AAAAAAAAAA.pdf",
        "SND-BBBBBBBBBB.pdf",
    ]
    rows = AuditEntry.objects.filter(action="print_job.downloaded")
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(
        str(submission.pk) for submission in sent_forms[:2]
    )
    assert {row.actor for row in rows} == {caseworker.user}


def test_another_staff_members_print_gives_404(client, caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms)
    job = PrintJob.objects.get()
    tasks.print_forms(job.pk)
    colleague = staff("access_admin", "view_submission", email="colleague@example.org")
    sign_in_verified(client, colleague)
    for url in (f"/admin/send/print-jobs/{job.pk}/", f"/admin/send/print-jobs/{job.pk}/download/"):
        assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(action="print_job.downloaded").exists()


def test_staff_who_do_not_see_submitted_forms_cannot_print_them(client, sent_forms):
    builder = staff("access_admin", "build_forms", email="builder@example.org")
    sign_in_verified(client, builder)
    assert client.get(NEW + "?status=all").status_code in (302, 403)
    assert ask_to_print(client, sent_forms).status_code in (302, 403)
    assert not PrintJob.objects.exists()


def test_a_print_not_yet_ready_cannot_be_downloaded(caseworker, sent_forms):
    ask_to_print(caseworker, sent_forms)
    job = PrintJob.objects.get()
    assert caseworker.get(f"/admin/send/print-jobs/{job.pk}/download/").status_code == 404


def test_prints_and_their_files_are_deleted_after_the_councils_number_of_days(
    caseworker, sent_forms, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PRINT_JOB_KEEP_DAYS = 7
    ask_to_print(caseworker, sent_forms[:1])
    old = PrintJob.objects.get()
    tasks.print_forms(old.pk)
    old.refresh_from_db()
    storage, name = old.file.storage, old.file.name
    PrintJob.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    ask_to_print(caseworker, sent_forms[1:2])
    with django_capture_on_commit_callbacks(execute=True):
        assert batch.purge_expired() == 1
    assert list(PrintJob.objects.all()) == [PrintJob.objects.exclude(pk=old.pk).get()]
    assert not storage.exists(name)
    assert batch.purge_expired() == 0


def test_staff_start_again_a_print_whose_worker_was_lost(
    caseworker, sent_forms, django_capture_on_commit_callbacks
):
    ask_to_print(caseworker, sent_forms[:1])
    job = PrintJob.objects.get()
    url = f"/admin/send/print-jobs/{job.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        caseworker.post(url)  # not stalled: nothing is queued
    assert PrintJob.objects.get(pk=job.pk).state == PrintJob.State.QUEUED
    lost = timezone.now() - batch.stale_after() - datetime.timedelta(minutes=1)
    PrintJob.objects.filter(pk=job.pk).update(state=PrintJob.State.RUNNING, updated_at=lost)
    with django_capture_on_commit_callbacks(execute=True):
        assert caseworker.post(url).url == url
    assert PrintJob.objects.get(pk=job.pk).state == PrintJob.State.READY
