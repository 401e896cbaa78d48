"""Uploaded files leave storage only when their rows are gone for good: after the removal
commits, never before a rollback, and on every path that deletes file rows."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services, uploads
from plugins.send.filling.jobs import purge_drafts
from plugins.send.models import SendSettings, Submission, SubmissionFile
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    """Raised to roll a transaction back on purpose."""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def link():
    return PersonLinkFactory()


def draft_with_file_question(link, repeating=False):
    form = FormDefinitionFactory()
    place(
        GroupFactory(form=form, number=2, repeating=repeating),
        QuestionFactory(code="REPORT", data_type="file"),
        QuestionFactory(code="REPORT_ABOUT"),
    )
    builder.publish(form)
    form.refresh_from_db()
    submission = services.start(link.user, link.person, form)
    return submission, FormSchema(submission.version.schema).group(2)


def stored_file(submission, repeat_index=0, name="report.pdf"):
    return SubmissionFile.objects.create(
        submission=submission,
        question_code="REPORT",
        repeat_index=repeat_index,
        file=ContentFile(b"%PDF-1.4 report", name=name),
        original_name=name,
        content_type="application/pdf",
        size=15,
        sha256="0" * 64,
    )


def in_storage(upload):
    return upload.file.storage.exists(upload.file.name)


def save(submission, group, link, repeat_count=1, files=()):
    submission.refresh_from_db()
    answers = {(i, "REPORT_ABOUT"): f"Report {i}" for i in range(repeat_count)}
    return services.save_step(
        submission, group, answers, repeat_count, submission.revision, link.user, files
    )


def test_a_removed_file_leaves_storage_once_the_removal_commits(
    link, django_capture_on_commit_callbacks
):
    submission, group = draft_with_file_question(link)
    upload = stored_file(submission)
    save(submission, group, link, files=[upload])
    with django_capture_on_commit_callbacks() as callbacks:
        uploads.remove_file(submission, upload.pk, link.user)
        # The row is gone, the file waits for the commit.
        assert not SubmissionFile.objects.filter(pk=upload.pk).exists()
        assert in_storage(upload)
    for callback in callbacks:
        callback()
    assert not in_storage(upload)
    assert not submission.answers.filter(question_code="REPORT").exists()


def test_a_removal_that_rolls_back_keeps_the_file(link, django_capture_on_commit_callbacks):
    submission, group = draft_with_file_question(link)
    upload = stored_file(submission)
    save(submission, group, link, files=[upload])
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        uploads.remove_file(submission, upload.pk, link.user)
        raise Rollback
    assert SubmissionFile.objects.filter(pk=upload.pk).exists()
    assert in_storage(upload)


def test_removing_a_repeating_item_deletes_its_files(link, django_capture_on_commit_callbacks):
    submission, group = draft_with_file_question(link, repeating=True)
    first, second = (
        stored_file(submission, 0, "first.pdf"),
        stored_file(submission, 1, "second.pdf"),
    )
    save(submission, group, link, repeat_count=2, files=[first, second])
    with django_capture_on_commit_callbacks(execute=True):
        save(submission, group, link, repeat_count=1)
    assert list(SubmissionFile.objects.all()) == [first]
    assert in_storage(first) and not in_storage(second)


def test_a_file_chosen_again_replaces_the_stored_one(link, django_capture_on_commit_callbacks):
    submission, group = draft_with_file_question(link)
    old = stored_file(submission, name="old.pdf")
    save(submission, group, link, files=[old])
    new = stored_file(submission, name="new.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        save(submission, group, link, files=[new])
    assert submission.answers.get(question_code="REPORT").value == new.pk
    assert list(SubmissionFile.objects.all()) == [new]
    assert not in_storage(old) and in_storage(new)


def test_a_file_accepted_on_a_page_with_errors_replaces_the_stored_one(
    link, django_capture_on_commit_callbacks
):
    submission, group = draft_with_file_question(link)
    old = stored_file(submission, name="old.pdf")
    save(submission, group, link, files=[old])
    new = stored_file(submission, name="new.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        uploads.attach_files(submission, group, [new], link.user)
    assert submission.answers.get(question_code="REPORT").value == new.pk
    assert list(SubmissionFile.objects.all()) == [new]
    assert not in_storage(old)


def test_a_stale_save_deletes_the_files_it_brought(link, django_capture_on_commit_callbacks):
    submission, group = draft_with_file_question(link)
    save(submission, group, link)  # saved elsewhere after the page below was loaded
    upload = stored_file(submission)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.StaleStep):
        services.save_step(submission, group, {}, 1, 0, link.user, [upload])
    assert not SubmissionFile.objects.exists()
    assert not in_storage(upload)


def test_a_purged_drafts_files_leave_storage(link, django_capture_on_commit_callbacks):
    settings = SendSettings.load()
    settings.purge_drafts_after_days = 30
    settings.save()
    submission, group = draft_with_file_question(link)
    upload = stored_file(submission)
    save(submission, group, link, files=[upload])
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - timedelta(days=31),
        purge_warned_at=timezone.now() - timedelta(days=8),
    )
    with django_capture_on_commit_callbacks(execute=True):
        purge_drafts()
    assert not Submission.objects.exists()
    assert not in_storage(upload)
