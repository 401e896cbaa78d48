"""Import from CSV into the children's register versus a plain bulk_create of the same records.

Generates N rows (default 20,000; `python bench/child_record_import.py 100000 1` for 100,000
rows, one round), then
times, interleaved in one process on a throwaway SQLite database, the whole import service
(decode, check every row, look for duplicates and collisions, upsert in batches with provenance
and addresses) against bulk_create of the same records and addresses with no checks at all,
each into an empty register, and prints the ratio (import / bulk_create) of the medians.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from records import identifiers, importing  # noqa: E402
from records.models import ChildAddress, ChildRecord, ImportRun  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
HEADER = ",".join(importing.COLUMNS)


def children(count):
    """``count`` children with valid, unique identifiers, as CSV fields."""
    for number in range(count):
        body = f"{number:012d}"
        first_nine = f"{number % 10**9:09d}"
        check = identifiers.nhs_check_digit(first_nine)
        nhs_number = f"{first_nine}{check}" if check is not None else ""
        born = date(2005, 1, 1) + timedelta(days=number % 7000)
        yield [
            f"C{number:08d}",
            identifiers.upn_check_letter(body) + body,
            nhs_number,
            "Angharad",
            "Mai",
            f"Jones{number}",
            "",
            born.isoformat(),
            "female",
            f"{number % 200 + 1} High Street",
            "",
            "Demo Town",
            f"DB{number % 9 + 1} {number % 9 + 1}AA",
        ]


def empty_register():
    ChildAddress.objects.all().delete()
    ChildRecord.objects.all().delete()


def import_service(data):
    run = ImportRun.objects.create(file_name="bench.csv", status=ImportRun.Status.VALIDATING)
    start = time.perf_counter()
    importing.run_import(run, data)
    elapsed = time.perf_counter() - start
    assert run.status == ImportRun.Status.SUCCEEDED, run.errors[:5]
    return elapsed


def plain_bulk_create(rows):
    start = time.perf_counter()
    with transaction.atomic():
        for batch in importing.batches(rows):
            records = [
                ChildRecord(
                    council_id=row[0],
                    upn=row[1],
                    nhs_number=row[2],
                    forename=row[3],
                    middle_names=row[4],
                    surname=row[5],
                    date_of_birth=date.fromisoformat(row[7]),
                    gender=row[8],
                )
                for row in batch
            ]
            ChildRecord.objects.bulk_create(records)
            ChildAddress.objects.bulk_create(
                ChildAddress(
                    record=record,
                    line_1=row[9],
                    town=row[11],
                    postcode=row[12],
                    valid_from=date.today(),
                )
                for record, row in zip(records, batch, strict=True)
            )
    return time.perf_counter() - start


def main():
    call_command("migrate", verbosity=0)
    rows = list(children(ROWS))
    data = "\n".join([HEADER, *(",".join(row) for row in rows)]).encode()
    service, plain = [], []
    for _ in range(ROUNDS):  # interleaved, so machine noise hits both alike
        empty_register()
        service.append(import_service(data))
        empty_register()
        plain.append(plain_bulk_create(rows))
    ratio = statistics.median(service) / statistics.median(plain)
    print(
        f"child record import: import service / plain bulk_create = {ratio:.2f}x "
        f"({ROWS:,} rows, {ROUNDS} rounds, medians {statistics.median(service):.1f}s / "
        f"{statistics.median(plain):.1f}s)"
    )


if __name__ == "__main__":
    main()
