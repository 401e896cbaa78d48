"""Keeping the register's matching keys in step with the records: the keys of one record, a
refresh of some records after they change, and a rebuild of them all."""

import datetime

from django.db import transaction

from records.models import ChildAddress, ChildRecord

from . import normalise
from .models import MatchKey

BATCH_SIZE = 2000


def swapped(day):
    """``day`` with day and month swapped, or None when that is no date or the same date."""
    if day.day == day.month or day.day > 12:
        return None
    try:
        return datetime.date(day.year, day.day, day.month)
    except ValueError:
        return None


def keys_for(record, postcode, line_1=""):
    """The unsaved MatchKey rows of ``record``, whose current address has ``postcode`` and
    first line ``line_1``."""
    person = person_of(record, postcode, line_1)
    common = {
        "record_id": record.pk,
        "date_of_birth": record.date_of_birth,
        "swapped_date_of_birth": swapped(record.date_of_birth),
        "birth_year": record.date_of_birth.year,
        "postcode": person.postcode,
        "address_key": normalise.address_key(person.house_number, person.street),
    }
    # A record missing a name still gets one row (with an empty key), so the branches that do
    # not need that name (date of birth, postcode) still find it.
    forenames = sorted(person.forenames) or [""]
    surnames = sorted((person.surname_parts | {person.surname}) - {""}) or [""]
    return [
        MatchKey(
            forename_key=normalise.phonetic(forename),
            surname_key=normalise.phonetic(surname),
            surname=surname,
            **common,
        )
        for forename in forenames
        for surname in surnames
    ]


def person_of(record, postcode, line_1=""):
    """The register's child ``record`` (living at ``line_1``, ``postcode``) in the compared
    form."""
    return normalise.Person(
        forename=record.forename,
        preferred_name=record.preferred_name,
        surname=record.surname,
        date_of_birth=record.date_of_birth,
        gender=record.gender,
        postcode=postcode,
        address_line_1=line_1,
        upn=record.upn,
        nhs_number=record.nhs_number,
    )


def current_places(record_ids):
    """{record id: (postcode, line 1)} of the current address of the records ``record_ids``
    that have one."""
    return {
        record_id: (postcode, line_1)
        for record_id, postcode, line_1 in ChildAddress.objects.current()
        .filter(record_id__in=record_ids)
        .values_list("record_id", "postcode", "line_1")
    }


KEY_FIELDS = (
    "date_of_birth",
    "swapped_date_of_birth",
    "birth_year",
    "forename_key",
    "surname_key",
    "surname",
    "postcode",
    "address_key",
)


# The fields of a record its keys are computed from (not its provenance, a JSON per record).
PERSON_FIELDS = (
    "forename",
    "preferred_name",
    "surname",
    "date_of_birth",
    "gender",
    "upn",
    "nhs_number",
)


def _signature(keys):
    return sorted(tuple(getattr(key, field) for field in KEY_FIELDS) for key in keys)


@transaction.atomic
def refresh(record_ids):
    """Recompute the keys of the records ``record_ids`` (a record gone simply loses them).

    Only the records whose keys differ are rewritten, so a refresh that changes nothing leaves
    the table as it was (loading the demo again, a re-import of unchanged records)."""
    record_ids = list(record_ids)
    for start in range(0, len(record_ids), BATCH_SIZE):
        batch = record_ids[start : start + BATCH_SIZE]
        places = current_places(batch)
        wanted = {
            record.pk: keys_for(record, *places.get(record.pk, ("", "")))
            for record in ChildRecord.objects.filter(pk__in=batch).only(*PERSON_FIELDS)
        }
        # The stored keys as plain tuples: a million-child rebuild reads them all.
        stored = {}
        for record_id, *values in MatchKey.objects.filter(record_id__in=batch).values_list(
            "record_id", *KEY_FIELDS
        ):
            stored.setdefault(record_id, []).append(tuple(values))
        stale = [pk for pk in batch if _signature(wanted.get(pk, ())) != sorted(stored.get(pk, ()))]
        if stale:
            MatchKey.objects.filter(record_id__in=stale).delete()
            rows = [key for pk in stale for key in wanted.get(pk, ())]
            MatchKey.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def rebuild():
    """Recompute the keys of the whole register; returns the number of records."""
    with transaction.atomic():
        ids = list(ChildRecord.objects.order_by("pk").values_list("pk", flat=True))
        refresh(ids)
    return len(ids)
