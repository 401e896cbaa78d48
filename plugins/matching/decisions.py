"""A caseworker's decision on an incoming child, as a state machine that refuses every
decision but the first: Waiting → Matched (to a record of the register, each conflicting
field settled), Added as a new child record, or Rejected.

Each decision is audited; a match or a new record sends ``person_matched`` after the commit,
and the service that owns the portal person (SEND) links them and opens its casework gate.
A rejected child is linked to nothing: their forms stay out of casework until a form is
resubmitted to matching (``queue``)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit
from portal import events
from records import services as records
from records.models import Source

from .models import MatchRequest
from .queue import ADDRESS_FIELDS, DETAILS

COUNCIL = "council"
PORTAL = "portal"


class NotAllowed(Exception):
    """The decision is not allowed now; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


ADDRESS = "address"


def address_text(address):
    """An address (a ``records.services.Address`` or a ``ChildAddress``) on one line."""
    if address is None:
        return ""
    return ", ".join(
        part for part in (address.line_1, address.line_2, address.town, address.postcode) if part
    )


def conflicts(request, record):
    """The fields where the incoming child and ``record`` differ: [(field, portal value,
    council value)]. The address is one field: the declared address against the record's
    current one, compared only when the family gave an address."""
    found = [
        (field, getattr(request, field), getattr(record, field))
        for field in DETAILS
        if getattr(request, field) != getattr(record, field)
    ]
    declared = request.address
    if declared is not None:
        current = record.addresses.current().first()
        if current is None or not current.same_place(
            declared.line_1, declared.line_2, declared.town, declared.postcode
        ):
            found.append((ADDRESS, address_text(declared), address_text(current)))
    return found


def _locked(request):
    locked = MatchRequest.objects.select_for_update().get(pk=request.pk)
    if locked.state != MatchRequest.State.WAITING:
        raise NotAllowed(_("A decision has already been made on this child."))
    return locked


def _decided(request, state, user, record=None, **fields):
    request.state = state
    request.child_record = record
    request.decided_by = user
    request.decided_at = timezone.now()
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()


def _announce(request, record):
    events.send_after_commit(
        events.person_matched, MatchRequest, person=request.person, child_record=record
    )


def match(request, record, user, take_portal=(), http_request=None):
    """Match the incoming child to ``record``. ``take_portal`` names the conflicting fields
    whose portal value replaces the council's (stamped as coming from the portal); every
    other conflict keeps the council's value. Several people may match one record."""
    with transaction.atomic():
        request = _locked(request)
        found = {field: portal for field, portal, _council in conflicts(request, record)}
        unknown = set(take_portal) - set(found)
        if unknown:
            raise NotAllowed(_("Only a field that differs can take the portal's value."))
        values = {field: found[field] for field in take_portal if field != ADDRESS}
        # Taking the portal's address moves the child: the council's address becomes history.
        address = request.address if ADDRESS in take_portal else None
        if values or address:
            records.update_record(record, values, Source.PORTAL, address=address)
        settled = {field: PORTAL if field in take_portal else COUNCIL for field in found}
        _decided(request, MatchRequest.State.MATCHED, user, record, settled=settled)
        audit.record(user, "matching.matched", request, record.council_id, request=http_request)
        _announce(request, record)
    return request


def add_as_new_record(request, user, http_request=None):
    """Register the incoming child as a new child record, from the portal."""
    with transaction.atomic():
        request = _locked(request)
        record = records.accept_as_new_record(
            records.PersonDetails(
                **{field: getattr(request, field) for field in (*DETAILS, *ADDRESS_FIELDS)}
            )
        )
        _decided(request, MatchRequest.State.NEW_RECORD, user, record)
        audit.record(user, "matching.new_record", request, record.council_id, request=http_request)
        _announce(request, record)
    return request


def reject(request, user, reason, http_request=None):
    """Reject the incoming child (not a child the council can register, a duplicate
    declaration …): linked to nothing, their forms stay out of casework."""
    if not reason.strip():
        raise NotAllowed(_("Say why the child is rejected."))
    with transaction.atomic():
        request = _locked(request)
        _decided(request, MatchRequest.State.REJECTED, user, reason=reason.strip())
        audit.record(user, "matching.rejected", request, reason, request=http_request)
    return request
