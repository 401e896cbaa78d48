"""Submitted forms for the case system: new or decided ones since a cursor, one with its
answers keyed by question code and repeat index, its files and its PDF, and the council's
decision on it, through the admin's own review service (casework.review).

Reading a submission through the API is the council opening it, as in the admin: a form
must be opened before it is decided."""

from datetime import datetime
from typing import Any, Literal

from django.http import FileResponse, HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema

from api import fields, pagination
from api.auth import require
from api.errors import ERRORS, ApiError, Error
from api.idempotency import IdempotencyKey, once
from core import audit
from portal import access

from ..builder.schema import FormSchema
from ..casework import review
from ..filling.answers import load_answers
from ..models import Answer, SubmissionFile
from ..models.submissions import Review
from ..printing import formats
from ..printing.documents import PrintOptions

router = Router(tags=["submissions"])
KIND = "send.submission"
DECIDED = (Review.APPROVED, Review.REJECTED, Review.MORE_INFORMATION)


class SubmissionSummary(Schema):
    id: int
    reference: str | None
    form_code: str
    status: str
    review_state: str
    matching_state: str
    child_record_id: int | None
    submitted_at: datetime | None
    decided_at: datetime | None


class AnswerOut(Schema):
    question_code: str
    repeat_index: int
    value: Any = None


class FileOut(Schema):
    id: int
    question_code: str
    repeat_index: int
    name: str
    content_type: str
    size: int
    sha256: str


class SubmissionOut(SubmissionSummary):
    decision_message: str
    answers: list[AnswerOut]
    files: list[FileOut]


class SubmissionPage(pagination.Page):
    items: list[SubmissionSummary]


class SubmissionFilters(Schema):
    state: Literal["submitted", "decided"] = Field(
        "submitted",
        description="submitted: in the order they arrived; decided: in the order decided",
    )
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT)


class DecisionIn(Schema):
    decision: Literal["approve", "reject", "more_information"]
    message: str = Field(..., min_length=1, max_length=5000)
    share_with_case: fields.Bool = False


def _summary(submission):
    return {
        "id": submission.pk,
        "reference": submission.reference,
        "form_code": submission.version.form.code,
        "status": submission.status,
        "review_state": submission.review_state,
        "matching_state": submission.matching_state,
        "child_record_id": submission.person.child_record_id,
        "submitted_at": submission.submitted_at,
        "decided_at": submission.decided_at,
    }


def _detail(submission):
    answers = Answer.objects.filter(submission=submission).order_by(
        "group_number", "repeat_index", "pk"
    )
    files = submission.files.order_by("pk")
    return {
        **_summary(submission),
        "decision_message": submission.decision_message,
        "answers": [
            {"question_code": a.question_code, "repeat_index": a.repeat_index, "value": a.value}
            for a in answers
        ],
        "files": [
            {
                "id": f.pk,
                "question_code": f.question_code,
                "repeat_index": f.repeat_index,
                "name": f.original_name,
                "content_type": f.content_type,
                "size": f.size,
                "sha256": f.sha256,
            }
            for f in files
        ],
    }


def _submissions(user):
    return access.scoped(user, KIND).select_related("version__form", "person")


@router.get("/", auth=require("submissions:read"), response={200: SubmissionPage, ERRORS: Error})
def list_submissions(request, filters: Query[SubmissionFilters]):
    """Forms sent to the council, oldest first: keep the last page's ``resume_cursor`` and ask
    with it later for the ones that arrived (or were decided) since."""
    submissions = _submissions(request.user)
    if filters.state == "decided":
        submissions = submissions.filter(review_state__in=DECIDED)
        field = "decided_at"
    else:
        field = "submitted_at"
    rows, cursors = pagination.page(submissions, field, filters.cursor, filters.limit)
    return {"items": [_summary(row) for row in rows], **cursors}


def _opened(request, submission_id):
    submission = access.get_or_404(request.user, KIND, _submissions(request.user), pk=submission_id)
    review.open_submission(submission, request.user)
    return submission


@router.get(
    "/{submission_id}",
    auth=require("submissions:read"),
    response={200: SubmissionOut, ERRORS: Error},
)
def get_submission(request, submission_id: fields.IdParam):
    submission = _opened(request, submission_id)
    audit.record(request.user, "submission.opened", submission)
    return _detail(submission)


@router.get(
    "/{submission_id}/files/{file_id}",
    auth=require("submissions:read"),
    response={200: bytes, ERRORS: Error},
    openapi_extra={
        "responses": {200: {"description": "The file", "content": {"*/*": {"schema": {}}}}}
    },
)
def get_file(request, submission_id: fields.IdParam, file_id: fields.IdParam):
    submission = _opened(request, submission_id)
    upload = access.get_or_404(
        request.user,
        "send.submission_file",
        SubmissionFile.objects.filter(submission=submission),
        pk=file_id,
    )
    audit.record(request.user, "file.downloaded", upload, upload.original_name)
    return FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )


@router.get(
    "/{submission_id}/pdf",
    auth=require("submissions:read"),
    response={200: bytes, ERRORS: Error},
    openapi_extra={
        "responses": {
            200: {"description": "The form as PDF", "content": {"application/pdf": {"schema": {}}}}
        }
    },
)
def get_pdf(request, submission_id: fields.IdParam):
    """The submitted form printed as PDF, in the submitter's language."""
    submission = _opened(request, submission_id)
    language = submission.created_by.preferred_language
    with translation.override(language):
        content = formats.print_file(
            "pdf",
            FormSchema(submission.version.schema),
            load_answers(submission),
            PrintOptions(),
            language,
            submission=submission,
        )
    audit.record(request.user, "submission.printed", submission)
    response = HttpResponse(content, content_type=formats.CONTENT_TYPES["pdf"])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{submission.reference or submission.pk}.pdf"
    )
    return response


@router.post(
    "/{submission_id}/decision",
    auth=require("submissions:write"),
    response={200: SubmissionSummary, ERRORS: Error},
)
def decide(
    request,
    submission_id: fields.IdParam,
    payload: DecisionIn,
    idempotency_key: str = IdempotencyKey,
):
    """Approve, reject or ask for more, with the message to the submitter: the admin's rules
    (a form is decided once, approving needs the child matched) answer 409 with the reason."""
    submission = access.get_or_404(request.user, KIND, _submissions(request.user), pk=submission_id)
    if not access.may(request.user, "decide", submission):
        raise ApiError(403, "forbidden", "This account may not decide on submitted forms.")

    def work():
        try:
            if payload.decision == review.APPROVE:
                decided = review.approve(
                    submission, request.user, payload.message, payload.share_with_case
                )
            elif payload.decision == review.REJECT:
                decided = review.reject(submission, request.user, payload.message)
            else:
                decided = review.request_more_information(submission, request.user, payload.message)
        except review.NotAllowed as refusal:
            raise ApiError(409, "not_allowed", refusal.reason) from None
        return 200, SubmissionSummary.model_validate(_summary(decided)).model_dump(mode="json")

    return once(request, idempotency_key, work)
