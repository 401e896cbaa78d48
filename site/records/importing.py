"""Import from CSV: the council system's export of children, upserted by council id.

Every row is checked first and every problem listed (row number and column); the register is
written only when there are none, in one transaction. Checks and writes work on batches of rows
(existing records loaded by council id in bulk, bulk inserts and updates), so 100,000 rows take
minutes: no query is made per row. Row 1 is the header, so the first child is row 2.
"""

import csv
import io
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import events

from . import identifiers, services
from .models import ChildAddress, ChildRecord, Gender, ImportRun, Source

logger = logging.getLogger(__name__)

COLUMNS = (
    "council_id",
    "upn",
    "nhs_number",
    "forename",
    "middle_names",
    "surname",
    "preferred_name",
    "date_of_birth",
    "gender",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
)
REQUIRED_COLUMNS = ("council_id", "forename", "surname", "date_of_birth")
ADDRESS_COLUMNS = ("address_line_1", "address_line_2", "town", "postcode")
BATCH_SIZE = 2000
# A run still marked running after this long was lost with its worker (its transaction rolled
# back), so the task may start it again; a younger one is left to the worker running it.
STALE_AFTER = timedelta(minutes=15)
# The upload form's limit: a 100,000-child export is about 15 MB.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_LIMITS = {
    "council_id": identifiers.COUNCIL_ID_MAX,
    "forename": identifiers.FORENAME_MAX,
    "middle_names": identifiers.MIDDLE_NAMES_MAX,
    "surname": identifiers.SURNAME_MAX,
    "preferred_name": identifiers.PREFERRED_NAME_MAX,
    "address_line_1": 100,
    "address_line_2": 100,
    "town": 60,
}


class FileRefused(Exception):
    """The file cannot be read as a CSV export at all (a problem with no row)."""


@dataclass
class Row:
    number: int
    values: dict  # the record's values given in the file (absent columns are left alone)
    address: services.Address | None


class Problems(list):
    def add(self, row, column, message):
        self.append({"row": row, "column": column, "message": str(message)})


def decode(data):
    """The text of an uploaded CSV file: UTF-8, with or without a byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(
            _("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.")
        ) from error


def header_of(text):
    """The names in the first line of ``text``."""
    return [name.strip() for name in next(csv.reader(io.StringIO(text, newline="")), [])]


def check_header(fieldnames):
    """Problems with the header row: required columns missing, columns the import ignores."""
    problems = Problems()
    names = fieldnames or []
    for column in REQUIRED_COLUMNS:
        if column not in names:
            problems.add(1, column, _("The column “%(column)s” is missing.") % {"column": column})
    for column in names:
        if column not in COLUMNS:
            problems.add(
                1, column, _("“%(column)s” is not a column of the import.") % {"column": column}
            )
    for column in {name for name in names if names.count(name) > 1}:
        problems.add(1, column, _("The column “%(column)s” appears twice.") % {"column": column})
    return problems


def parse(text):
    """``(rows, problems)``: each row's values in stored form, and every problem of the file."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fieldnames = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = fieldnames
    problems = check_header(fieldnames)
    if problems:
        return [], problems
    present = [column for column in COLUMNS if column in fieldnames]
    rows = []
    for raw in reader:
        # The line the row ends on: a spreadsheet's row number, blank lines included.
        number = reader.line_num
        if None in raw:
            problems.add(number, "", _("This row has more values than the header has columns."))
        values = {column: (raw.get(column) or "").strip() for column in present}
        if not any(values.values()) and None not in raw:
            continue  # spreadsheets often end with rows of empty cells
        rows.append(_row(number, values, problems))
    if not rows:
        problems.add(None, "", _("The file has no rows after the header."))
    return rows, problems


def _row(number, values, problems):
    def refuse(column, message):
        problems.add(number, column, message)

    for column in REQUIRED_COLUMNS:
        if not values[column]:
            refuse(column, _("Enter a value."))
    for column, limit in _LIMITS.items():
        if len(values.get(column, "")) > limit:
            refuse(column, _("Enter %(limit)d characters or fewer.") % {"limit": limit})
    if "upn" in values:
        values["upn"] = identifiers.normalise_upn(values["upn"])
        if values["upn"] and (message := identifiers.upn_problem(values["upn"])):
            refuse("upn", message)
    if "nhs_number" in values:
        values["nhs_number"] = identifiers.normalise_nhs_number(values["nhs_number"])
        if values["nhs_number"] and (
            message := identifiers.nhs_number_problem(values["nhs_number"])
        ):
            refuse("nhs_number", message)
    if values["date_of_birth"]:
        values["date_of_birth"] = _date_of_birth(values["date_of_birth"], refuse)
    if "gender" in values:
        values["gender"] = values["gender"].lower()
        if values["gender"] not in {"", *Gender.values}:
            refuse(
                "gender",
                _("Use one of: %(values)s, or leave it empty.")
                % {"values": ", ".join(Gender.values)},
            )
    return Row(
        number,
        {k: v for k, v in values.items() if k not in ADDRESS_COLUMNS},
        _address(values, refuse),
    )


def _date_of_birth(text, refuse):
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        born = date.fromisoformat(text)
    except ValueError:
        refuse("date_of_birth", _("Enter a real date as YYYY-MM-DD, like 2015-03-27."))
        return None
    if born > timezone.localdate():
        refuse("date_of_birth", _("The date of birth is in the future."))
    return born


def _address(values, refuse):
    """The row's address, or None when the file gives none (the current address is kept)."""
    if not any(values.get(column) for column in ADDRESS_COLUMNS):
        return None
    for column in ("address_line_1", "town", "postcode"):
        if not values.get(column):
            refuse(column, _("An address needs its first line, town and postcode."))
    postcode = identifiers.normalise_postcode(values.get("postcode", ""))
    if postcode and (message := identifiers.postcode_problem(postcode)):
        refuse("postcode", message)
    return services.Address.of(
        values.get("address_line_1", ""),
        values.get("address_line_2", ""),
        values.get("town", ""),
        postcode,
    )


def batches(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_across_rows(rows, problems):
    """Problems between rows and with the register: the same council id, UPN or NHS number on
    two rows, an identifier held by another record, a new record with a portal council id."""
    labels = {
        "council_id": _("council id"),
        "upn": _("UPN"),
        "nhs_number": _("NHS number"),
    }
    for column, label in labels.items():
        first_row = {}
        for row in rows:
            value = row.values.get(column)
            if not value:
                continue
            if value in first_row:
                problems.add(
                    row.number,
                    column,
                    _("The same %(label)s is on row %(row)d.")
                    % {"label": label, "row": first_row[value]},
                )
            else:
                first_row[value] = row.number
    existing = set()
    for batch in batches(rows):
        ids = [row.values["council_id"] for row in batch if row.values["council_id"]]
        existing.update(
            ChildRecord.objects.filter(council_id__in=ids).values_list("council_id", flat=True)
        )
    for row in rows:
        council_id = row.values["council_id"]
        if council_id and council_id not in existing and services.is_portal_council_id(council_id):
            problems.add(
                row.number,
                "council_id",
                _(
                    "Council ids of the form P and 8 digits belong to records the portal created; "
                    "no record has this one."
                ),
            )
    for column in ("upn", "nhs_number"):
        _check_held_elsewhere(rows, column, labels[column], problems)


def _check_held_elsewhere(rows, column, label, problems):
    wanted = [row for row in rows if row.values.get(column)]
    for batch in batches(wanted):
        holders = dict(
            ChildRecord.objects.filter(
                **{f"{column}__in": [row.values[column] for row in batch]}
            ).values_list(column, "council_id")
        )
        for row in batch:
            holder = holders.get(row.values[column])
            if holder is not None and holder != row.values["council_id"]:
                problems.add(
                    row.number,
                    column,
                    _("This %(label)s belongs to the record %(holder)s.")
                    % {"label": label, "holder": holder},
                )


def progress_key(run):
    return f"records:import:{run.pk}:done"


def rows_done(run):
    """How many rows ``run`` has written; kept in the cache while its transaction is open."""
    if run.status == ImportRun.Status.IMPORTING:
        return cache.get(progress_key(run), run.rows_done)
    return run.rows_done


def write(rows, when, on_batch=None):
    """Upsert ``rows`` (all valid) in batches, calling ``on_batch(rows done)`` after each;
    returns ``(created, updated)``. Call it inside a transaction."""
    created = updated = done = 0
    for batch in batches(rows):
        records = {
            record.council_id: record
            for record in ChildRecord.objects.filter(
                council_id__in=[row.values["council_id"] for row in batch]
            )
        }
        current = {
            address.record_id: address
            for address in ChildAddress.objects.current().filter(
                record_id__in=[record.pk for record in records.values()]
            )
        }
        new, changed, fields, closed, opened = [], [], set(), [], []
        for row in batch:
            record = records.get(row.values["council_id"]) or ChildRecord()
            changes = services.apply_values(record, row.values, Source.IMPORT, when)
            old, moved_to = services.move(
                record, current.get(record.pk), row.address, Source.IMPORT, when
            )
            if old is not None:
                closed.append(old)
            if moved_to is not None:
                opened.append(moved_to)
                changes.append("sources")
            if record._state.adding:
                new.append(record)
            elif changes:
                record.updated_at = when
                changed.append(record)
                fields.update(changes)
        ChildRecord.objects.bulk_create(new)
        if changed:
            fields.update({"sources", "updated_at"})
            ChildRecord.objects.bulk_update(changed, sorted(fields))
        ChildAddress.objects.bulk_update(closed, ["valid_to"])
        ChildAddress.objects.bulk_create(opened)
        touched = {record.pk for record in (*new, *changed)} | {a.record_id for a in opened}
        events.send_after_commit(
            events.child_records_changed, ChildRecord, record_ids=sorted(touched)
        )
        created, updated, done = created + len(new), updated + len(changed), done + len(batch)
        if on_batch:
            on_batch(done)
    return created, updated


def is_stalled(run):
    """True when ``run`` says it is running but its worker has not been heard of for so long
    that it was lost: the run may be started again."""
    return run.status in ImportRun.RUNNING and run.updated_at < timezone.now() - STALE_AFTER


def claim(run_id):
    """The run, marked as being checked, if this caller may run it; None when it is finished
    or another worker is on it. A finished run is never redone."""
    now = timezone.now()
    runnable = Q(status=ImportRun.Status.QUEUED) | Q(
        status__in=ImportRun.RUNNING, updated_at__lt=now - STALE_AFTER
    )
    claimed = ImportRun.objects.filter(runnable, pk=run_id).update(
        status=ImportRun.Status.VALIDATING, updated_at=now, rows_done=0, errors=[]
    )
    return ImportRun.objects.get(pk=run_id) if claimed else None


def run_import(run, data):
    """Check every row of ``data`` (the CSV file's bytes), then import them all or nothing.
    The outcome, counts and problems are kept on ``run``."""
    when = timezone.now()
    try:
        rows, problems = parse(decode(data))
        run.rows_total = len(rows)
        run.save(update_fields=["rows_total", "updated_at"])
        if rows and not any(problem["row"] == 1 for problem in problems):
            check_across_rows(rows, problems)
        if problems:
            return _finish(run, ImportRun.Status.FAILED, errors=problems)
        run.status = ImportRun.Status.IMPORTING
        run.save(update_fields=["status", "updated_at"])
        with transaction.atomic():
            created, updated = write(
                rows, when, lambda done: cache.set(progress_key(run), done, 3600)
            )
        return _finish(run, ImportRun.Status.SUCCEEDED, created=created, updated=updated)
    except FileRefused as refusal:
        return _finish(run, ImportRun.Status.FAILED, errors=[_file_problem(refusal)])
    except Exception:
        # Nothing was written (the transaction rolled back); the run says so, not the log only.
        logger.exception("Import run %s stopped", run.pk)
        message = _("The import stopped on an unexpected error. Nothing was changed; try again.")
        return _finish(run, ImportRun.Status.FAILED, errors=[_file_problem(message)])


def _file_problem(message):
    return {"row": None, "column": "", "message": str(message)}


def _finish(run, status, errors=(), created=0, updated=0):
    run.status = status
    run.errors = sorted(errors, key=lambda problem: (problem["row"] or 0, _column_order(problem)))
    run.created_count, run.updated_count = created, updated
    run.rows_done = run.rows_total if status == ImportRun.Status.SUCCEEDED else 0
    run.finished_at = timezone.now()
    run.save()
    cache.delete(progress_key(run))
    return run


def _column_order(problem):
    return COLUMNS.index(problem["column"]) if problem["column"] in COLUMNS else -1
