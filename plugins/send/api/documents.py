"""Documents to view on a case for the case system: publishing a file to the people
authenticated on the child, and withdrawing one from the portal, through the admin's own
documents service (casework.documents), with its rules and audit entries."""

from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile

from api import fields
from api.auth import require
from api.errors import ERRORS, Error
from api.idempotency import IdempotencyKey, once
from portal import access

from ..casework.documents import services as documents
from ..casework.documents.access import DOCUMENT
from .cases import DocumentOut, as_json, document_data, find_case, refused

router = Router(tags=["cases"])


class DocumentIn(Schema):
    description: str = Field(..., min_length=1, max_length=200)
    document_date: fields.Date


class WithdrawalIn(Schema):
    reason: str = Field(..., min_length=1, max_length=5000)


@router.post(
    "/{case_id}/documents",
    auth=require("documents:write"),
    response={201: DocumentOut, ERRORS: Error},
)
def publish_document(
    request,
    case_id: fields.IdParam,
    file: File[UploadedFile],
    details: Form[DocumentIn],
    idempotency_key: str = IdempotencyKey,
):
    """Publish a PDF or Word file to everyone authenticated on the child. It is checked as
    every upload is (type by content, size, the virus scanner) and refused if it fails."""
    case = find_case(request, case_id)

    def work():
        checked = documents.check_document(file)
        try:
            document = documents.publish(
                case,
                request.user,
                file,
                checked,
                description=details.description,
                document_date=details.document_date,
            )
        except documents.NotAllowed as refusal:
            raise refused(refusal) from None
        return 201, as_json(DocumentOut, document_data(document))

    return once(request, idempotency_key, work)


@router.post(
    "/{case_id}/documents/{document_id}/withdraw",
    auth=require("documents:write"),
    response={200: DocumentOut, ERRORS: Error},
)
def withdraw_document(
    request,
    case_id: fields.IdParam,
    document_id: fields.IdParam,
    payload: WithdrawalIn,
    idempotency_key: str = IdempotencyKey,
):
    """Take a document off the portal, with the reason; the council keeps it. A document
    withdrawn already answers 409."""
    case = find_case(request, case_id)
    document = access.get_or_404(request.user, DOCUMENT, case.documents.all(), pk=document_id)

    def work():
        try:
            withdrawn = documents.withdraw(document, request.user, payload.reason)
        except documents.NotAllowed as refusal:
            raise refused(refusal) from None
        return 200, as_json(DocumentOut, document_data(withdrawn))

    return once(request, idempotency_key, work)
