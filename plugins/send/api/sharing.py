"""Portal sharing of a case for the case system: recording a portal user on the involvement
(by the email address of their account), authenticating them with the reason, taking the
authentication away and removing them. Each is a transition of the admin's own state machine
(casework.involvements.portal_sharing); one it does not allow from the row's state answers
409 with the reason."""

from django.contrib.auth import get_user_model
from ninja import Field, Router, Schema

from api import fields
from api.auth import require
from api.errors import ERRORS, ApiError, Error, not_found
from api.idempotency import IdempotencyKey, once

from ..casework.involvements import portal_sharing
from .cases import SHARING_FIELDS, SharingOut, as_json, fields_of, find_case, refused

router = Router(tags=["cases"])


class SharingIn(Schema):
    email: str = Field(..., min_length=1, max_length=254, description="the portal account's")
    role: str = Field("", max_length=100, description="a professional's own role when left blank")
    young_person: fields.Bool = False
    parental_responsibility: fields.Bool = False


class AuthenticationIn(Schema):
    reason: str = Field(
        ...,
        min_length=1,
        max_length=5000,
        description="why the council shares the case with them, and how it checked who they are",
    )


def _portal_user(email):
    found = get_user_model().objects.filter(is_active=True, email__iexact=email).first()
    if found is None:
        raise ApiError(
            422,
            "validation_error",
            "The portal user must have an account.",
            [{"field": "body.email", "message": "No active account has it."}],
        )
    return found


def _sharing(request, case_id, sharing_id):
    case = find_case(request, case_id)
    sharing = case.sharing.select_related("user").filter(pk=sharing_id).first()
    if sharing is None:
        raise not_found()
    return sharing


def _done(sharing):
    return 200, as_json(SharingOut, fields_of(sharing, SHARING_FIELDS))


def _refusing(work):
    try:
        return work()
    except portal_sharing.NotAllowed as refusal:
        raise refused(refusal) from None


@router.post(
    "/{case_id}/sharing", auth=require("cases:write"), response={201: SharingOut, ERRORS: Error}
)
def add_portal_user(
    request, case_id: fields.IdParam, payload: SharingIn, idempotency_key: str = IdempotencyKey
):
    """Record a portal user on the case, not authenticated yet (they see nothing until they
    are). Someone removed earlier is added again; anyone else already on it answers 409."""
    case = find_case(request, case_id)
    user = _portal_user(payload.email)

    def work():
        sharing = _refusing(
            lambda: portal_sharing.add(
                case,
                user,
                request.user,
                role=payload.role,
                young_person=payload.young_person,
                parental_responsibility=payload.parental_responsibility,
            )
        )
        return 201, as_json(SharingOut, fields_of(sharing, SHARING_FIELDS))

    return once(request, idempotency_key, work)


@router.post(
    "/{case_id}/sharing/{sharing_id}/authenticate",
    auth=require("cases:write"),
    response={200: SharingOut, ERRORS: Error},
)
def authenticate(
    request,
    case_id: fields.IdParam,
    sharing_id: fields.IdParam,
    payload: AuthenticationIn,
    idempotency_key: str = IdempotencyKey,
):
    """Let the person see the child's SEND information (they are told, in their language).
    Refused on a closed case, a closed account, an unverified professional, or someone
    authenticated or removed already."""
    sharing = _sharing(request, case_id, sharing_id)
    return once(
        request,
        idempotency_key,
        lambda: _done(
            _refusing(lambda: portal_sharing.authenticate(sharing, request.user, payload.reason))
        ),
    )


@router.post(
    "/{case_id}/sharing/{sharing_id}/unauthenticate",
    auth=require("cases:write"),
    response={200: SharingOut, ERRORS: Error},
)
def unauthenticate(
    request,
    case_id: fields.IdParam,
    sharing_id: fields.IdParam,
    idempotency_key: str = IdempotencyKey,
):
    """Take the person's access away at once; they stay recorded on the case."""
    sharing = _sharing(request, case_id, sharing_id)
    return once(
        request,
        idempotency_key,
        lambda: _done(_refusing(lambda: portal_sharing.unauthenticate(sharing, request.user))),
    )


@router.post(
    "/{case_id}/sharing/{sharing_id}/remove",
    auth=require("cases:write"),
    response={200: SharingOut, ERRORS: Error},
)
def remove(
    request,
    case_id: fields.IdParam,
    sharing_id: fields.IdParam,
    idempotency_key: str = IdempotencyKey,
):
    """Take the person off the case, and their access with it. The row stays (state
    ``removed``) so the audit trail keeps its meaning; adding them again starts over."""
    sharing = _sharing(request, case_id, sharing_id)
    return once(
        request,
        idempotency_key,
        lambda: _done(_refusing(lambda: portal_sharing.remove(sharing, request.user))),
    )
