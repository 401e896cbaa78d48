"""Cases for the case system: a child's involvements (statutory processes) with their stage,
caseworker, key dates, portal sharing, information requested, documents to view and actions
to complete: the resource's schemas, reading, opening and changing a case. Closing, exceptions
and information received (``lifecycle``), portal sharing (``sharing``) and documents
(``documents``) are routers of their own under the same path. Changes go through the casework
services the admin uses, so their rules and audit entries are the same; a rule they refuse
answers 409 with the reason."""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from api import fields, pagination
from api.auth import require
from api.errors import ERRORS, ApiError, Error
from api.idempotency import IdempotencyKey, once
from core import audit
from portal import access
from records.models import ChildRecord

from ..casework.actions import services as actions
from ..casework.involvements import services as involvements
from ..models import FormDefinition
from ..models.involvements import staff_users

router = Router(tags=["cases"])
KIND = "send.involvement"


class DateOut(Schema):
    code: str
    date: date


class SharingOut(Schema):
    id: int
    email: str
    user_type: str
    role: str
    young_person: bool
    parental_responsibility: bool
    state: str
    authenticated_at: datetime | None


class ExceptionOut(Schema):
    id: int
    reason: str
    starts_on: date
    ends_on: date | None
    note: str


class InformationRequestOut(Schema):
    id: int
    requested: str
    role: str
    due_on: date
    received_on: date | None


class DocumentOut(Schema):
    id: int
    description: str
    document_date: date
    name: str
    published_at: datetime
    withdrawn_at: datetime | None


class ActionOut(Schema):
    id: int
    form_code: str
    user_email: str
    due_on: date
    status: str


class CaseSummary(Schema):
    id: int
    child_record_id: int
    process: str
    stage: str
    status: str
    caseworker_email: str | None
    updated_at: datetime


class CaseOut(CaseSummary):
    dates: list[DateOut]
    exceptions: list[ExceptionOut]
    sharing: list[SharingOut]
    information_requested: list[InformationRequestOut]
    documents: list[DocumentOut]
    actions: list[ActionOut]


class CasePage(pagination.Page):
    items: list[CaseSummary]


class CaseFilters(Schema):
    child_record_id: fields.IdParam | None = None
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT)


class CaseIn(Schema):
    child_record_id: fields.Id
    process: str = Field(..., min_length=1, max_length=50)
    stage: str = Field("", max_length=50)
    caseworker_email: str | None = Field(None, max_length=254)


class CaseChange(Schema):
    stage: str = Field(..., max_length=50)
    caseworker_email: str | None = Field(None, max_length=254)


class DateIn(Schema):
    code: str = Field(..., min_length=1, max_length=50)
    date: fields.Date | None


class InformationRequestIn(Schema):
    requested: str = Field(..., min_length=1, max_length=5000)
    role: str = Field("", max_length=100)
    due_on: fields.Date


class ActionIn(Schema):
    form_code: str = Field(..., min_length=1, max_length=30)
    user_email: str = Field(..., min_length=1, max_length=254)
    due_on: fields.Date
    note: str = Field("", max_length=2000)


EXCEPTION_FIELDS = ("id", "reason", "starts_on", "ends_on", "note")
SHARING_FIELDS = (
    "id",
    "email",
    "user_type",
    "role",
    "young_person",
    "parental_responsibility",
    "state",
    "authenticated_at",
)
REQUEST_FIELDS = ("id", "requested", "role", "due_on", "received_on")


def fields_of(row, names):
    return {name: getattr(row, name) for name in names}


def document_data(document):
    return {
        "id": document.pk,
        "description": document.description,
        "document_date": document.document_date,
        "name": document.original_name,
        "published_at": document.published_at,
        "withdrawn_at": document.withdrawn_at,
    }


def _summary(case):
    return {
        "id": case.pk,
        "child_record_id": case.child_record_id,
        "process": case.process,
        "stage": case.stage,
        "status": case.status,
        "caseworker_email": case.caseworker.email if case.caseworker else None,
        "updated_at": case.updated_at,
    }


def detail(case):
    return {
        **_summary(case),
        "dates": list(case.dates.order_by("code").values("code", "date")),
        "exceptions": list(case.exceptions.order_by("starts_on", "pk").values(*EXCEPTION_FIELDS)),
        "sharing": list(case.sharing.order_by("pk").values(*SHARING_FIELDS)),
        "information_requested": list(
            case.information_requests.order_by("due_on", "pk").values(*REQUEST_FIELDS)
        ),
        "documents": [document_data(d) for d in case.documents.order_by("pk")],
        "actions": [
            {
                "id": a.pk,
                "form_code": a.form.code,
                "user_email": a.user.email,
                "due_on": a.due_on,
                "status": a.status,
            }
            for a in case.actions.select_related("form", "user").order_by("pk")
        ],
    }


def _cases(user):
    return access.scoped(user, KIND).select_related("caseworker")


def find_case(request, case_id):
    return access.get_or_404(request.user, KIND, _cases(request.user), pk=case_id)


def _caseworker(email):
    if not email:
        return None
    found = get_user_model().objects.filter(staff_users(), email__iexact=email).first()
    if found is None:
        raise ApiError(
            422,
            "validation_error",
            "The caseworker must be a member of staff.",
            [{"field": "body.caseworker_email", "message": "No member of staff has it."}],
        )
    return found


def refused(refusal):
    return ApiError(409, "not_allowed", refusal.reason)


def as_json(schema, data):
    return schema.model_validate(data).model_dump(mode="json")


@router.get("/", auth=require("cases:read"), response={200: CasePage, ERRORS: Error})
def list_cases(request, filters: Query[CaseFilters]):
    """Involvements in the order they last changed; ``resume_cursor`` asks for later changes."""
    cases = _cases(request.user)
    if filters.child_record_id is not None:
        cases = cases.filter(child_record_id=filters.child_record_id)
    rows, cursors = pagination.page(cases, "updated_at", filters.cursor, filters.limit)
    return {"items": [_summary(case) for case in rows], **cursors}


@router.get("/{case_id}", auth=require("cases:read"), response={200: CaseOut, ERRORS: Error})
def get_case(request, case_id: fields.IdParam):
    case = find_case(request, case_id)
    audit.record(request.user, "involvement.viewed", case, child_record_id=case.child_record_id)
    return detail(case)


@router.post("/", auth=require("cases:write"), response={201: CaseSummary, ERRORS: Error})
def open_case(request, payload: CaseIn, idempotency_key: str = IdempotencyKey):
    """Open a process for a child on the register."""
    # Staff who manage involvements open them for any child on the register.
    child = get_object_or_404(ChildRecord, pk=payload.child_record_id)
    if not access.may(request.user, "add", KIND):
        raise ApiError(403, "forbidden", "This account may not open involvements.")

    def work():
        try:
            case = involvements.open_involvement(
                child,
                payload.process,
                request.user,
                stage=payload.stage,
                caseworker=_caseworker(payload.caseworker_email),
            )
        except involvements.NotAllowed as refusal:
            raise refused(refusal) from None
        return 201, as_json(CaseSummary, _summary(case))

    return once(request, idempotency_key, work)


@router.patch("/{case_id}", auth=require("cases:write"), response={200: CaseSummary, ERRORS: Error})
def change_case(request, case_id: fields.IdParam, payload: CaseChange):
    """Move the involvement to a stage and give it to a caseworker (none when left out)."""
    case = find_case(request, case_id)
    try:
        involvements.change(
            case,
            request.user,
            caseworker=_caseworker(payload.caseworker_email),
            stage=payload.stage,
        )
    except involvements.NotAllowed as refusal:
        raise refused(refusal) from None
    return _summary(case)


@router.put("/{case_id}/dates", auth=require("cases:write"), response={200: CaseOut, ERRORS: Error})
def record_date(request, case_id: fields.IdParam, payload: DateIn):
    """Record or correct one of the process's key dates (``date: null`` removes it)."""
    case = find_case(request, case_id)
    try:
        involvements.record_date(case, payload.code, payload.date, request.user)
    except involvements.NotAllowed as refusal:
        raise refused(refusal) from None
    return detail(case)


@router.post(
    "/{case_id}/information-requests",
    auth=require("cases:write"),
    response={201: InformationRequestOut, ERRORS: Error},
)
def request_information(
    request,
    case_id: fields.IdParam,
    payload: InformationRequestIn,
    idempotency_key: str = IdempotencyKey,
):
    """Record that the council asked for information, and by when."""
    case = find_case(request, case_id)

    def work():
        row = involvements.request_information(
            case,
            request.user,
            requested=payload.requested,
            role=payload.role,
            due_on=payload.due_on,
        )
        return 201, as_json(InformationRequestOut, fields_of(row, REQUEST_FIELDS))

    return once(request, idempotency_key, work)


@router.post(
    "/{case_id}/actions", auth=require("actions:write"), response={201: ActionOut, ERRORS: Error}
)
def ask_for_form(
    request, case_id: fields.IdParam, payload: ActionIn, idempotency_key: str = IdempotencyKey
):
    """Ask a person authenticated on the child to complete a published form by a date."""
    case = find_case(request, case_id)
    form = get_object_or_404(FormDefinition, code=payload.form_code)
    user = get_object_or_404(get_user_model(), email__iexact=payload.user_email)

    def work():
        try:
            action = actions.ask(case, user, form, payload.due_on, request.user, note=payload.note)
        except actions.NotAllowed as refusal:
            raise refused(refusal) from None
        data = {
            "id": action.pk,
            "form_code": form.code,
            "user_email": user.email,
            "due_on": action.due_on,
            "status": action.status,
        }
        return 201, as_json(ActionOut, data)

    return once(request, idempotency_key, work)
