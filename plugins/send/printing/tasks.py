"""The background task that prints many forms (``batch``): queued after the request's
transaction commits, idempotent, retried by django-q2 when a worker is lost."""

from django.db import transaction
from django_q.tasks import async_task

from ..models import PrintJob
from . import batch

# Longer than the largest job should take (PORTAL_PRINT_JOB_MAX_FORMS forms), so the worker
# does not stop one half-way.
PRINT_TIMEOUT_SECONDS = 30 * 60


def queue_job(job):
    """Queue the printing of ``job`` once the current transaction commits. Queuing a job
    twice is harmless: the task claims it first (``batch.claim``)."""
    transaction.on_commit(
        lambda: async_task(
            "plugins.send.printing.tasks.print_forms",
            job.pk,
            task_name=f"send-print-job-{job.pk}",
            timeout=PRINT_TIMEOUT_SECONDS,
        )
    )


class PrintJobBusy(Exception):
    """Another worker is printing the job, or was until lately: try again later."""


def print_forms(job_id):
    """Print the job unless it is finished or another worker is printing it (a task may be
    delivered twice). Finding it running, the task fails, so django-q2 hands it out again
    ``Q_RETRY`` seconds later: by then the job has finished (and the repeat does nothing) or
    its worker was lost and the job is stale (and the repeat prints it)."""
    job = batch.claim(job_id)
    if job is not None:
        batch.print_job(job)
    elif PrintJob.objects.filter(pk=job_id, state=PrintJob.State.RUNNING).exists():
        raise PrintJobBusy(f"Print job {job_id} is being printed by another worker.")
