"""Candidate generation: which register records are worth scoring for an incoming child.
Exact identifiers first; then the blocking branches, each one lookup on an index of MatchKey,
unioned. A true match survives as long as one branch holds: a misspelt surname still shares
the date of birth, a day/month swap still shares the names, a moved child still shares the
names within the date window, and so on."""

import datetime

from django.db import connection
from django.db.models import BooleanField, Func, Q, Value

from records.models import ChildRecord

from . import keys, normalise
from .models import MatchKey


class TrigramSimilar(Func):
    """``a % b`` of pg_trgm: similar by trigrams above ``pg_trgm.similarity_threshold``."""

    arg_joiner = " %% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


# Dates of birth entered a little wrong (a mistyped day, month or year) stay in the window.
NAME_WINDOW_DAYS = 400


def by_identifier(person):
    """Records with the same NHS number or UPN (each unique on the register)."""
    wanted = Q()
    if person.nhs_number:
        wanted |= Q(nhs_number=person.nhs_number)
    if person.upn:
        wanted |= Q(upn=person.upn)
    if not wanted:
        return set()
    return set(ChildRecord.objects.filter(wanted).values_list("pk", flat=True))


def by_address(person):
    """The address branch, or None: the same house number and start of the street, for a
    child whose names, date of birth and postcode were all mistyped (FEBRL4 showed them)."""
    key = normalise.address_key(person.house_number, person.street)
    return ("address", Q(address_key=key)) if key else None


def branches(person):
    """Each blocking branch of ``person`` as a name and a filter on MatchKey."""
    born = person.date_of_birth
    surname_keys = {normalise.phonetic(part) for part in person.surname_parts | {person.surname}}
    surname_keys.discard("")
    forename_keys = {normalise.phonetic(name) for name in person.forenames} - {""}
    names = Q(forename_key__in=forename_keys, surname_key__in=surname_keys)
    found = []
    if born is not None:
        window = datetime.timedelta(days=NAME_WINDOW_DAYS)
        found += [
            ("date_of_birth", Q(date_of_birth=born)),
            ("birth_year_surname", Q(birth_year=born.year, surname_key__in=surname_keys)),
            ("names", names & Q(date_of_birth__range=(born - window, born + window))),
        ]
        swapped = keys.swapped(born)
        if swapped:
            found.append(("swapped_date_of_birth", Q(date_of_birth=swapped)))
    elif forename_keys and surname_keys:
        # Without a date of birth the names alone, still one index lookup.
        found.append(("names", names))
    if person.postcode:
        found.append(("postcode", Q(postcode=person.postcode)))
    address = by_address(person)
    if address:
        found.append(address)
    if connection.vendor == "postgresql" and born is not None and person.surname:
        # A surname misspelt beyond its phonetic key ("Prichard", "Pritchad") is still
        # similar by trigrams; the GIN index (pg_trgm) and the date window keep it one lookup.
        window = datetime.timedelta(days=NAME_WINDOW_DAYS)
        found.append(
            (
                "trigram_surname",
                Q(TrigramSimilar("surname", Value(person.surname)))
                & Q(date_of_birth__range=(born - window, born + window)),
            )
        )
    return found


def candidate_ids(person):
    """The ids of the register records to score for ``person`` (a ``normalise.Person``)."""
    ids = by_identifier(person)
    queries = [
        MatchKey.objects.filter(condition).values("record_id") for _, condition in branches(person)
    ]
    if queries:
        # One round trip: the database unions the branches, each using its own index.
        union = queries[0].union(*queries[1:])
        ids.update(row["record_id"] for row in union)
    return ids
