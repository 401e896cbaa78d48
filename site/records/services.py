"""Every change to the register goes through here, so each value's provenance is kept: a
changed value records where it came from (``Source``) and when. The CSV import applies the
same rules to many records at once (records.importing)."""

import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from portal import events

from . import identifiers
from .models import ChildAddress, ChildRecord, Source

# Records the portal creates get "P" and their record number: unique by construction, even when
# two families are accepted at once, and never confused with the council system's own ids.
PORTAL_ID_PREFIX = "P"
_PORTAL_ID = re.compile(r"^P[0-9]{8}$")
VALUE_FIELDS = tuple(field for field in ChildRecord.TRACKED_FIELDS if field != "address")


def portal_council_id(number):
    return f"{PORTAL_ID_PREFIX}{number:08d}"


def is_portal_council_id(value):
    return bool(_PORTAL_ID.match(value))


@dataclass(frozen=True)
class Address:
    line_1: str
    line_2: str
    town: str
    postcode: str

    @classmethod
    def of(cls, line_1, line_2, town, postcode):
        """The address with its postcode normalised, or None when no line 1 is given."""
        if not (line_1 or "").strip():
            return None
        return cls(
            line_1.strip(),
            (line_2 or "").strip(),
            (town or "").strip(),
            identifiers.normalise_postcode(postcode),
        )


@dataclass(frozen=True)
class PersonDetails:
    """A child as a portal user declared them: what a new record is made of."""

    forename: str
    surname: str
    date_of_birth: date
    middle_names: str = ""
    preferred_name: str = ""
    gender: str = ""
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""

    def values(self):
        return {
            "forename": self.forename,
            "middle_names": self.middle_names,
            "surname": self.surname,
            "preferred_name": self.preferred_name,
            "date_of_birth": self.date_of_birth,
            "gender": self.gender,
        }

    def address(self):
        return Address.of(self.address_line_1, self.address_line_2, self.town, self.postcode)


def stamp(source, when):
    return {"source": str(source), "changed_at": when.isoformat()}


def apply_values(record, values, source, when):
    """Set ``values`` on ``record`` (unsaved) and stamp the provenance of each value that
    changes; a new record stamps every value given. Returns the names of the changed fields."""
    unknown = set(values) - set(VALUE_FIELDS)
    if unknown:
        raise ValueError(f"Not a value of a child record: {', '.join(sorted(unknown))}")
    adding = record._state.adding
    mark = stamp(source, when)
    changed = []
    for field, value in values.items():
        if adding or getattr(record, field) != value:
            setattr(record, field, value)
            record.sources[field] = mark
            changed.append(field)
    return changed


def move(record, current, address, source, when):
    """The address change for ``record`` (current address ``current``, or None) moving to
    ``address``: ``(closed, opened)`` unsaved ChildAddress rows, both None when nothing moves.
    The old address is closed on the day the new one starts, so the history has no gap."""
    if address is None or (current is not None and current.same_place(*_parts(address))):
        return None, None
    today = timezone.localdate(when)
    if current is not None:
        # An address opened today and replaced today still ends after it starts.
        current.valid_to = max(today, current.valid_from)
    opened = ChildAddress(
        record=record,
        line_1=address.line_1,
        line_2=address.line_2,
        town=address.town,
        postcode=address.postcode,
        valid_from=current.valid_to if current is not None else today,
    )
    record.sources["address"] = stamp(source, when)
    return current, opened


def _parts(address):
    return address.line_1, address.line_2, address.town, address.postcode


def normalised(values):
    """``values`` with identifiers in their stored form."""
    result = dict(values)
    if "upn" in result:
        result["upn"] = identifiers.normalise_upn(result["upn"])
    if "nhs_number" in result:
        result["nhs_number"] = identifiers.normalise_nhs_number(result["nhs_number"])
    for name in ("forename", "middle_names", "surname", "preferred_name"):
        if name in result:
            result[name] = (result[name] or "").strip()
    return result


@transaction.atomic
def save_record(record, values, source, address=None, when=None):
    """Create or update ``record`` from ``source``: validate, stamp what changed, and move the
    child to ``address`` (an ``Address``) when it differs from the current one. Raises Django's
    ValidationError for a value the register refuses."""
    when = when or timezone.now()
    changed = apply_values(record, normalised(values), source, when)
    record.full_clean()
    current = None if record._state.adding else record.addresses.current().first()
    if changed or record._state.adding:
        record.save()
    closed, opened = move(record, current, address, source, when)
    if opened is not None:
        if closed is not None:
            closed.save(update_fields=["valid_to"])
        opened.full_clean()
        opened.save()
        record.save(update_fields=["sources", "updated_at"])
    if changed or opened is not None:
        events.send_after_commit(events.child_records_changed, ChildRecord, record_ids=[record.pk])
    return record


def create_record(values, source, address=None, when=None):
    """A new record with ``values`` (which include its council id)."""
    return save_record(ChildRecord(), values, source, address, when)


def update_record(record, values, source, address=None, when=None):
    return save_record(record, values, source, address, when)


@transaction.atomic
def accept_as_new_record(details):
    """Register the child in ``details`` (a ``PersonDetails``) as a new record from the portal,
    with a portal council id: the fallback when no matching service links them to a record."""
    # A placeholder id is unique for the moment between the insert and the real id.
    values = {"council_id": f"~{uuid.uuid4().hex[:19]}", **details.values()}
    record = create_record(values, Source.PORTAL, details.address())
    record.council_id = portal_council_id(record.pk)
    record.save(update_fields=["council_id", "updated_at"])
    return record
