"""The matching service: the register's records ranked as candidates for an incoming child,
and the ``match`` service of the portal (portal.services) built on it."""

from dataclasses import dataclass

from django.conf import settings
from django_q.tasks import async_task

from records.models import ChildAddress, ChildRecord

from . import scoring
from .candidates import candidate_records
from .normalise import Person

TOP = 10
# The fields scoring reads; the rest of a record (its provenance) is not loaded.
_SCORED_FIELDS = (
    "council_id",
    "forename",
    "middle_names",
    "preferred_name",
    "surname",
    "date_of_birth",
    "gender",
    "upn",
    "nhs_number",
)


@dataclass(frozen=True)
class Candidate:
    """A register record proposed for an incoming child, with why."""

    record: ChildRecord
    score: float
    probability: float
    band: str
    explanation: list


def person_from_details(details):
    """The child in ``details`` (a ``records.services.PersonDetails``, a ``MatchRequest`` or
    anything with their attributes, optionally ``upn`` and ``nhs_number``) in the compared
    form."""
    return Person(
        forename=details.forename,
        preferred_name=getattr(details, "preferred_name", ""),
        middle_names=getattr(details, "middle_names", ""),
        surname=details.surname,
        date_of_birth=details.date_of_birth,
        gender=getattr(details, "gender", ""),
        address_line_1=getattr(details, "address_line_1", ""),
        address_line_2=getattr(details, "address_line_2", ""),
        town=getattr(details, "town", ""),
        postcode=getattr(details, "postcode", ""),
        upn=getattr(details, "upn", ""),
        nhs_number=getattr(details, "nhs_number", ""),
    )


def register_people(records):
    """{record id: Person} of ``records`` (ChildRecords), each at their current address."""
    addresses = {
        row[0]: row[1:]
        for row in ChildAddress.objects.current()
        .filter(record_id__in=[record.pk for record in records])
        .values_list("record_id", "line_1", "line_2", "town", "postcode")
    }
    people = {}
    for record in records:
        line_1, line_2, town, postcode = addresses.get(record.pk, ("", "", "", ""))
        people[record.pk] = Person(
            forename=record.forename,
            preferred_name=record.preferred_name,
            middle_names=record.middle_names,
            surname=record.surname,
            date_of_birth=record.date_of_birth,
            gender=record.gender,
            address_line_1=line_1,
            address_line_2=line_2,
            town=town,
            postcode=postcode,
            upn=record.upn,
            nhs_number=record.nhs_number,
        )
    return people


def rank(person, top=TOP):
    """The ``top`` best candidates for ``person`` (a ``normalise.Person``), best first."""
    records = candidate_records(person, _SCORED_FIELDS)
    if not records:
        return []
    people = register_people(records.values())
    model = scoring.current_model()
    scored = [scoring.score(person, people[pk], pk, model) for pk in records]
    scored.sort(key=lambda result: (-result.score, result.record_id))
    scored = scoring.set_twins_apart(scored[:top], people)
    return [
        Candidate(
            records[result.record_id],
            result.score,
            result.probability,
            result.band,
            result.explanation,
        )
        for result in scored[:top]
    ]


def candidates_for(details, top=TOP):
    """The ranked candidates (top 10 by default) for the child in ``details``."""
    return rank(person_from_details(details), top)


def match(details):
    """The ``match`` service: the record of the child in ``details`` when the council lets the
    top band match automatically (``PORTAL_MATCHING_AUTOMATIC``) and the best candidate is in
    it; otherwise None, and a caseworker decides."""
    if not getattr(settings, "PORTAL_MATCHING_AUTOMATIC", False):
        return None
    best = candidates_for(details, top=1)
    if best and best[0].band == scoring.MATCH:
        return best[0].record
    return None


def queue_key_refresh(sender, record_ids, **kwargs):
    """Receiver of ``child_records_changed`` (sent after the commit): refresh the changed
    records' keys in a task."""
    if record_ids:
        async_task("plugins.matching.keys.refresh", list(record_ids))
