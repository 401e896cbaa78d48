"""The rules of delegated tasks, as one state machine:

    group ──pick_up──▶ picked_up ─┐
    assigned (to a user) ─────────┼─reassign─▶ reassigned ⇄ reassign
                                  └─request_countersignature─▶ countersign
    countersign ──countersign──▶ countersigned
    assigned, picked_up, reassigned, countersigned ──submit──▶ submitted
    any open state ──retract (with the reason)──▶ retracted

Submitted and retracted are final. Only one person holds a task at a time: a group's task has
no holder until one member picks it up, and the database decides between two who press Pick
up at once (a conditional UPDATE on the state and the empty holder). Every change is one
function here; each refuses what the table does not allow (``NotAllowed``), writes the task's
history and the audit log against the child's record, tells whoever now has the task through
``notify`` (no child's information in it) and sends ``portal.events.task_changed`` after the
commit. The admin and portal views, the jobs, the demo and tests call these."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit
from portal import events

from ...filling import services as filling
from ...models import DelegatedTask, TaskHistory
from .. import review
from ..involvements import services as involvements
from . import groups, notices

State = DelegatedTask.State
CREATE = "created"
PICK_UP = "picked_up"
REASSIGN = "reassigned"
REQUEST_COUNTERSIGNATURE = "countersign_requested"
COUNTERSIGN = "countersigned"
SUBMIT = "submitted"
RETRACT = "retracted"
WORKING = {State.ASSIGNED, State.PICKED_UP, State.REASSIGNED}
# change -> (the states it may start from, the state it leads to)
TRANSITIONS = {
    PICK_UP: ({State.GROUP}, State.PICKED_UP),
    REASSIGN: (WORKING | {State.COUNTER_SIGNATURE, State.COUNTER_SIGNED}, State.REASSIGNED),
    REQUEST_COUNTERSIGNATURE: (WORKING, State.COUNTER_SIGNATURE),
    COUNTERSIGN: ({State.COUNTER_SIGNATURE}, State.COUNTER_SIGNED),
    SUBMIT: (WORKING | {State.COUNTER_SIGNED}, State.SUBMITTED),
    RETRACT: (set(DelegatedTask.OPEN_STATES), State.RETRACTED),
}
CHANGES = (CREATE, *TRANSITIONS)


class NotAllowed(Exception):
    """The change is not allowed now; ``reason`` says why, to staff or the professional."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def allows(task, change):
    """Whether ``task``'s state allows ``change`` (who may make it is asked separately)."""
    return task.state in TRANSITIONS[change][0]


def _refusal_in_state(state):
    if state == State.SUBMITTED:
        return _("This task has already been submitted.")
    if state == State.RETRACTED:
        return _("The council has retracted this task.")
    if state == State.GROUP:
        return _("This task is waiting in its work group's tray: pick it up first.")
    if state == State.COUNTER_SIGNATURE:
        return _("This task is waiting to be counter-signed.")
    return _("This task has been picked up by someone else.")


def _record(task, change, actor, detail="", request=None):
    """The task's history row, the audit log and the event of ``change``."""
    TaskHistory.objects.create(
        task=task, change=change, state=task.state, actor=actor, holder=task.holder, detail=detail
    )
    audit.record(
        actor,
        f"task.{change}",
        task,
        detail,
        request=request,
        child_record_id=task.involvement.child_record_id,
    )
    events.send_after_commit(events.task_changed, DelegatedTask, task=task, change=change)


def _locked(task, change, holder=None):
    """The task locked for ``change``: refused when its state does not allow it, or when
    ``holder`` is given and does not hold it."""
    locked = (
        DelegatedTask.objects.select_for_update(of=("self",))
        .select_related("involvement", "form")
        .get(pk=task.pk)
    )
    if locked.state not in TRANSITIONS[change][0]:
        raise NotAllowed(_refusal_in_state(locked.state))
    if holder is not None and locked.holder_id != holder.pk:
        raise NotAllowed(_("Only the person holding this task can do that."))
    return locked


def refusal_to_delegate(involvement, form, user=None, work_group=None, information_request=None):
    """Why the council may not send ``form`` for the involvement's child to ``user`` or
    ``work_group`` (exactly one of them), or None."""
    if not involvement.is_open:
        return _("The involvement is closed.")
    if (user is None) == (work_group is None):
        return _("Assign the task to a professional or to a work group, not both.")
    if user is not None and not (user.is_active and user.is_verified_professional):
        return _("Tasks can only be assigned to verified professionals.")
    if form.live_version_id is None:
        return _("Only a published form can be sent.")
    if information_request is not None and information_request.involvement_id != involvement.pk:
        return _("The information requested belongs to another involvement.")
    return None


def delegate(
    involvement,
    form,
    due_on,
    actor,
    *,
    user=None,
    work_group=None,
    comments="",
    prefilled=None,
    information_request=None,
    review_meeting_on=None,
    request=None,
):
    """Send ``form`` for the involvement's child, due by ``due_on``, to a professional
    (``user``) or to a work group's tray; ``prefilled`` ({question code: value}) are the
    answers the council fills in. Those it goes to are told at once."""
    reason = refusal_to_delegate(involvement, form, user, work_group, information_request)
    if reason:
        raise NotAllowed(reason)
    with transaction.atomic():
        task = DelegatedTask.objects.create(
            involvement=involvement,
            form=form,
            due_on=due_on,
            comments=comments.strip(),
            prefilled=prefilled or {},
            information_request=information_request,
            state=State.ASSIGNED if user else State.GROUP,
            holder=user,
            work_group=work_group,
            review_meeting_on=review_meeting_on,
            created_by=actor,
        )
        _record(task, CREATE, actor, form.code, request)
        notices.tell(task, notices.NEW, groups.recipients(task))
    return task


def pick_up(task, user):
    """A member of the task's work group takes it from the tray. Two pressing Pick up at
    once: the UPDATE only matches while the task is still in the tray without a holder, so
    exactly one of them gets it and the other is refused."""
    if not groups.may_pick_up(user, task):
        raise NotAllowed(_("Only a member of the task's work group can pick it up."))
    with transaction.atomic():
        taken = DelegatedTask.objects.filter(
            pk=task.pk, state=State.GROUP, holder__isnull=True
        ).update(state=State.PICKED_UP, holder=user)
        if not taken:
            raise NotAllowed(_("Someone else has already picked up this task."))
        task = DelegatedTask.objects.select_related("involvement", "form").get(pk=task.pk)
        _record(task, PICK_UP, user)
    return task


def reassign(task, holder, to_user, request=None):
    """The holder passes the task to someone in a work group they manage."""
    with transaction.atomic():
        task = _locked(task, REASSIGN, holder)
        if to_user.pk == holder.pk or not groups.reassignable(holder).filter(pk=to_user.pk):
            raise NotAllowed(_("You can only re-assign to people in the work groups you manage."))
        task.state, task.holder = State.REASSIGNED, to_user
        task.save(update_fields=["state", "holder"])
        _record(task, REASSIGN, holder, to_user.email, request)
        notices.tell(task, notices.REASSIGNED, [to_user])
    return task


def request_countersignature(task, holder, manager, request=None):
    """The holder, as the contribution's author, passes the task to a manager of one of their
    work groups to review, amend if need be, counter-sign and submit."""
    with transaction.atomic():
        task = _locked(task, REQUEST_COUNTERSIGNATURE, holder)
        if not groups.counter_signatories(holder).filter(pk=manager.pk):
            raise NotAllowed(_("Only a manager of one of your work groups can counter-sign."))
        task.state, task.holder, task.author = State.COUNTER_SIGNATURE, manager, holder
        task.save(update_fields=["state", "holder", "author"])
        _record(task, REQUEST_COUNTERSIGNATURE, holder, manager.email, request)
        notices.tell(task, notices.REASSIGNED, [manager])
    return task


def countersign(task, manager, request=None):
    """The manager asked to counter-sign does so; they then submit the contribution."""
    with transaction.atomic():
        task = _locked(task, COUNTERSIGN, manager)
        task.state, task.counter_signatory = State.COUNTER_SIGNED, manager
        task.save(update_fields=["state", "counter_signatory"])
        _record(task, COUNTERSIGN, manager, request=request)
    return task


def submit(task, holder, request=None):
    """Submit the holder's contribution: the form is submitted as any other
    (``filling.services.submit``, which raises ``Incomplete`` for steps still to do), goes
    onto the child's chronology and, where the task answers an information-requested row,
    records the information as received today."""
    with transaction.atomic():
        task = _locked(task, SUBMIT, holder)
        if task.contribution_id is None:
            raise NotAllowed(_("Complete the form before submitting it."))
        submission = filling.submit(task.contribution, holder)
        review.accept_contribution(submission, task.created_by, task.number)
        task.state, task.closed_at = State.SUBMITTED, timezone.now()
        task.author = task.author or holder
        task.save(update_fields=["state", "closed_at", "author"])
        _record(task, SUBMIT, holder, submission.reference, request)
        row = task.information_request
        if row is not None and row.received_on is None:
            involvements.received(row, holder)
    return task


def retract(task, actor, reason, request=None):
    """The council withdraws an open task, saying why. It stays with whoever held it (or its
    group), who finds it under "Recently retracted" and is told."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for retracting the task."))
    with transaction.atomic():
        task = _locked(task, RETRACT)
        task.state, task.retracted_reason = State.RETRACTED, reason
        task.closed_at = timezone.now()
        task.save(update_fields=["state", "retracted_reason", "closed_at"])
        _record(task, RETRACT, actor, reason, request)
        notices.tell(task, notices.RETRACTED, groups.recipients(task))
    return task
