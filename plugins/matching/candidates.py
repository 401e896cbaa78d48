"""Candidate generation: which register records are worth scoring for an incoming child.
Exact identifiers first; then the blocking branches, each one lookup on an index of MatchKey,
unioned in one query. A true match survives as long as one branch holds: a misspelt surname
still shares the date of birth, a day/month swap still shares the names, a moved child or one
whose date of birth was typed years out still shares the names, and so on.

A branch on a common name or date finds many children (a million-child register has ~1,500
Joneses born in any one year), and scoring each in Python would cost far more than finding it.
So the same query also ranks what the branches found by a rough agreement of the keys (dates,
name keys, postcode) and returns only the best ``CANDIDATE_LIMIT``; the true child, agreeing
on most keys, stays far above that line."""

import datetime

from django.db import connection
from django.db.models.expressions import RawSQL

from records.models import ChildRecord

from . import keys, normalise
from .models import MatchKey

# The trigram branch's narrower window: a misspelt surname with a date a few days out.
TRIGRAM_WINDOW_DAYS = 62
# How many of what the branches find are scored, the best by rough agreement first.
CANDIDATE_LIMIT = 50
# pg_trgm similarity (shared trigrams over all trigrams) of a surname misspelt beyond its
# phonetic key: "pritchad" and "pritchard" 0.58, "mroganhughes" and "morganhughes" 0.53;
# "jones" and "jonas" 0.33, "jones" and "johns" 0.2 (other names) stay out.
TRIGRAM_SIMILARITY = 0.45
# The columns each branch returns: all in its (covering) index, so PostgreSQL reads the index
# alone, never the table.
_COLUMNS = ("record_id", "forename_key", "surname_key", "date_of_birth", "postcode")


def name_keys(person):
    """The phonetic keys of ``person``'s forenames and of their surname and its parts."""
    forename_keys = {normalise.phonetic(name) for name in person.forenames} - {""}
    surname_keys = {normalise.phonetic(part) for part in person.surname_parts | {person.surname}}
    return forename_keys, surname_keys - {""}


def _in(column, values):
    return f"{column} IN ({', '.join(['%s'] * len(values))})", sorted(values)


def by_address(person):
    """The address branch, or None: the same house number and start of the street, for a
    child whose names, date of birth and postcode were all mistyped (FEBRL4 showed them)."""
    key = normalise.address_key(person.house_number, person.street)
    return ("address", "address_key = %s", [key]) if key else None


def branches(person):
    """Each blocking branch of ``person`` as (name, SQL condition on MatchKey, parameters).
    Written as SQL, not built by the ORM: composing six querysets took longer than running
    them."""
    born = person.date_of_birth
    forename_keys, surname_keys = name_keys(person)
    forenames, forename_params = _in("forename_key", forename_keys)
    surnames, surname_params = _in("surname_key", surname_keys)
    adapt = connection.ops.adapt_datefield_value
    found = []
    if forename_keys and surname_keys:
        # The same names by sound whatever the date of birth (typed years out, or not known):
        # one range of the names index, ~1,500 rows for the commonest pair of keys at a
        # million children (145 at 100,000), of which the rough agreement keeps the best.
        found.append(("names", f"{forenames} AND {surnames}", forename_params + surname_params))
    if born is not None:
        found.append(("date_of_birth", "date_of_birth = %s", [adapt(born)]))
        if surname_keys:
            found.append(
                (
                    "birth_year_surname",
                    f"birth_year = %s AND {surnames}",
                    [born.year, *surname_params],
                )
            )
        swapped = keys.swapped(born)
        if swapped:
            found.append(("swapped_date_of_birth", "date_of_birth = %s", [adapt(swapped)]))
        if connection.vendor == "postgresql" and person.surname and forename_keys:
            # A surname misspelt beyond its phonetic key ("Prichard", "Mrogan") is still
            # similar by trigrams (pg_trgm). Among the children of the same forename key in
            # the window (an index range), not all the register's: a trigram index scan of a
            # common surname reads tens of thousands of rows.
            near = datetime.timedelta(days=TRIGRAM_WINDOW_DAYS)
            found.append(
                (
                    "trigram_surname",
                    f"{forenames} AND date_of_birth BETWEEN %s AND %s "
                    f"AND similarity(surname, %s) >= {TRIGRAM_SIMILARITY}",
                    [*forename_params, adapt(born - near), adapt(born + near), person.surname],
                )
            )
    if person.postcode:
        found.append(("postcode", "postcode = %s", [person.postcode]))
    address = by_address(person)
    if address:
        found.append(address)
    return found


def _agreement(person):
    """SQL (and its parameters) of a rough agreement of one key row with ``person``: a few
    points per key that agrees, more for the rarer agreements."""
    adapt = connection.ops.adapt_datefield_value
    parts, params = [], []
    born = person.date_of_birth
    if born is not None:
        dates = ["WHEN date_of_birth = %s THEN 8"]
        params.append(adapt(born))
        swapped = keys.swapped(born)
        if swapped:
            dates.append("WHEN date_of_birth = %s THEN 6")
            params.append(adapt(swapped))
        # The same day and month a year out (a year mistyped), or within a month.
        near = datetime.timedelta(days=31)
        dates.append("WHEN date_of_birth IN (%s, %s) OR date_of_birth BETWEEN %s AND %s THEN 4")
        params += [adapt(_year_out(born, -1)), adapt(_year_out(born, 1))]
        params += [adapt(born - near), adapt(born + near)]
        dates.append("WHEN date_of_birth BETWEEN %s AND %s THEN 1")
        params += [adapt(born.replace(month=1, day=1)), adapt(born.replace(month=12, day=31))]
        parts.append(f"CASE {' '.join(dates)} ELSE 0 END")
    for column, found, points in zip(
        ("forename_key", "surname_key"), name_keys(person), (4, 5), strict=True
    ):
        if found:
            condition, found_params = _in(column, found)
            parts.append(f"CASE WHEN {condition} THEN {points} ELSE 0 END")
            params += found_params
    if person.postcode:
        parts.append("CASE WHEN postcode = %s THEN 6 WHEN postcode LIKE %s THEN 2 ELSE 0 END")
        params += [person.postcode, f"{normalise.outward(person.postcode)} %"]
    return " + ".join(parts) or "0", params


def _year_out(day, years):
    """``day`` with its year ``years`` out (29 February falls back to the 28th)."""
    return day.replace(year=day.year + years, day=min(day.day, 28 if day.month == 2 else 31))


def _best(person, limit):
    """SQL (and parameters) of the ids of the best ``limit`` records the branches find, or
    None when ``person`` gives no branch anything to look up."""
    found = branches(person)
    if not found:
        return None
    columns = ", ".join(_COLUMNS)
    table = MatchKey._meta.db_table
    # Only fixed fragments are formatted into the SQL; every value is a parameter.
    selects = [f"SELECT {columns} FROM {table} WHERE {where}" for _, where, _ in found]  # noqa: S608
    params = [param for _, _, branch_params in found for param in branch_params]
    agreement, agreement_params = _agreement(person)
    # The database unions the branches (each reading its own index), then keeps each
    # record's best agreement over its key rows and the best ``limit`` records.
    query = (
        f"SELECT record_id FROM (SELECT record_id, {agreement} AS agreement "  # noqa: S608
        f"FROM ({' UNION ALL '.join(selects)}) AS found) AS agreed "
        "GROUP BY record_id ORDER BY MAX(agreement) DESC, record_id LIMIT %s"
    )
    return query, [*agreement_params, *params, limit]


def _candidates(person, limit):
    """SQL (and parameters) of the ids to score: the records with the same NHS number or UPN
    (each unique on the register), whatever else differs, and the best ``limit`` records of
    the branches. None when there is nothing to look up."""
    selects, params = [], []
    best = _best(person, limit)
    if best:
        selects.append(f"SELECT record_id FROM ({best[0]}) AS best")  # noqa: S608
        params += best[1]
    identifiers = [
        (column, value)
        for column, value in (("nhs_number", person.nhs_number), ("upn", person.upn))
        if value
    ]
    if identifiers:
        where = " OR ".join(f"{column} = %s" for column, _ in identifiers)
        selects.append(f"SELECT id FROM {ChildRecord._meta.db_table} WHERE {where}")  # noqa: S608
        params += [value for _, value in identifiers]
    return (" UNION ".join(selects), params) if selects else None


def candidate_ids(person, limit=CANDIDATE_LIMIT):
    """The ids of the register records to score for ``person`` (a ``normalise.Person``)."""
    wanted = _candidates(person, limit)
    if wanted is None:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(*wanted)
        return {row[0] for row in cursor.fetchall()}


def candidate_records(person, fields, limit=CANDIDATE_LIMIT):
    """{id: record} of the register records to score for ``person``, with only ``fields``
    loaded; one query, the candidate search inside it."""
    wanted = _candidates(person, limit)
    if wanted is None:
        return {}
    records = (
        ChildRecord.objects.only(*fields)
        .filter(pk__in=RawSQL(*wanted))  # noqa: S611 (values are parameters)
        .order_by()
    )
    return {record.pk: record for record in records}
