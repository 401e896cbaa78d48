"""Address lookup for registration (the GOV.UK "Find an address" pattern).

``find_addresses(postcode)`` asks the lookup named by the ``PORTAL_ADDRESS_LOOKUP`` setting (a
dotted path to a callable taking a normalised postcode and returning a list of
:class:`Address`). The default, :func:`local_lookup`, reads the council's own table
(:class:`~accounts.models.PostcodeAddress`), loaded with ``manage.py load_addresses <csv>``.
A lookup that fails returns no addresses: manual entry always works, so a broken address
service never stops anyone registering.
"""

import csv
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from .models import PostcodeAddress

logger = logging.getLogger(__name__)

DEFAULT_LOOKUP = "accounts.addresses.local_lookup"

# Lenient on purpose: the shape of a UK postcode, whatever the spacing or case.
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")

CSV_COLUMNS = ("postcode", "address_line_1", "address_line_2", "town")

DEMO_ADDRESSES = [
    ("TS18 1AA", "1 High Street", "", "Stockton-on-Tees"),
    ("TS18 1AA", "2 High Street", "", "Stockton-on-Tees"),
    ("TS18 1AA", "Flat 1", "3 High Street", "Stockton-on-Tees"),
    ("TS18 1AA", "Flat 2", "3 High Street", "Stockton-on-Tees"),
    ("TS18 1AB", "10 Church Road", "", "Stockton-on-Tees"),
    ("TS18 1AB", "12 Church Road", "", "Stockton-on-Tees"),
]


@dataclass(frozen=True)
class Address:
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str

    def as_text(self):
        parts = (self.address_line_1, self.address_line_2, self.town, self.postcode)
        return ", ".join(part for part in parts if part)

    def as_dict(self):
        return {
            "address_line_1": self.address_line_1,
            "address_line_2": self.address_line_2,
            "town": self.town,
            "postcode": self.postcode,
        }


def normalise_postcode(value):
    """ "ts181aa " -> "TS18 1AA": upper case, one space before the last three characters."""
    compact = "".join((value or "").split()).upper()
    if len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def is_valid_postcode(value):
    return bool(_POSTCODE.match("".join((value or "").split()).upper()))


def local_lookup(postcode):
    """The default lookup: the council's PostcodeAddress table."""
    rows = PostcodeAddress.objects.filter(postcode=postcode)
    return [Address(row.address_line_1, row.address_line_2, row.town, row.postcode) for row in rows]


def find_addresses(postcode):
    """Addresses at ``postcode`` from the configured lookup; [] when it finds none or fails."""
    lookup = import_string(getattr(settings, "PORTAL_ADDRESS_LOOKUP", DEFAULT_LOOKUP))
    try:
        return list(lookup(normalise_postcode(postcode)))
    except Exception:
        # An outside address service may be down; the user can still type the address.
        logger.exception("Address lookup failed for a postcode")
        return []


def load_addresses(rows, replace=False):
    """Add addresses (mappings with the CSV_COLUMNS) to the local table; returns how many
    were new. Rows already there are skipped, so loading the same file twice is harmless."""
    addresses = [
        PostcodeAddress(
            postcode=normalise_postcode(row["postcode"]),
            address_line_1=(row.get("address_line_1") or "").strip(),
            address_line_2=(row.get("address_line_2") or "").strip(),
            town=(row.get("town") or "").strip(),
        )
        for row in rows
        if is_valid_postcode(row.get("postcode")) and (row.get("address_line_1") or "").strip()
    ]
    with transaction.atomic():
        if replace:
            PostcodeAddress.objects.all().delete()
        before = PostcodeAddress.objects.count()
        PostcodeAddress.objects.bulk_create(addresses, ignore_conflicts=True, batch_size=1000)
        return PostcodeAddress.objects.count() - before


def load_addresses_csv(path, replace=False):
    """Load a CSV file with the columns postcode,address_line_1,address_line_2,town."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"Missing columns: {', '.join(sorted(missing))}")
        return load_addresses(reader, replace=replace)


def load_demo_addresses():
    """A few addresses for the demo council (postcodes TS18 1AA and TS18 1AB)."""
    return load_addresses([dict(zip(CSV_COLUMNS, row, strict=True)) for row in DEMO_ADDRESSES])
