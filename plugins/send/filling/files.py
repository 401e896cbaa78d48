"""The one way uploaded files leave storage.

A stored file is deleted only after the transaction that deleted its ``SubmissionFile`` row
commits: deleted earlier, a rollback would leave a row pointing at nothing. Every path that
deletes file rows (taking a file off a draft, removing a repeating item, replacing a file,
a stale save, purging old drafts) goes through here, so no file outlives its row."""

from django.db import transaction

from ..models import SubmissionFile


def delete_stored_files_after_commit(files):
    """Delete the stored files of ``files`` (``SubmissionFile`` rows, or a queryset of them,
    read now) once the surrounding transaction commits; at once outside a transaction.
    A rollback keeps them."""
    stored = [(row.file.storage, row.file.name) for row in files if row.file]

    def delete():
        for storage, name in stored:
            storage.delete(name)

    if stored:
        transaction.on_commit(delete)


def delete_files(files):
    """Delete ``SubmissionFile`` rows (a queryset or a list), and their stored files after
    commit."""
    rows = list(files)
    if not rows:
        return
    with transaction.atomic():
        delete_stored_files_after_commit(rows)
        SubmissionFile.objects.filter(pk__in=[row.pk for row in rows]).delete()
