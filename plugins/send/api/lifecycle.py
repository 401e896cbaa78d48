"""Working a case through its process for the case system: closing and reopening it,
recording and taking back legal exceptions to its time limits, and marking information asked
for as received. Each change is the admin's own service (casework.involvements.services), so
its rules and audit entries are the same; a change it refuses answers 409 with the reason."""

from typing import Literal

from ninja import Field, Router, Schema
from pydantic import model_validator

from api import fields
from api.auth import require
from api.errors import ERRORS, ApiError, Error, not_found
from api.idempotency import IdempotencyKey, once

from ..casework.involvements import services as involvements
from ..casework.process import registry
from .cases import (
    EXCEPTION_FIELDS,
    REQUEST_FIELDS,
    CaseOut,
    ExceptionOut,
    InformationRequestOut,
    as_json,
    detail,
    fields_of,
    find_case,
    refused,
)

router = Router(tags=["cases"])

# The shipped process definitions are fixed at start-up, so their exception reasons are the
# schema's choices; whether one applies to this case's process is the service's decision.
EXCEPTION_REASONS = tuple(
    sorted({reason.code for p in registry.definitions().values() for reason in p.exceptions})
)


class CloseIn(Schema):
    reason: str = Field(..., min_length=1, max_length=5000)
    closed_on: fields.Date | None = Field(None, description="today when left out")


class ExceptionIn(Schema):
    reason: Literal[EXCEPTION_REASONS] = Field(
        ..., description="one of the exception reasons of the case's process"
    )
    starts_on: fields.Date
    ends_on: fields.Date | None = None
    note: str = Field("", max_length=5000)

    @model_validator(mode="after")
    def ends_after_it_starts(self):
        # The admin's form asks the same; the table's constraint would otherwise refuse it.
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ApiError(
                422,
                "validation_error",
                "The request is not valid.",
                [{"field": "body.ends_on", "message": "The end must be on or after the start."}],
            )
        return self


class ReceivedIn(Schema):
    on: fields.Date | None = Field(None, description="today when left out")


def _changed(work):
    """Run a service call; its refusal becomes the API's 409."""
    try:
        return work()
    except involvements.NotAllowed as refusal:
        raise refused(refusal) from None


@router.post(
    "/{case_id}/close", auth=require("cases:write"), response={200: CaseOut, ERRORS: Error}
)
def close_case(
    request, case_id: fields.IdParam, payload: CloseIn, idempotency_key: str = IdempotencyKey
):
    """Close an open involvement with the reason: everyone authenticated on it loses the
    access it gave them. A closed one answers 409."""
    case = find_case(request, case_id)

    def work():
        _changed(lambda: involvements.close(case, request.user, payload.reason, payload.closed_on))
        return 200, as_json(CaseOut, detail(case))

    return once(request, idempotency_key, work)


@router.post(
    "/{case_id}/reopen", auth=require("cases:write"), response={200: CaseOut, ERRORS: Error}
)
def reopen_case(request, case_id: fields.IdParam, idempotency_key: str = IdempotencyKey):
    """Open a closed involvement again; 409 when it is open, or another of its process is
    open for the child."""
    case = find_case(request, case_id)

    def work():
        _changed(lambda: involvements.reopen(case, request.user))
        return 200, as_json(CaseOut, detail(case))

    return once(request, idempotency_key, work)


@router.post(
    "/{case_id}/exceptions",
    auth=require("cases:write"),
    response={201: ExceptionOut, ERRORS: Error},
)
def record_exception(
    request, case_id: fields.IdParam, payload: ExceptionIn, idempotency_key: str = IdempotencyKey
):
    """Record a legal exception to the process's time limits over a period: the stages it
    names have no due date while it stands. A reason the case's process does not have
    answers 409."""
    case = find_case(request, case_id)

    def work():
        row = _changed(
            lambda: involvements.record_exception(
                case,
                request.user,
                reason=payload.reason,
                starts_on=payload.starts_on,
                ends_on=payload.ends_on,
                note=payload.note,
            )
        )
        return 201, as_json(ExceptionOut, fields_of(row, EXCEPTION_FIELDS))

    return once(request, idempotency_key, work)


@router.delete(
    "/{case_id}/exceptions/{exception_id}",
    auth=require("cases:write"),
    response={200: CaseOut, ERRORS: Error},
)
def remove_exception(request, case_id: fields.IdParam, exception_id: fields.IdParam):
    """Take back an exception recorded in error (gone already: 404)."""
    case = find_case(request, case_id)
    exception = case.exceptions.filter(pk=exception_id).first()
    if exception is None:
        raise not_found()
    involvements.remove_exception(exception, request.user)
    return detail(case)


@router.post(
    "/{case_id}/information-requests/{request_id}/received",
    auth=require("cases:write"),
    response={200: InformationRequestOut, ERRORS: Error},
)
def information_received(
    request,
    case_id: fields.IdParam,
    request_id: fields.IdParam,
    payload: ReceivedIn,
    idempotency_key: str = IdempotencyKey,
):
    """The information asked for has arrived: it is no longer overdue and no reminder is
    sent for it again. Received already: 409."""
    case = find_case(request, case_id)
    asked = case.information_requests.filter(pk=request_id).first()
    if asked is None:
        raise not_found()

    def work():
        row = _changed(lambda: involvements.received(asked, request.user, payload.on))
        return 200, as_json(InformationRequestOut, fields_of(row, REQUEST_FIELDS))

    return once(request, idempotency_key, work)
