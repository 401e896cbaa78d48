"""Confirming a new account's email address with an emailed 6-digit code or link.

Each confirmation email holds a code and a link; both work once, until they expire, and only
the newest email's do (asking for a new code retires the older ones). Codes and tokens are
stored hashed. A code accepts a few wrong guesses, then the user must ask for a new one.
Answers never say whether an address has an account: an unknown address and a wrong code
read the same.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.emails import send_user_email

from .models import EmailConfirmation

# A day, so someone who registers in the evening can still confirm the next morning.
REGISTRATION_CODE_HOURS = 24
# Wrong codes allowed on one email before the user must ask for a new code.
MAX_ATTEMPTS = 5
# New codes a user may ask for in an hour (the registration email itself does not count).
RESENDS_PER_HOUR = 3
CODE_DIGITS = 6


class ConfirmationError(Exception):
    """Why a code or link did not confirm the address; ``str()`` is the user's message."""


WRONG_CODE = _("The code is not correct. Check the email we sent you and try again.")
EXPIRED_CODE = _("The code has expired. Ask for a new code.")
TOO_MANY_ATTEMPTS = _("You have entered the wrong code too many times. Ask for a new code.")
INVALID_LINK = _("This link has expired or has already been used.")


def _hash_token(token):
    # Tokens are long and random, so a plain digest is enough and lets us look them up.
    return hashlib.sha256(token.encode()).hexdigest()


def _absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def new_code():
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def send_confirmation(user):
    """Email ``user`` a new code and link that confirm their address; earlier ones stop working."""
    now = timezone.now()
    code = new_code()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        user.email_confirmations.filter(used_at=None, expires_at__gt=now).update(expires_at=now)
        EmailConfirmation.objects.create(
            user=user,
            code_hash=make_password(code),
            token_hash=_hash_token(token),
            created_at=now,
            expires_at=now + timezone.timedelta(hours=REGISTRATION_CODE_HOURS),
        )
    with translation.override(user.preferred_language):
        link = _absolute_url(reverse("accounts:confirm_email_link", args=[token]))
    send_user_email(
        user,
        "account.emailsubject.registration",
        "account.email_registration",
        urgent=True,
        code=code,
        link=link,
        hours=REGISTRATION_CODE_HOURS,
    )


def _unconfirmed_user(email):
    return (
        get_user_model()
        .objects.filter(email__iexact=(email or "").strip(), email_confirmed_at=None)
        .first()
    )


def _mark_confirmed(confirmation, now):
    confirmation.used_at = now
    confirmation.save(update_fields=["used_at"])
    user = confirmation.user
    user.email_confirmed_at = now
    user.save(update_fields=["email_confirmed_at"])
    return user


def confirm_code(email, code):
    """Confirm the address of the unconfirmed account ``email`` with ``code``.

    Returns the user; raises ConfirmationError with the message to show otherwise.
    """
    user = _unconfirmed_user(email)
    confirmation = user and user.email_confirmations.filter(used_at=None).first()
    if confirmation is None:
        raise ConfirmationError(WRONG_CODE)
    now = timezone.now()
    if confirmation.expires_at <= now:
        raise ConfirmationError(EXPIRED_CODE)
    if confirmation.attempts >= MAX_ATTEMPTS:
        raise ConfirmationError(TOO_MANY_ATTEMPTS)
    if not check_password("".join((code or "").split()), confirmation.code_hash):
        EmailConfirmation.objects.filter(pk=confirmation.pk).update(attempts=F("attempts") + 1)
        if confirmation.attempts + 1 >= MAX_ATTEMPTS:
            raise ConfirmationError(TOO_MANY_ATTEMPTS)
        raise ConfirmationError(WRONG_CODE)
    return _mark_confirmed(confirmation, now)


def confirm_link(token):
    """Confirm an address from the emailed link's token; returns the user or raises
    ConfirmationError."""
    now = timezone.now()
    confirmation = (
        EmailConfirmation.objects.select_related("user")
        .filter(
            token_hash=_hash_token(token or ""),
            used_at=None,
            expires_at__gt=now,
            user__email_confirmed_at=None,
        )
        .first()
    )
    if confirmation is None:
        raise ConfirmationError(INVALID_LINK)
    return _mark_confirmed(confirmation, now)


def resend_confirmation(email):
    """Send a new code to ``email`` if it has an unconfirmed account and has not asked too
    often this hour. Returns whether an email was sent; callers must not tell the user."""
    user = _unconfirmed_user(email)
    if user is None:
        return False
    hour_ago = timezone.now() - timezone.timedelta(hours=1)
    if user.email_confirmations.filter(created_at__gt=hour_ago).count() > RESENDS_PER_HOUR:
        return False
    send_confirmation(user)
    return True
