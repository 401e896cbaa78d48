"""The matching part of a subject access export (see core.subject_access for the format): each
incoming child the user declared, with the details compared and the caseworker's decision, and
each decision the user made as a caseworker."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.subject_access import field

from .models import MatchRequest


def export_user(user):
    requests = MatchRequest.objects.filter(Q(declared_by=user) | Q(decided_by=user)).order_by(
        "received_at", "pk"
    )
    return {
        "title": _("Matching to the council's records"),
        "items": [_request(request, user) for request in requests],
    }


def _request(request, user):
    return {
        "kind": "match_request",
        "title": request.full_name,
        "fields": [
            field("received_at", _("received"), request.received_at),
            field(
                "declared_by_user", _("Declared by this user"), request.declared_by_id == user.pk
            ),
            field("date_of_birth", _("date of birth"), request.date_of_birth),
            field("forms", _("forms waiting"), list(request.forms)),
            field("state", _("state"), request.state, request.get_state_display()),
            field("decided_at", _("decided"), request.decided_at),
            field("decided_by_user", _("Decided by this user"), request.decided_by_id == user.pk),
            field("reason", _("reason"), request.reason),
        ],
    }
