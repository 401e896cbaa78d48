"""Bulk invitations from the child register, for families whose existing cases move to the
portal: a CSV file (council_id, email, language) read in the admin, then sent by a django-q2
task with progress and a report of the rows that failed (unknown child, bad email, unknown
language, no open involvement).

Idempotent: the task claims its run before working (a task delivered twice does nothing the
second time), and a child already invited for that email address (sent, awaiting approval or
activated) is counted, not invited again, so a run started again, or the same file uploaded
twice, sends no second email. The rows of one email address become one invitation, so a
family with several children gets one email.
"""

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from records.models import ChildRecord

from ...models import BulkInvitationRun, CaseInvitation, InvitedChild
from . import services

COLUMNS = ("council_id", "email", "language")
REQUIRED_COLUMNS = ("council_id", "email")
MAX_ROWS = 5000
# A run not heard of for this long lost its worker, and may be claimed again.
STALE_AFTER = timedelta(minutes=10)
TASK_TIMEOUT_SECONDS = 30 * 60


class FileRefused(Exception):
    """The file cannot be read as invitations; the message says why, for staff."""


def read(data):
    """The rows of ``data`` (the CSV file's bytes): ``[{"row", "council_id", "email",
    "language"}]``, row numbers counting the header as row 1."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(_("Save the file as UTF-8 CSV and upload it again.")) from error
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise FileRefused(
            _("The file's header row must name the columns %(columns)s.")
            % {"columns": ", ".join(COLUMNS)}
        )
    reader.fieldnames = header
    rows = [
        {
            "row": number,
            **{column: (values.get(column) or "").strip() for column in COLUMNS},
        }
        for number, values in enumerate(reader, start=2)
        if any((value or "").strip() for value in values.values() if isinstance(value, str))
    ]
    if not rows:
        raise FileRefused(_("The file has no rows under its header."))
    if len(rows) > MAX_ROWS:
        raise FileRefused(_("Upload at most %(count)s rows at a time.") % {"count": MAX_ROWS})
    return rows


def queue(rows, file_name, user):
    """Keep ``rows`` on a new run and queue the task after the commit; returns the run."""
    run = BulkInvitationRun.objects.create(
        created_by=user, file_name=file_name, rows=rows, rows_total=len(rows)
    )
    transaction.on_commit(
        lambda: async_task(
            "plugins.send.casework.invitations.bulk.send_run",
            run.pk,
            task_name=f"send-bulk-invitations-{run.pk}",
            timeout=TASK_TIMEOUT_SECONDS,
        )
    )
    return run


def claim(run_id):
    """The run, marked as running, if this worker may run it; None when it is finished or
    another worker is on it."""
    now = timezone.now()
    runnable = Q(status=BulkInvitationRun.Status.QUEUED) | Q(
        status=BulkInvitationRun.Status.RUNNING, updated_at__lt=now - STALE_AFTER
    )
    claimed = BulkInvitationRun.objects.filter(runnable, pk=run_id).update(
        status=BulkInvitationRun.Status.RUNNING, updated_at=now
    )
    return BulkInvitationRun.objects.get(pk=run_id) if claimed else None


def send_run(run_id):
    """The django-q2 task: send the run's invitations and report the rows that failed."""
    run = claim(run_id)
    if run is None:
        return
    language = getattr(run.created_by, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        _send(run)


def _send(run):
    failures, families = _check(run.rows)
    done = len(failures)
    sent = already = 0
    for (email, language), children in families.items():
        invited = _already_invited(email, children)
        already += len(invited)
        fresh = [child for child in children if child.pk not in invited]
        if fresh:
            services.invite(email, fresh, language, run.created_by)
            sent += 1
        done += len(children)
        run.rows_done, run.invitations_sent, run.already_invited = done, sent, already
        run.save(update_fields=["rows_done", "invitations_sent", "already_invited", "updated_at"])
    run.status = BulkInvitationRun.Status.FINISHED
    run.failures = sorted(failures, key=lambda failure: failure["row"])
    run.rows, run.rows_done = [], run.rows_total
    run.finished_at = timezone.now()
    run.save()


def _check(rows):
    """The failed rows, and the rest grouped by (email, language) → children (each once)."""
    records = {
        record.council_id: record
        for record in ChildRecord.objects.filter(council_id__in=[row["council_id"] for row in rows])
    }
    languages = {code for code, _name in settings.LANGUAGES}
    failures, families = [], {}
    for row in rows:
        email = row["email"].lower()
        language = row["language"].lower() or settings.LANGUAGE_CODE
        child = records.get(row["council_id"])
        try:
            validate_email(email)
            problem = None
        except ValidationError:
            problem = _("The email address is not valid.")
        if problem is None and language not in languages:
            problem = _("The language must be one of %(codes)s.") % {
                "codes": ", ".join(sorted(languages))
            }
        if problem is None and child is None:
            problem = _("No child on the register has this council id.")
        if problem is None and not services.open_involvements(child).exists():
            problem = _("The child has no open involvement.")
        if problem:
            failures.append(
                {
                    "row": row["row"],
                    "council_id": row["council_id"],
                    "email": row["email"],
                    "message": str(problem),
                }
            )
            continue
        family = families.setdefault((email, language), {})
        family.setdefault(child.pk, child)
    return failures, {key: list(children.values()) for key, children in families.items()}


def _already_invited(email, children):
    """The ids of ``children`` already invited for ``email`` and not declined or expired."""
    State = CaseInvitation.State
    live = Q(invitation__state__in=[State.ACCEPTED, State.ACTIVATED]) | Q(
        invitation__state=State.SENT, invitation__expires_at__gt=timezone.now()
    )
    return set(
        InvitedChild.objects.filter(
            live, invitation__email__iexact=email, child_record__in=children
        ).values_list("child_record_id", flat=True)
    )
