"""Invitations: the SEND team invites a parent or carer by email with a code; the recipient,
signed in with that email address, enters the code and the invitation is accepted.

Codes are looked up only among the signed-in user's own invitations and compared in constant
time, so the acceptance page neither tells apart "no such code" from "someone else's code" nor
leaks a code through timing; failed attempts are limited per user.
"""

import hmac
import secrets
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from core.emails import send_email

from .models import INVITATION_LIFETIME, Invitation

# No 0/O or 1/I/L, so a code read aloud or typed from paper is not mistaken.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10  # 31^10 ≈ 8 × 10^14 codes
MAX_FAILED_ATTEMPTS = 5
ATTEMPT_WINDOW_SECONDS = 15 * 60


class InvitationRefused(Exception):
    """A code that cannot be accepted; the message says why, for the person entering it."""


def normalise_code(code):
    """Codes are accepted in any case and with spaces or dashes a person may add."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def generate_code():
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Invitation.objects.filter(code=code).exists():
            return code


def create_invitation(*, email, child_name, created_by, language=None, base_url=None):
    """Create an invitation with a fresh code and email it to ``email``."""
    now = timezone.now()
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
        child_name=child_name.strip(),
        language=language or settings.LANGUAGE_CODE,
        code=generate_code(),
        created_by=created_by,
    )
    send_invitation(invitation, base_url)
    return invitation


def acceptance_link(invitation, base_url=None):
    with translation.override(invitation.language):
        path = reverse("accounts:invitation", args=[invitation.code])
    return urljoin(base_url or settings.WAGTAILADMIN_BASE_URL, path)


def send_invitation(invitation, base_url=None):
    with translation.override(invitation.language):
        expires = formats.date_format(timezone.localtime(invitation.expires_at), "j F Y")
    send_email(
        invitation.email,
        "account.emailsubject.invitation",
        "account.email_invitation",
        language=invitation.language,
        code=invitation.code,
        child_name=invitation.child_name,
        link=acceptance_link(invitation, base_url),
        expires=expires,
    )


def cancel_invitation(invitation):
    """Stop an open invitation from being accepted."""
    if invitation.status != "open":
        raise InvitationRefused(_("Only an invitation that is still open can be cancelled."))
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])


def _attempts_key(user):
    return f"accounts:invitation-attempts:{user.pk}"


def is_rate_limited(user):
    return cache.get(_attempts_key(user), 0) >= MAX_FAILED_ATTEMPTS


def _count_failure(user):
    key = _attempts_key(user)
    if not cache.add(key, 1, ATTEMPT_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, ATTEMPT_WINDOW_SECONDS)


def find_own_invitation(user, code):
    """The invitation sent to ``user``'s email address with ``code``, or None."""
    code = normalise_code(code)
    found = None
    for invitation in Invitation.objects.filter(email__iexact=user.email):
        # Every candidate is compared, so the time taken does not depend on which one matches.
        if hmac.compare_digest(invitation.code.encode(), code.encode()):
            found = invitation
    return found


def accept_invitation(user, code):
    """Accept the invitation with ``code`` for ``user``; raise InvitationRefused otherwise."""
    if is_rate_limited(user):
        raise InvitationRefused(
            _("You have entered too many wrong codes. Wait 15 minutes, then try again.")
        )
    invitation = find_own_invitation(user, code)
    if invitation is None:
        _count_failure(user)
        raise InvitationRefused(
            _(
                "This code does not match an invitation sent to %(email)s. Check the code, or "
                "sign in with the email address the invitation was sent to."
            )
            % {"email": user.email}
        )
    refusals = {
        "accepted": _("This invitation has already been accepted."),
        "cancelled": _("This invitation has been cancelled. Contact the SEND team for a new one."),
        "expired": _("This invitation has expired. Contact the SEND team for a new one."),
    }
    if invitation.status in refusals:
        raise InvitationRefused(refusals[invitation.status])
    now = timezone.now()
    # Conditional, so two requests at once cannot both accept it.
    updated = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, cancelled_at__isnull=True
    ).update(accepted_by=user, accepted_at=now)
    if not updated:
        raise InvitationRefused(refusals["accepted"])
    invitation.refresh_from_db()
    return invitation
