import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from records import importing, tasks
from records.models import ChildRecord, ImportRun

from .test_import import GOOD


def queued_run(**fields):
    run = ImportRun.objects.create(file_name="register.csv", **fields)
    run.file.save("register.csv", ContentFile(GOOD.encode()))
    return run


def test_the_task_imports_a_queued_run_and_deletes_its_file(db):
    run = queued_run()
    tasks.import_child_records(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED
    assert ChildRecord.objects.count() == 2
    assert not run.file


def test_a_finished_run_is_not_redone_when_its_task_comes_again(db):
    run = queued_run(status=ImportRun.Status.FAILED)
    tasks.import_child_records(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert not ChildRecord.objects.exists()


def test_a_run_another_worker_is_importing_is_left_to_it(db):
    run = queued_run(status=ImportRun.Status.IMPORTING)
    assert importing.claim(run.pk) is None


def test_a_run_whose_worker_was_lost_is_started_again(db):
    run = queued_run(status=ImportRun.Status.IMPORTING)
    lost = timezone.now() - importing.STALE_AFTER - datetime.timedelta(minutes=1)
    ImportRun.objects.filter(pk=run.pk).update(updated_at=lost)
    tasks.import_child_records(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED
