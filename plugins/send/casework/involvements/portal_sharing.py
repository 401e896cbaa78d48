"""Portal sharing: the portal users the council records on an involvement, and whether each
is authenticated, as one state machine.

States (``PortalSharing.State``): Added → Authenticated (with the reason: why the council
shares, and how it checked who they are) → Authentication removed → Authenticated again, or
Removed from any of them (and added again from Removed). Only Authenticated gives access
(``authentication``), so un-authenticating or removing takes it away at once.

Every change is one service function here; each refuses a change the table does not allow
(``NotAllowed``, with the reason shown to staff) and writes the audit log. Authenticating
also tells the user in their language through the ``notify`` service and sends
``user_authenticated_on_case`` after the commit.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import audit
from portal import events, services

from ...models import PortalSharing

State = PortalSharing.State

AUTHENTICATE = "authenticate"
UNAUTHENTICATE = "unauthenticate"
REMOVE = "remove"
ADD_AGAIN = "add_again"

# action -> {state it may start from: state it leads to}
TRANSITIONS = {
    AUTHENTICATE: {State.SHARED: State.AUTHENTICATED, State.UNAUTHENTICATED: State.AUTHENTICATED},
    UNAUTHENTICATE: {State.AUTHENTICATED: State.UNAUTHENTICATED},
    REMOVE: {
        State.SHARED: State.REMOVED,
        State.AUTHENTICATED: State.REMOVED,
        State.UNAUTHENTICATED: State.REMOVED,
    },
    ADD_AGAIN: {State.REMOVED: State.SHARED},
}
AUDIT_ACTIONS = {
    AUTHENTICATE: "sharing.authenticated",
    UNAUTHENTICATE: "sharing.unauthenticated",
    REMOVE: "sharing.removed",
}


class NotAllowed(Exception):
    """The change is not allowed now; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def refusal(sharing, action):
    """Why ``action`` may not be done to ``sharing`` now, or None when it may."""
    if sharing.state not in TRANSITIONS[action]:
        if sharing.state == State.REMOVED:
            return _("This person has been removed from the involvement.")
        if action == AUTHENTICATE:
            return _("This person is already authenticated.")
        return _("This person is not authenticated.")
    if action == AUTHENTICATE:
        if not sharing.involvement.is_open:
            return _("The involvement is closed.")
        user = sharing.user
        if not user.is_active:
            return _("This portal account is closed.")
        if user.is_professional and not user.is_verified_professional:
            return _("Verify the professional's account first.")
    return None


def _audit(actor, action, sharing, detail="", request=None):
    audit.record(
        actor,
        action,
        sharing,
        detail,
        request=request,
        child_record_id=sharing.involvement.child_record_id,
    )


def add(
    involvement,
    user,
    actor,
    *,
    role="",
    young_person=False,
    parental_responsibility=False,
    request=None,
):
    """Record portal ``user`` on ``involvement`` (not authenticated yet). Their email address
    and kind of account are copied from the account, a professional's role from their
    details; a professional is shared on the professional portal. A person removed earlier
    is added again, with these details."""
    if user.is_council_staff:
        raise NotAllowed(_("Council staff are not portal users."))
    details = {
        "email": user.email,
        "user_type": user.kind,
        "role": role or (user.professional_role if user.is_professional else ""),
        "young_person": young_person,
        "parental_responsibility": parental_responsibility,
        "shared_on_professional_portal": user.is_professional,
    }
    with transaction.atomic():
        existing = (
            PortalSharing.objects.select_for_update()
            .filter(involvement=involvement, user=user)
            .first()
        )
        if existing is None:
            sharing = PortalSharing.objects.create(
                involvement=involvement, user=user, added_by=actor, **details
            )
        elif existing.state in TRANSITIONS[ADD_AGAIN]:
            sharing = existing
            for name, value in details.items():
                setattr(sharing, name, value)
            sharing.state = State.SHARED
            sharing.authentication_reason = ""
            sharing.added_by, sharing.added_at = actor, timezone.now()
            sharing.save()
        else:
            raise NotAllowed(_("This person is already recorded on the involvement."))
        _audit(actor, "sharing.added", sharing, user.email, request)
    return sharing


def update_details(sharing, actor, *, role, young_person, parental_responsibility, request=None):
    """Change what the council records about the person: their role or relationship, and
    whether they are the young person or hold parental responsibility."""
    sharing.role = role
    sharing.young_person = young_person
    sharing.parental_responsibility = parental_responsibility
    sharing.save(update_fields=["role", "young_person", "parental_responsibility", "updated_at"])
    _audit(actor, "sharing.changed", sharing, request=request)
    return sharing


def _locked(sharing, action):
    # The involvement and account as they are now: one closed meanwhile refuses the change.
    locked = (
        PortalSharing.objects.select_for_update(of=("self",))
        .select_related("involvement__child_record", "user")
        .get(pk=sharing.pk)
    )
    reason = refusal(locked, action)
    if reason:
        raise NotAllowed(reason)
    return locked


def portal_link(language):
    """The SEND home on the portal, in the user's language."""
    with translation.override(language):
        path = reverse("send:home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def authenticate(sharing, actor, reason, request=None):
    """Let the person see the child's SEND information: Added or Authentication removed →
    Authenticated. ``reason`` (why, and how their identity was checked) is required."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for authenticating this person."))
    with transaction.atomic():
        sharing = _locked(sharing, AUTHENTICATE)
        sharing.state = State.AUTHENTICATED
        sharing.authentication_reason = reason
        sharing.authenticated_by, sharing.authenticated_at = actor, timezone.now()
        sharing.save(
            update_fields=[
                "state",
                "authentication_reason",
                "authenticated_by",
                "authenticated_at",
                "updated_at",
            ]
        )
        _audit(actor, "sharing.authenticated", sharing, reason, request)
        user, child = sharing.user, sharing.involvement.child_record
        services.get("notify")(
            user,
            "send.emailsubject.involvement.authenticated",
            "send.email_involvement_authenticated",
            {"recipient": user.get_full_name() or user.email, "child": child.full_name},
            link=portal_link(user.preferred_language),
        )
        events.send_after_commit(
            events.user_authenticated_on_case,
            PortalSharing,
            user=user,
            involvement=sharing.involvement,
            reason=reason,
        )
    return sharing


def _leave(sharing, action, actor, request):
    with transaction.atomic():
        sharing = _locked(sharing, action)
        sharing.state = TRANSITIONS[action][sharing.state]
        sharing.save(update_fields=["state", "updated_at"])
        _audit(actor, AUDIT_ACTIONS[action], sharing, request=request)
    return sharing


def unauthenticate(sharing, actor, request=None):
    """Take the person's access away; they stay recorded on the involvement."""
    return _leave(sharing, UNAUTHENTICATE, actor, request)


def remove(sharing, actor, request=None):
    """Take the person off the involvement (and their access with it). The row stays, so the
    audit trail and the reason given keep their meaning."""
    return _leave(sharing, REMOVE, actor, request)
