"""Opening, changing and closing a child's involvements, their key dates and exceptions, and
the information the council asks people for. Every change writes the audit log against the
child's record; the admin views, the demo and tests all call these."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit

from ...models import InformationRequest, Involvement, InvolvementDate, InvolvementException
from ..process import deadlines
from . import statutory


class NotAllowed(Exception):
    """The change is not allowed; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def _audit(actor, action, obj, involvement, detail="", request=None):
    audit.record(
        actor,
        action,
        obj,
        detail,
        request=request,
        child_record_id=involvement.child_record_id,
    )


def _process(code):
    """The definition of one of the council's processes; refused for any other code."""
    process = next((p for p in statutory.processes() if p.code == code), None)
    if process is None:
        raise NotAllowed(
            _("“%(code)s” is not one of the council's statutory processes.") % {"code": code}
        )
    return process


def _definition(involvement):
    process = statutory.definition_of(involvement.process)
    if process is None:
        raise NotAllowed(
            _("“%(code)s” is not a known statutory process.") % {"code": involvement.process}
        )
    return process


def _check_stage(process, stage):
    # A blank stage leaves the involvement's stage unrecorded.
    if stage and stage not in {s.code for s in process.stages}:
        raise NotAllowed(_("“%(code)s” is not a stage of this process.") % {"code": stage})


def open_involvement(child_record, process, actor, *, stage="", caseworker=None, request=None):
    """Start ``process`` (a code of one of the council's process definitions) for
    ``child_record``; refused for an unknown process or stage, and while one of the process
    is open for the child."""
    _check_stage(_process(process), stage)
    try:
        # The database's constraint decides between two staff opening it at once.
        with transaction.atomic():
            involvement = Involvement.objects.create(
                child_record=child_record, process=process, stage=stage, caseworker=caseworker
            )
    except IntegrityError:
        raise NotAllowed(_("This child already has an open involvement of this process.")) from None
    _audit(actor, "involvement.created", involvement, involvement, process, request)
    return involvement


def change(involvement, actor, *, caseworker, stage, request=None):
    """Give the involvement to ``caseworker`` (or nobody) and move it to ``stage`` (a stage of
    its process; refused otherwise)."""
    _check_stage(_definition(involvement), stage)
    involvement.caseworker, involvement.stage = caseworker, stage
    involvement.save(update_fields=["caseworker", "stage", "updated_at"])
    _audit(actor, "involvement.changed", involvement, involvement, stage, request)
    return involvement


def close(involvement, actor, reason, closed_on=None, request=None):
    """Close an open involvement with the reason: everyone authenticated on it loses the
    access it gave them (``authentication`` only counts open involvements)."""
    if not involvement.is_open:
        raise NotAllowed(_("The involvement is already closed."))
    if not reason.strip():
        raise NotAllowed(_("Give the reason for closing the involvement."))
    involvement.status = Involvement.Status.CLOSED
    involvement.closed_reason = reason.strip()
    involvement.closed_on = closed_on or timezone.localdate()
    involvement.save(update_fields=["status", "closed_reason", "closed_on", "updated_at"])
    _audit(actor, "involvement.closed", involvement, involvement, reason, request)
    return involvement


def reopen(involvement, actor, request=None):
    """Open a closed involvement again, unless another of its process is open for the child."""
    if involvement.is_open:
        raise NotAllowed(_("The involvement is already open."))
    others = Involvement.objects.open().filter(
        child_record=involvement.child_record_id, process=involvement.process
    )
    if others.exists():
        raise NotAllowed(_("This child already has an open involvement of this process."))
    involvement.status = Involvement.Status.OPEN
    involvement.closed_reason, involvement.closed_on = "", None
    involvement.save(update_fields=["status", "closed_reason", "closed_on", "updated_at"])
    _audit(actor, "involvement.reopened", involvement, involvement, request=request)
    return involvement


def record_date(involvement, code, date, actor, request=None):
    """Record (or correct) the key date ``code`` (one of the process's dates; refused
    otherwise); ``date=None`` removes it. Due dates follow at once: they are computed from
    these rows (``statutory.case_timeline``). The involvement's stage follows too, so the
    lists and the tray name the stage the family sees on the timeline."""
    process = _definition(involvement)
    if code not in {field.code for field in process.dates}:
        raise NotAllowed(_("“%(code)s” is not a date of this process.") % {"code": code})
    with transaction.atomic():
        if date is None:
            InvolvementDate.objects.filter(involvement=involvement, code=code).delete()
        else:
            InvolvementDate.objects.update_or_create(
                involvement=involvement,
                code=code,
                defaults={"date": date, "recorded_by": actor, "recorded_at": timezone.now()},
            )
        _audit(actor, "involvement.date", involvement, involvement, f"{code}: {date}", request)
        _follow_timeline(involvement, process, actor, request)


def _follow_timeline(involvement, process, actor, request):
    """Move the stored stage to the timeline's current stage (the last stage once all are
    done), when the recorded dates have moved it."""
    fresh = Involvement.objects.prefetch_related("dates", "exceptions").get(pk=involvement.pk)
    current = deadlines.current_stage(statutory.case_timeline(fresh))
    stage = current.stage.code if current else process.stages[-1].code
    if stage != fresh.stage:
        involvement.stage = stage
        involvement.save(update_fields=["stage", "updated_at"])
        _audit(actor, "involvement.changed", involvement, involvement, stage, request)


def record_exception(involvement, actor, *, reason, starts_on, ends_on=None, note="", request=None):
    """Record a legal exception to a time limit over a period, with why: ``reason`` is one of
    the process's exception reasons (refused otherwise)."""
    if _definition(involvement).exception(reason) is None:
        raise NotAllowed(_("“%(code)s” is not an exception of this process.") % {"code": reason})
    exception = InvolvementException.objects.create(
        involvement=involvement,
        reason=reason,
        note=note,
        starts_on=starts_on,
        ends_on=ends_on,
        recorded_by=actor,
    )
    _audit(actor, "involvement.exception", involvement, involvement, reason, request)
    return exception


def remove_exception(exception, actor, request=None):
    """Take back an exception recorded in error."""
    involvement = exception.involvement
    exception.delete()
    _audit(actor, "involvement.exception", involvement, involvement, _("removed"), request)


def request_information(involvement, actor, request=None, **fields):
    """Record that the council asked someone for information (fields of
    ``InformationRequest``: user, person, form, role, requested, due_on, notified_on)."""
    row = InformationRequest.objects.create(involvement=involvement, created_by=actor, **fields)
    _audit(actor, "information.requested", row, involvement, row.requested, request)
    return row


def received(information_request, actor, on=None, request=None):
    """The information asked for has arrived (on ``on``, today by default): it is no longer
    overdue and no reminder is sent for it again."""
    if information_request.received_on is not None:
        raise NotAllowed(_("This information has already been received."))
    information_request.received_on = on or timezone.localdate()
    information_request.send_reminders = False
    information_request.save(update_fields=["received_on", "send_reminders"])
    _audit(
        actor,
        "information.received",
        information_request,
        information_request.involvement,
        str(information_request.received_on),
        request,
    )
    return information_request
