"""Bulk matching for a council moving existing cases onto the portal: a CSV of incoming
children in, a CSV of ranked candidates out (``manage.py match_people``)."""

import csv
import datetime

from django.utils.translation import gettext as _

from . import scoring
from .normalise import Person
from .services import TOP, rank

COLUMNS = (
    "ref",
    "forename",
    "middle_names",
    "surname",
    "date_of_birth",
    "gender",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "upn",
    "nhs_number",
)
OUTPUT_HEADER = ("ref", "rank", "council_id", "score", "band")


class InputRefused(Exception):
    """The input file cannot be matched; the message says why."""


def check_header(fieldnames):
    names = [name.strip() for name in fieldnames or []]
    if "ref" not in names:
        raise InputRefused(_("The column “ref” is missing."))
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise InputRefused(
            _("Not a column of the input: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    return names


def person_of_row(number, row):
    """The child of one input row; raises InputRefused for a date that is not YYYY-MM-DD."""
    text = row.get("date_of_birth", "").strip()
    try:
        born = datetime.date.fromisoformat(text) if text else None
    except ValueError:
        raise InputRefused(
            _("Row %(row)d: the date of birth “%(date)s” is not a date like 2015-05-01.")
            % {"row": number, "date": text}
        ) from None
    return Person(
        forename=row.get("forename", ""),
        middle_names=row.get("middle_names", ""),
        surname=row.get("surname", ""),
        date_of_birth=born,
        gender=row.get("gender", "").strip().lower(),
        address_line_1=row.get("address_line_1", ""),
        address_line_2=row.get("address_line_2", ""),
        town=row.get("town", ""),
        postcode=row.get("postcode", ""),
        upn=row.get("upn", ""),
        nhs_number=row.get("nhs_number", ""),
    )


def read(lines):
    """``[(ref, Person)]`` of the CSV ``lines``; every row is checked before any is matched."""
    reader = csv.DictReader(lines)
    reader.fieldnames = check_header(reader.fieldnames)
    people = []
    for row in reader:
        values = {key: (value or "").strip() for key, value in row.items() if key}
        if not any(values.values()):
            continue
        people.append((values["ref"], person_of_row(reader.line_num, values)))
    return people


def write_matches(people, out, top=TOP):
    """Write the header and the ranked candidates of each ``(ref, Person)`` to ``out`` (a
    text file)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_HEADER)
    for ref, person in people:
        candidates = rank(person, top)
        if not candidates:
            writer.writerow((ref, "", "", "", scoring.NEW))
        for position, candidate in enumerate(candidates, start=1):
            writer.writerow(
                (
                    ref,
                    position,
                    candidate.record.council_id,
                    f"{candidate.probability:.4f}",
                    candidate.band,
                )
            )
