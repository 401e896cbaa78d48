"""Messages in the integration API (``/api/v1/messages/``, MessagingConfig.api_router): the
case system writes to the people on a child's case as the SEND team, through
``services.write_from_team``; the portal tells each recipient as for any team message."""

from django.contrib.auth import get_user_model
from ninja import Field, Router, Schema

from api import fields
from api.auth import require
from api.errors import ERRORS, ApiError, Error
from api.idempotency import IdempotencyKey, once
from portal import access

from . import services, subjects
from .access import MANAGE
from .models import MessageType

router = Router(tags=["messages"])


class MessageIn(Schema):
    about_kind: str = Field(
        ..., min_length=1, max_length=60, description='The subject, e.g. "send.child_record"'
    )
    about_id: fields.Id
    recipient_emails: list[str] = Field(..., min_length=1, max_length=50)
    subject: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., min_length=1, max_length=10000)
    message_type_id: fields.Id | None = None


class ThreadOut(Schema):
    thread_id: int
    recipients: int


@router.post("/threads", auth=require("messages:write"), response={201: ThreadOut, ERRORS: Error})
def write_to_case(request, payload: MessageIn, idempotency_key: str = IdempotencyKey):
    """Send a message from the SEND team about a subject (a child's case) to people who may
    receive messages about it: anyone else refuses the whole message (409)."""
    if not access.has_permission(request.user, MANAGE):
        raise ApiError(403, "forbidden", "This account may not write as the team.")
    if payload.about_kind not in subjects.registered():
        raise ApiError(
            422,
            "validation_error",
            "Not a subject messages can be about.",
            [{"field": "body.about_kind", "message": "Unknown subject."}],
        )
    emails = {email.strip().lower() for email in payload.recipient_emails}
    users = get_user_model().objects.filter(is_active=True)
    recipients = [user for email in emails if (user := users.filter(email__iexact=email).first())]
    message_type = None
    if payload.message_type_id is not None:
        message_type = MessageType.objects.filter(pk=payload.message_type_id).first()
        if message_type is None:
            raise ApiError(404, "not_found", "No such message type.")

    def work():
        try:
            thread = services.write_from_team(
                request.user,
                recipients if len(recipients) == len(emails) else [],
                payload.about_kind,
                payload.about_id,
                payload.subject,
                payload.body,
                message_type,
            )
        except PermissionError:
            raise ApiError(
                409, "not_allowed", "Every recipient must be on this subject's case."
            ) from None
        return 201, {"thread_id": thread.pk, "recipients": len(recipients)}

    return once(request, idempotency_key, work)
