"""Printing many submitted forms at once, in the background: staff choose the forms and a
format, a task prints each form with the same code as a single printout (``formats``) into
one ZIP, and only the staff member who asked may download it, for a few days.

A job moves queued → running → ready (or failed, when no form could be printed). The task
may be delivered twice or retried: :func:`claim` lets one worker at a time run a job and
never runs a finished one again; a worker lost half-way leaves a stale job that the retry
prints again from the start, and what a finished job records (each form's "printed" event)
is written once, with its finishing, in one transaction."""

import logging
import tempfile
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core import audit
from portal import access

from ..builder.schema import FormSchema
from ..council.services import record_council_print
from ..filling.answers import load_answers
from ..filling.files import delete_stored_files_after_commit
from ..models import PrintJob
from . import formats
from .documents import PrintOptions

logger = logging.getLogger(__name__)


def stale_after():
    """How long a running job's worker may be silent before the job counts as lost. The worker
    updates the job after every form (seconds apart). Half the task queue's retry period
    (``Q_RETRY``), so the job is stale by the time django-q2 hands the task of a killed worker
    out again, and that repeat prints it."""
    return timedelta(seconds=settings.Q_CLUSTER["retry"] / 2)


def max_forms():
    """How many forms one job may print (``PORTAL_PRINT_JOB_MAX_FORMS``)."""
    return settings.PORTAL_PRINT_JOB_MAX_FORMS


def keep_days():
    """How many days a job and its ZIP are kept (``PORTAL_PRINT_JOB_KEEP_DAYS``)."""
    return settings.PORTAL_PRINT_JOB_KEEP_DAYS


def request_print(user, submissions, file_format, language):
    """A new queued job printing ``submissions`` (forms ``user`` may see; at most
    :func:`max_forms`) as ``file_format`` files in ``language``, queued for a worker once
    the current transaction commits."""
    from .tasks import queue_job

    submissions = list(submissions)
    if not 0 < len(submissions) <= max_forms():
        raise ValueError(f"A print job holds 1 to {max_forms()} forms, not {len(submissions)}.")
    if file_format not in formats.FILE_FORMATS:
        raise ValueError(f"Unknown file format {file_format!r}.")
    with transaction.atomic():
        job = PrintJob.objects.create(
            requested_by=user, file_format=file_format, language=language, total=len(submissions)
        )
        job.submissions.set(submissions)
        queue_job(job)
    return job


def is_stalled(job):
    """True when ``job`` says it is printing but its worker has not been heard of for so
    long that it was lost."""
    return job.state == PrintJob.State.RUNNING and job.updated_at < timezone.now() - stale_after()


def claim(job_id):
    """The job, marked as running, if this caller may print it; None when it is finished or
    another worker is on it."""
    now = timezone.now()
    runnable = Q(state=PrintJob.State.QUEUED) | Q(
        state=PrintJob.State.RUNNING, updated_at__lt=now - stale_after()
    )
    claimed = PrintJob.objects.filter(runnable, pk=job_id).update(
        state=PrintJob.State.RUNNING, updated_at=now, done=0, failures=[]
    )
    return PrintJob.objects.select_related("requested_by").get(pk=job_id) if claimed else None


def print_job(job):
    """Print every form of a claimed ``job`` into its ZIP and finish it. A form that cannot
    be printed is named in the job's failures; the others are still printed. Anything else
    going wrong (storage, database) fails the job, which its page then says."""
    try:
        _print_forms(job)
    except Exception:
        logger.exception("Print job %s stopped", job.pk)
        PrintJob.objects.filter(pk=job.pk).update(
            state=PrintJob.State.FAILED, finished_at=timezone.now()
        )


def _print_forms(job):
    user = job.requested_by
    chosen = job.submissions.order_by("reference", "pk")
    visible = access.scoped(user, "send.submission", chosen).select_related("version", "person")
    # A form sent back to its family since the job was asked for is no longer the council's.
    hidden = chosen.exclude(pk__in=visible.values("pk"))
    printed, failures = [], [form.reference or str(form.pk) for form in hidden]
    PrintJob.objects.filter(pk=job.pk).update(done=len(failures), updated_at=timezone.now())
    with tempfile.TemporaryFile() as spool:
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
            for submission in visible:
                name = f"{submission.reference or submission.pk}.{job.file_format}"
                try:
                    archive.writestr(name, _print_one(job, submission))
                    printed.append(submission)
                except Exception:
                    # One broken form must not cost the staff member the rest of the print.
                    logger.exception("Print job %s could not print form %s", job.pk, name)
                    failures.append(submission.reference or str(submission.pk))
                PrintJob.objects.filter(pk=job.pk).update(
                    done=len(printed) + len(failures), updated_at=timezone.now()
                )
        _finish(job, spool, printed, failures)


def _print_one(job, submission):
    schema = FormSchema(submission.version.schema)
    return formats.print_file(
        job.file_format,
        schema,
        load_answers(submission),
        PrintOptions(),
        job.language,
        submission=submission,
    )


def _finish(job, spool, printed, failures):
    """The ZIP, the job's outcome and each printed form's "printed" event, all or nothing."""
    job.done = len(printed) + len(failures)
    job.failures = sorted(failures)
    job.finished_at = timezone.now()
    job.state = PrintJob.State.READY if printed else PrintJob.State.FAILED
    try:
        with transaction.atomic():
            if printed:
                spool.seek(0)
                job.file.save("forms.zip", File(spool), save=False)
            job.save()
            for submission in printed:
                record_council_print(submission, job.requested_by, job.file_format)
    except Exception:
        if job.file:  # the rows rolled back: the stored ZIP would belong to nobody
            job.file.delete(save=False)
        raise


def record_download(job, request):
    """The requester downloaded the ZIP: one audit row per form in it, so each child's
    audit trail shows who took their form away."""
    printed = job.submissions.exclude(reference__in=job.failures).select_related("person")
    for submission in printed:
        audit.record(
            request.user,
            "print_job.downloaded",
            submission,
            f"{job.file_name} ({job.file_format})",
            request=request,
        )


def purge_expired(now=None):
    """Delete the jobs, and their ZIPs, requested more than :func:`keep_days` ago; returns
    how many went. Running it again deletes nothing more."""
    cutoff = (now or timezone.now()) - timedelta(days=keep_days())
    expired = PrintJob.objects.filter(created_at__lt=cutoff)
    with transaction.atomic():
        delete_stored_files_after_commit(expired)
        _deleted, by_model = expired.delete()
    return by_model.get(PrintJob._meta.label, 0)
