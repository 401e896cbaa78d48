"""The import's background task: queued after the upload's transaction commits, idempotent."""

from django.db import transaction
from django.utils import translation
from django_q.tasks import async_task

from . import importing
from .models import ImportRun

# Longer than any import should take, so the worker does not stop a large one half-way.
IMPORT_TIMEOUT_SECONDS = 30 * 60


def queue_import(upload, user):
    """Keep ``upload`` (a CSV file) on a new ImportRun and queue its import; returns the run."""
    run = ImportRun.objects.create(created_by=user, file_name=upload.name, file=upload)
    queue_run(run)
    return run


def queue_run(run):
    """Queue the import of ``run`` once the current transaction commits. Queuing a run twice
    is harmless: the task claims it first (``importing.claim``)."""
    transaction.on_commit(
        lambda: async_task(
            "records.tasks.import_child_records",
            run.pk,
            task_name=f"records-import-{run.pk}",
            timeout=IMPORT_TIMEOUT_SECONDS,
        )
    )


def import_child_records(run_id):
    """Import the run's file unless the run is finished or already being imported (a task may
    be delivered twice), then delete the file: it is personal data."""
    run = importing.claim(run_id)
    if run is None:
        return
    language = getattr(run.created_by, "preferred_language", "") or translation.get_language()
    with translation.override(language), run.file.open("rb") as upload:
        data = upload.read()
        importing.run_import(run, data)
    run.file.delete(save=True)
