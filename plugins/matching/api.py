"""Matching decisions in the integration API (``/api/v1/matching/``, MatchingConfig.api_router):
the case system learns which council record each incoming child was matched to (or that a
new record was created, or the child rejected), in the order the caseworkers decided.

Only decided requests are decisions: a waiting child is the council's own queue, so its id
gives 404 like an id that does not exist. Every read is audited, one row per decision."""

from datetime import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema

from api import fields, pagination
from api.auth import require
from api.errors import ERRORS, Error
from core import audit
from portal import access

from .access import KIND
from .models import MatchRequest

router = Router(tags=["matching"])
VIEWED = "matching.decision_viewed"


class DecisionOut(Schema):
    id: int
    state: Literal["matched", "new_record", "rejected"] = Field(
        ...,
        description="matched: to an existing child record; new_record: added to the register "
        "as a new child record; rejected: linked to no record (see reason)",
    )
    child_record_id: int | None = Field(
        ..., description="The record matched or created; none for a rejection"
    )
    council_id: str | None = Field(..., description="That record's council id")
    forms: list[str] = Field(..., description="References of the submitted forms concerned")
    received_at: datetime
    decided_at: datetime
    decided_by_email: str | None = Field(..., description="The caseworker who decided")
    reason: str = Field(..., description="Why the child was rejected")
    settled: dict[str, str] = Field(
        ...,
        description='On a match, which value each conflicting field kept: "council" or "portal"',
    )
    best_score: float | None = Field(..., description="The best candidate's match probability")
    best_band: str = Field(..., description="The best candidate's band")


class DecisionPage(pagination.Page):
    items: list[DecisionOut]


class DecisionFilters(Schema):
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT)


def _decisions():
    # A waiting request is not a decision yet: it stays out of every answer.
    return MatchRequest.objects.exclude(state=MatchRequest.State.WAITING).select_related(
        "child_record", "decided_by"
    )


def _out(decision):
    record = decision.child_record
    return {
        "id": decision.pk,
        "state": decision.state,
        "child_record_id": decision.child_record_id,
        "council_id": record.council_id if record else None,
        "forms": list(decision.forms),
        "received_at": decision.received_at,
        "decided_at": decision.decided_at,
        "decided_by_email": decision.decided_by.email if decision.decided_by else None,
        "reason": decision.reason,
        "settled": decision.settled,
        "best_score": decision.best_score,
        "best_band": decision.best_band,
    }


@router.get(
    "/decisions/", auth=require("matching:read"), response={200: DecisionPage, ERRORS: Error}
)
def list_decisions(request, filters: Query[DecisionFilters]):
    """Decisions in the order they were made: keep the last page's ``resume_cursor`` and ask
    with it later for the decisions made since."""
    rows, cursors = pagination.page(
        access.scoped(request.user, KIND, _decisions()), "decided_at", filters.cursor, filters.limit
    )
    audit.record_each(request.user, VIEWED, rows)
    return {"items": [_out(row) for row in rows], **cursors}


@router.get(
    "/decisions/{decision_id}",
    auth=require("matching:read"),
    response={200: DecisionOut, ERRORS: Error},
)
def get_decision(request, decision_id: fields.IdParam):
    decision = access.get_or_404(request.user, KIND, _decisions(), pk=decision_id)
    audit.record(request.user, VIEWED, decision)
    return _out(decision)
