"""Every rule of invitations to a child's case, as one state machine:

    sent → accepted (the person ticked their children) → activated / declined
    sent → declined; sent → expired (not accepted within PORTAL_CASE_INVITATION_DAYS)

Each change is a function here that refuses what the table does not allow (``NotAllowed``,
with the reason for whoever tried) and writes the audit log.
"""

import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from core import audit
from core.emails import send_email

from ...models import CaseInvitation, InvitedChild, Involvement, PersonLink, PortalPerson
from ...models.people import FORENAME_MAX, MIDDLE_NAMES_MAX, SURNAME_MAX, Relationship
from ..involvements import portal_sharing

State = CaseInvitation.State

ACCEPT = "accept"
ACTIVATE = "activate"
DECLINE = "decline"
EXPIRE = "expire"

# action -> {state it may start from: state it leads to}
TRANSITIONS = {
    ACCEPT: {State.SENT: State.ACCEPTED},
    ACTIVATE: {State.ACCEPTED: State.ACTIVATED},
    DECLINE: {State.SENT: State.DECLINED, State.ACCEPTED: State.DECLINED},
    EXPIRE: {State.SENT: State.EXPIRED},
}

# No 0/O or 1/I/L, so a code read aloud or typed from paper is not mistaken.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 31^12 ≈ 8 × 10^17 codes


class NotAllowed(Exception):
    """The change is not allowed now; ``reason`` says why."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def lifetime():
    return timedelta(days=settings.PORTAL_CASE_INVITATION_DAYS)


def is_expired(invitation, now=None):
    """A sent invitation not accepted in time can no longer be accepted."""
    return invitation.state == State.SENT and invitation.expires_at <= (now or timezone.now())


def refusal(invitation, action):
    """Why ``action`` may not be done to ``invitation`` now, or None when it may."""
    if is_expired(invitation) and action in (ACCEPT, ACTIVATE):
        return _("This invitation has expired. Ask the SEND team for a new one.")
    if invitation.state not in TRANSITIONS[action]:
        return {
            State.SENT: _("The person has not confirmed their children yet."),
            State.ACCEPTED: _("This invitation has already been accepted."),
            State.ACTIVATED: _("Access has already been activated for this invitation."),
            State.DECLINED: _("This invitation has been declined."),
            State.EXPIRED: _("This invitation has expired. Ask the SEND team for a new one."),
        }[invitation.state]
    return None


def _locked(invitation, action):
    locked = CaseInvitation.objects.select_for_update().get(pk=invitation.pk)
    reason = refusal(locked, action)
    if reason:
        raise NotAllowed(reason)
    return locked


def _audit(actor, action, invitation, detail="", request=None, child_record_id=None):
    audit.record(
        actor, action, invitation, detail, request=request, child_record_id=child_record_id
    )


def generate_code():
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not CaseInvitation.objects.filter(code=code).exists():
            return code


def normalise_code(code):
    """Codes are accepted in any case and with the spaces or dashes a person may add."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def invite(email, child_records, language, actor, request=None):
    """Invite ``email`` to the cases of ``child_records`` and send the email with the code
    and link in ``language``."""
    child_records = list(child_records)
    if not child_records:
        raise NotAllowed(_("Choose at least one child."))
    now = timezone.now()
    with transaction.atomic():
        invitation = CaseInvitation.objects.create(
            email=email.strip().lower(),
            code=generate_code(),
            language=language,
            created_by=actor,
            created_at=now,
            expires_at=now + lifetime(),
        )
        InvitedChild.objects.bulk_create(
            InvitedChild(invitation=invitation, child_record=child) for child in child_records
        )
        for child in child_records:
            _audit(actor, "invitation.sent", invitation, invitation.email, request, child.pk)
        send_invitation_email(invitation)
    return invitation


def acceptance_link(invitation):
    with translation.override(invitation.language):
        path = reverse("send:invitation", args=[invitation.code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation_email(invitation):
    with translation.override(invitation.language):
        expires = formats.date_format(timezone.localtime(invitation.expires_at), "j F Y")
    send_email(
        invitation.email,
        "send.emailsubject.invitation",
        "send.email_invitation",
        language=invitation.language,
        code=invitation.code,
        link=acceptance_link(invitation),
        expires=expires,
    )


def find_own(user, code):
    """The invitation sent to ``user``'s email address with ``code``, or None. Only the
    user's own invitations are candidates, so guessing another person's code finds nothing;
    every candidate is compared in constant time."""
    code = normalise_code(code).encode()
    found = None
    for invitation in CaseInvitation.objects.filter(email__iexact=user.email):
        if hmac.compare_digest(invitation.code.encode(), code):
            found = invitation
    return found


def awaiting_approval(user):
    """The user's invitations they accepted, waiting for the SEND team."""
    return CaseInvitation.objects.filter(
        email__iexact=user.email, state=State.ACCEPTED
    ).prefetch_related("children__child_record")


def accept(invitation, user, child_record_ids, request=None):
    """The person confirms which of the invitation's children they are the parent or carer
    of. Only the account with the invited email address may accept."""
    if user.email.lower() != invitation.email.lower():
        raise NotAllowed(_("This invitation was sent to another email address."))
    chosen = {int(pk) for pk in child_record_ids}
    if not chosen:
        raise NotAllowed(_("Tick the children you are the parent or carer of."))
    with transaction.atomic():
        invitation = _locked(invitation, ACCEPT)
        children = list(invitation.children.all())
        if not chosen <= {child.child_record_id for child in children}:
            raise NotAllowed(_("Tick the children you are the parent or carer of."))
        invitation.children.filter(child_record_id__in=chosen).update(confirmed=True)
        invitation.state = State.ACCEPTED
        invitation.accepted_by, invitation.accepted_at = user, timezone.now()
        invitation.save(update_fields=["state", "accepted_by", "accepted_at"])
        for pk in chosen:
            _audit(user, "invitation.accepted", invitation, request=request, child_record_id=pk)
    return invitation


def open_involvements(child_record):
    return Involvement.objects.open().filter(child_record=child_record).order_by("-pk")


def involvement_problem(child_record):
    """Why the SEND team must pick or open an involvement before activating, or None."""
    count = open_involvements(child_record).count()
    if count == 0:
        return _("%(child)s has no open involvement: open one first.") % {
            "child": child_record.full_name
        }
    if count > 1:
        return _("%(child)s has several open involvements: choose one.") % {
            "child": child_record.full_name
        }
    return None


def activate(invitation, actor, reason, involvements=None, request=None):
    """Give the person access to each child they confirmed: they are added and authenticated
    on the child's open involvement (``involvements`` maps a child record id to the one staff
    chose when there are several) with ``reason``, and linked to the child. The person is told
    by the authentication message, in their language."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for activating access, and how identity was checked."))
    involvements = involvements or {}
    with transaction.atomic():
        invitation = _locked(invitation, ACTIVATE)
        user = invitation.accepted_by
        if user is None or not user.is_active:
            raise NotAllowed(_("The person's portal account is closed."))
        confirmed = list(invitation.children.filter(confirmed=True).select_related("child_record"))
        for child in confirmed:
            chosen = involvements.get(child.child_record_id)
            if chosen is None:
                problem = involvement_problem(child.child_record)
                if problem:
                    raise NotAllowed(problem)
                chosen = open_involvements(child.child_record).get()
            elif chosen.child_record_id != child.child_record_id or not chosen.is_open:
                raise NotAllowed(_("Choose an open involvement of the child."))
            _authenticate(chosen, user, actor, reason, request)
            _link(user, child.child_record)
            child.involvement = chosen
            child.save(update_fields=["involvement"])
            _audit(
                actor, "invitation.activated", invitation, reason, request, child.child_record_id
            )
        invitation.state = State.ACTIVATED
        invitation.decided_by, invitation.decided_at = actor, timezone.now()
        invitation.decision_reason = reason
        invitation.save(update_fields=["state", "decided_by", "decided_at", "decision_reason"])
    return invitation


def _authenticate(involvement, user, actor, reason, request):
    """Add the person to the involvement unless they are on it, and authenticate them unless
    they are already; portal sharing's own refusals (a staff account, an unverified
    professional) stop the whole activation with their reason."""
    sharing = involvement.sharing.filter(user=user).first()
    try:
        if sharing is None or sharing.state == sharing.State.REMOVED:
            sharing = portal_sharing.add(
                involvement, user, actor, parental_responsibility=True, request=request
            )
        if sharing.state != sharing.State.AUTHENTICATED:
            portal_sharing.authenticate(sharing, actor, reason, request=request)
    except portal_sharing.NotAllowed as refused:
        raise NotAllowed(refused.reason) from refused


def _link(user, child_record):
    """Link the user to the child: their own person matched to the record when they declared
    the child already, else a person made from the council's record."""
    person = PortalPerson.objects.filter(child_record=child_record, links__user=user).first()
    if person is not None:
        return person
    person = PortalPerson.objects.create(
        forename=child_record.forename[:FORENAME_MAX],
        middle_names=(child_record.middle_names or "")[:MIDDLE_NAMES_MAX],
        surname=child_record.surname[:SURNAME_MAX],
        date_of_birth=child_record.date_of_birth,
        child_record=child_record,
        created_by=user,
    )
    PersonLink.objects.create(
        person=person, user=user, relationship=Relationship.PARENT, parental_responsibility=True
    )
    return person


def decline(invitation, actor, reason, request=None):
    """The SEND team refuses the invitation (identity not confirmed, sent in error)."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for declining."))
    with transaction.atomic():
        invitation = _locked(invitation, DECLINE)
        invitation.state = State.DECLINED
        invitation.decided_by, invitation.decided_at = actor, timezone.now()
        invitation.decision_reason = reason
        invitation.save(update_fields=["state", "decided_by", "decided_at", "decision_reason"])
        for child in invitation.children.all():
            _audit(actor, "invitation.declined", invitation, reason, request, child.child_record_id)
    return invitation


def expire_overdue():
    """The daily job: sent invitations past their expiry become Expired."""
    return CaseInvitation.objects.filter(state=State.SENT, expires_at__lte=timezone.now()).update(
        state=State.EXPIRED
    )
