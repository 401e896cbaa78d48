"""What council staff do to portal accounts from the admin: verify or reject a professional,
unlock, deactivate; and the facts the "Portal users" list shows about each account."""

from axes.models import AccessAttempt
from axes.utils import reset as reset_axes
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.emails import send_user_email
from portal.plugins import PROFESSIONAL

from .models import PENDING, REJECTED, VERIFIED, TwoFactorLock

MANAGE_USERS = "accounts.manage_portal_users"
VERIFY_PROFESSIONALS = "accounts.verify_professionals"


class StaffActionRefused(Exception):
    """A staff action that the rules do not allow; the message says why, for the admin."""


def with_account_facts(queryset):
    """Annotate ``two_factor_on`` and ``locked`` in the same query (the list shows both)."""
    confirmed = {"user": OuterRef("pk"), "confirmed": True}
    two_factor = Exists(EmailDevice.objects.filter(**confirmed)) | Exists(
        TOTPDevice.objects.filter(**confirmed)
    )
    return queryset.annotate(two_factor_on=two_factor, locked=_locked_expression())


def _locked_expression():
    recent = timezone.now() - timezone.timedelta(hours=settings.AXES_COOLOFF_TIME)
    locked = Exists(
        AccessAttempt.objects.filter(
            username__iexact=OuterRef("email"),
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=recent,
        )
    )
    two_factor_lock = TwoFactorLock.objects.filter(
        user=OuterRef("pk"), locked_until__gt=timezone.now()
    )
    return locked | Exists(two_factor_lock)


def unlock(user):
    """End a sign-in lockout (django-axes, per account) and a two-step verification lock."""
    usernames = set(
        AccessAttempt.objects.filter(username__iexact=user.email).values_list("username", flat=True)
    )
    for username in usernames | {user.email}:
        reset_axes(username=username)
    # Only the lock: the count of codes emailed this hour still limits resending.
    TwoFactorLock.objects.filter(user=user).update(failures=0, locked_until=None)


def verify_professional(user, by, note=""):
    """Record that the council has checked this professional, and tell them."""
    _record_verification(user, VERIFIED, by, note)
    send_user_email(
        user, "account.emailsubject.professional_verified", "account.email_professional_verified"
    )


def reject_professional(user, by, note):
    """Record that the council could not verify this professional, and tell them why."""
    if not note.strip():
        raise StaffActionRefused(_("Give the reason, so the professional knows what to do."))
    _record_verification(user, REJECTED, by, note)
    send_user_email(
        user,
        "account.emailsubject.professional_rejected",
        "account.email_professional_rejected",
        note=note.strip(),
    )


def _record_verification(user, state, by, note):
    if not user.is_professional:
        raise StaffActionRefused(_("Only professional accounts are verified."))
    user.verification_state = state
    user.verified_by = by
    user.verified_at = timezone.now()
    user.verification_note = note.strip()
    user.save(
        update_fields=["verification_state", "verified_by", "verified_at", "verification_note"]
    )


def deactivate(user, by):
    """Stop an account from signing in; its sessions stop working at the next request."""
    if user.pk == by.pk:
        raise StaffActionRefused(_("You cannot deactivate your own account."))
    user.is_active = False
    user.save(update_fields=["is_active"])


def awaiting_verification(queryset):
    return queryset.filter(kind=PROFESSIONAL, verification_state=PENDING)
