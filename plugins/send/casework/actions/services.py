"""The rules of actions to complete, as one state machine:

    open ──complete──▶ completed
      └───cancel────▶ cancelled (with the reason)

Asking needs an open involvement, a user authenticated on it, a published form and, when
given, an information-requested row of the same involvement. Completing sets that row's
received date. Every change writes the audit log against the child's record; the admin
views, the receiver of ``form_submitted``, the reminder job, the demo and tests call these."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from core import audit
from portal import services as portal_services

from ...builder.schema import text
from ...models import Action, PortalSharing
from ..involvements import services as involvements

State = Action.Status
COMPLETE = "complete"
CANCEL = "cancel"
# The states each change may start from.
TRANSITIONS = {COMPLETE: {State.OPEN}, CANCEL: {State.OPEN}}


class NotAllowed(Exception):
    """The change is not allowed now; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def _audit(actor, action, row, detail="", request=None):
    audit.record(
        actor,
        action,
        row,
        detail,
        request=request,
        child_record_id=row.involvement.child_record_id,
    )


def refusal_to_ask(involvement, user, form, information_request=None):
    """Why the council may not ask ``user`` to complete ``form`` on ``involvement``, or None."""
    if not involvement.is_open:
        return _("The involvement is closed.")
    authenticated = PortalSharing.objects.filter(
        involvement=involvement, user=user, state=PortalSharing.State.AUTHENTICATED
    )
    if not user.is_active or not authenticated.exists():
        return _("Only a person authenticated on this involvement can be asked.")
    if form.live_version_id is None:
        return _("Only a published form can be asked for.")
    if information_request is not None and information_request.involvement_id != involvement.pk:
        return _("The information requested belongs to another involvement.")
    return None


def portal_link(action, language):
    """The user's "Items to complete" page for the action's child, in their language."""
    with translation.override(language):
        path = reverse("send:actions", args=[action.involvement.child_record_id])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _notify(action, subject_key, body_key):
    """Tell the asked user, in their language, which form, for which child, by when."""
    user = action.user
    language = user.preferred_language
    with translation.override(language):
        due = formats.date_format(action.due_on, "j F Y")
    portal_services.get("notify")(
        user,
        subject_key,
        body_key,
        {
            "recipient": user.get_full_name() or user.email,
            "child": action.involvement.child_record.full_name,
            "form": text(action.form.live_version.schema["title"], language),
            "due": due,
            "note": action.note,
        },
        link=portal_link(action, language),
    )


def ask(involvement, user, form, due_on, actor, *, note="", information_request=None, request=None):
    """Ask ``user`` to complete ``form`` for the involvement's child by ``due_on``; they are
    told at once. Raises NotAllowed (see :func:`refusal_to_ask`)."""
    with transaction.atomic():
        # The sharing row as it is now: an authentication removed meanwhile refuses the ask.
        list(PortalSharing.objects.select_for_update().filter(involvement=involvement, user=user))
        reason = refusal_to_ask(involvement, user, form, information_request)
        if reason:
            raise NotAllowed(reason)
        action = Action.objects.create(
            involvement=involvement,
            user=user,
            form=form,
            due_on=due_on,
            note=note.strip(),
            information_request=information_request,
            created_by=actor,
        )
        _audit(actor, "action.asked", action, form.code, request)
        _notify(action, "send.emailsubject.action.asked", "send.email_action_asked")
    return action


def _locked(action, change):
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if locked.status not in TRANSITIONS[change]:
        raise NotAllowed(
            _("This action has already been completed.")
            if locked.status == State.COMPLETED
            else _("This action has been cancelled.")
        )
    return locked


def complete(action, actor, submission=None):
    """The form was completed (``submission``, the copy sent): the action is closed and a
    linked information-requested row is marked received today, which stops its reminders."""
    with transaction.atomic():
        action = _locked(action, COMPLETE)
        action.status = State.COMPLETED
        action.closed_at, action.closed_by = timezone.now(), actor
        if submission is not None:
            action.submission = submission
        action.save(update_fields=["status", "closed_at", "closed_by", "submission"])
        _audit(actor, "action.completed", action, getattr(submission, "reference", "") or "")
        row = action.information_request
        if row is not None and row.received_on is None:
            involvements.received(row, actor)
    return action


def cancel(action, actor, reason, request=None):
    """Withdraw the request, saying why; the action leaves the user's list."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for cancelling the action."))
    with transaction.atomic():
        action = _locked(action, CANCEL)
        action.status = State.CANCELLED
        action.cancelled_reason = reason
        action.closed_at, action.closed_by = timezone.now(), actor
        action.save(update_fields=["status", "cancelled_reason", "closed_at", "closed_by"])
        _audit(actor, "action.cancelled", action, reason, request)
    return action


def completed_by(submission):
    """Complete the open actions ``submission`` answers: the one it was started from, and any
    other open action asking its submitter for the same form for the same child (a form
    started from the child's page rather than from the action counts as well)."""
    answers = Q(submission=submission)
    child_record = submission.person.child_record_id
    if child_record is not None:
        answers |= Q(
            user=submission.created_by_id,
            form=submission.version.form_id,
            involvement__child_record=child_record,
        )
    done = []
    for action in Action.objects.open().filter(answers):
        try:
            done.append(complete(action, submission.created_by, submission))
        except NotAllowed:
            continue  # completed or cancelled meanwhile: nothing left to do
    return done


def send_reminders(today=None):
    """Remind each user of each overdue open action, once: ``reminded_at`` is set in the same
    transaction as the reminder is queued, so running the job again sends nothing twice."""
    sent = 0
    overdue = Action.objects.overdue(today).filter(reminded_at__isnull=True)
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            action = (
                Action.objects.select_for_update(of=("self",))
                .select_related("user", "form__live_version", "involvement__child_record")
                .filter(pk=pk, reminded_at__isnull=True, status=State.OPEN)
                .first()
            )
            if action is None:
                continue
            _notify(action, "send.emailsubject.action.reminder", "send.email_action_reminder")
            action.reminded_at = timezone.now()
            action.save(update_fields=["reminded_at"])
            sent += 1
    return sent
