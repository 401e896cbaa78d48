"""The register in the integration API (``/api/v1/records/``): the council's case system
keeps it up to date by council id (bulk upsert), reads one record and searches. Every change
goes through records.services with the source "api", so each value's provenance is kept."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from ninja import Field, Query, Router, Schema

from api import fields, pagination
from api.auth import require
from api.errors import ERRORS, ApiError, Error
from api.idempotency import IdempotencyKey, once
from core import audit
from portal import access

from . import identifiers, services
from .access import KIND
from .models import ChildRecord, Gender, Source

router = Router(tags=["child records"])


class AddressIn(Schema):
    line_1: str = Field(..., min_length=1, max_length=100)
    line_2: str = Field("", max_length=100)
    town: str = Field("", max_length=60)
    postcode: str = Field(..., max_length=10)


class RecordIn(Schema):
    council_id: str = Field(..., min_length=1, max_length=identifiers.COUNCIL_ID_MAX)
    forename: str = Field(..., min_length=1, max_length=identifiers.FORENAME_MAX)
    middle_names: str = Field("", max_length=identifiers.MIDDLE_NAMES_MAX)
    surname: str = Field(..., min_length=1, max_length=identifiers.SURNAME_MAX)
    preferred_name: str = Field("", max_length=identifiers.PREFERRED_NAME_MAX)
    date_of_birth: fields.Date
    gender: Gender | None = None
    upn: str = Field("", max_length=20)
    nhs_number: str = Field("", max_length=20)
    address: AddressIn | None = None


class BulkIn(Schema):
    records: list[RecordIn] = Field(..., min_length=1, max_length=500)


class AddressOut(Schema):
    line_1: str
    line_2: str
    town: str
    postcode: str
    valid_from: date


class RecordOut(Schema):
    id: int
    council_id: str
    forename: str
    middle_names: str
    surname: str
    preferred_name: str
    date_of_birth: date
    gender: str
    upn: str
    nhs_number: str
    address: AddressOut | None
    sources: dict
    updated_at: datetime


class Upserted(Schema):
    id: int
    council_id: str
    created: bool


class BulkOut(Schema):
    records: list[Upserted]


class RecordPage(pagination.Page):
    items: list[RecordOut]


def _out(record):
    current = record.addresses.current().first()
    return {
        **{name: getattr(record, name) for name in RecordOut.model_fields if name != "address"},
        "id": record.pk,
        "address": current,
    }


def _upsert(request, payload):
    results = []
    for index, item in enumerate(payload.records):
        values = item.model_dump(exclude={"address"})
        values["gender"] = values["gender"] or ""
        address = item.address and services.Address.of(**item.address.model_dump())
        existing = ChildRecord.objects.filter(council_id=item.council_id.strip()).first()
        try:
            record = services.save_record(existing or ChildRecord(), values, Source.API, address)
        except ValidationError as error:
            raise ApiError(
                422, "validation_error", "A record is not valid.", _fields(index, error)
            ) from None
        audit.record(request.user, "api.record_changed", record)
        results.append({"id": record.pk, "council_id": record.council_id, "created": not existing})
    return 200, {"records": results}


def _fields(index, error):
    messages = error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}
    return [
        {"field": f"body.records.{index}.{name}", "message": str(message)}
        for name, problems in messages.items()
        for message in problems
    ]


@router.post("/bulk", auth=require("records:write"), response={200: BulkOut, ERRORS: Error})
def upsert_records(request, payload: BulkIn, idempotency_key: str = IdempotencyKey):
    """Create or update up to 500 records by council id, all or none: a record that is not
    valid refuses the whole request, naming it (``body.records.3.upn``)."""
    if not access.may(request.user, "import", KIND):
        raise ApiError(403, "forbidden", "This account may not change the register.")
    return once(request, idempotency_key, lambda: _upsert_atomic(request, payload))


def _upsert_atomic(request, payload):
    with transaction.atomic():
        return _upsert(request, payload)


@router.get("/{record_id}", auth=require("records:read"), response={200: RecordOut, ERRORS: Error})
def get_record(request, record_id: fields.IdParam):
    record = access.get_or_404(request.user, KIND, pk=record_id)
    audit.record(request.user, "child_record.viewed", record)
    return _out(record)


class RecordFilters(Schema):
    q: str = Field("", max_length=100, description="Words of a name, or an identifier")
    council_id: str = Field("", max_length=identifiers.COUNCIL_ID_MAX)
    date_of_birth: fields.Date | None = None
    changed_since: fields.DateTime | None = None
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT)


@router.get("/", auth=require("records:read"), response={200: RecordPage, ERRORS: Error})
def search_records(request, filters: Query[RecordFilters]):
    """Records matching every filter given, in the order they last changed: the next page's
    cursor doubles as "changed since my last call"."""
    records = access.scoped(request.user, KIND)
    query = filters.q.strip()
    if query:
        matches = Q(council_id__iexact=query)
        names = Q()
        for word in query.split():
            names &= Q(forename__icontains=word) | Q(surname__icontains=word)
        matches |= names
        if upn := identifiers.normalise_upn(query):
            matches |= Q(upn=upn)
        if nhs := identifiers.normalise_nhs_number(query):
            matches |= Q(nhs_number=nhs)
        records = records.filter(matches)
    if filters.council_id:
        records = records.filter(council_id=filters.council_id)
    if filters.date_of_birth:
        records = records.filter(date_of_birth=filters.date_of_birth)
    if filters.changed_since:
        records = records.filter(updated_at__gt=filters.changed_since)
    rows, cursors = pagination.page(records, "updated_at", filters.cursor, filters.limit)
    audit.record_each(request.user, "child_record.viewed", rows)
    return {"items": [_out(record) for record in rows], **cursors}
