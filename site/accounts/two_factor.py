"""Two-step verification: which users need it, the codes we send, the wrong-code lock.

Verification methods are kept in a small registry (``METHODS``) keyed by a stable id, so an
authenticator-app method can be added later beside "email" without touching the sign-in
journey. Devices are django-otp devices; a session is verified once ``django_otp.login``
has recorded the device in it.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.models import SideChannelDevice
from django_otp.plugins.otp_email.models import EmailDevice

from core.config import portal_settings
from core.emails import send_user_email
from portal.plugins import BOTH, plugin_tiles

from .models import TwoFactorLock

VERIFIED, WRONG, EXPIRED, LOCKED = "verified", "wrong", "expired", "locked"


class EmailMethod:
    """A 6-digit code emailed to the user's address, through the portal's email path."""

    key = "email"
    label = _("Email")
    device_model = EmailDevice

    def new_device(self, user):
        return EmailDevice.objects.create(user=user, name="email", confirmed=False)

    def challenge(self, device):
        minutes = portal_settings().two_factor_code_minutes
        device.generate_token(valid_secs=minutes * 60)
        send_user_email(
            device.user,
            "account.emailsubject.sign_in_code",
            "account.email_sign_in_code",
            urgent=True,
            code=device.token,
            minutes=minutes,
        )

    def check(self, device, code):
        # The portal's own lock (TwoFactorLock) is the limit on guessing; django-otp's
        # exponential throttle on EmailDevice would also refuse a right code typed a moment
        # after a wrong one, so the side-channel check is called without it.
        if SideChannelDevice.verify_token(device, code):
            device.set_last_used_timestamp(commit=True)
            return VERIFIED
        if device.token and device.token == code:
            return EXPIRED
        return WRONG


METHODS = {EmailMethod.key: EmailMethod()}


def method_for(device):
    return next((m for m in METHODS.values() if isinstance(device, m.device_model)), None)


def _devices(user, confirmed):
    # Only devices of a registered method count (django-otp may hold others, e.g. TOTP
    # devices made by hand in the Django admin). Asked of each method's model rather than
    # through django-otp's devices_for_user, which walks every installed model per call.
    for method in METHODS.values():
        yield from method.device_model.objects.filter(user=user, confirmed=confirmed)


def sign_in_device(user):
    """The user's confirmed device, or None when two-step verification is off."""
    # The device this session was verified with, which django-otp's middleware has loaded
    # already: every signed-in page would otherwise look it up again.
    device = getattr(user, "otp_device", None)
    if device is not None and device.confirmed and method_for(device):
        return device
    return next(_devices(user, confirmed=True), None)


def user_has_two_factor(user):
    return user.is_authenticated and sign_in_device(user) is not None


def required_for(user):
    """Whether the user must keep two-step verification: every staff user, and anyone an
    installed plugin's tile that requires it is meant for (e.g. every SEND user)."""
    if user.is_council_staff:
        return True
    return any(
        tile.requires_two_factor and tile.audience in (BOTH, user.kind)
        for tile in plugin_tiles().values()
    )


def every_service_requires(user):
    """Whether every service the user's kind of account can use needs two-step
    verification, so there is nothing to do without it (no "Not now")."""
    tiles = [t for t in plugin_tiles().values() if t.audience in (BOTH, user.kind)]
    return bool(tiles) and all(tile.requires_two_factor for tile in tiles)


def _lock_for_update(user):
    lock, _created = TwoFactorLock.objects.select_for_update().get_or_create(user=user)
    return lock


def locked_until(user):
    """When the wrong-code lock ends, or None when the user is not locked."""
    lock = TwoFactorLock.objects.filter(user=user).first()
    return lock.locked_until if lock and lock.is_locked() else None


@transaction.atomic
def _may_send_code(user):
    """Count a code against the hourly limit; False when the limit is reached."""
    lock = _lock_for_update(user)
    now = timezone.now()
    started = lock.codes_window_started_at
    if started is None or now - started >= timedelta(hours=1):
        lock.codes_window_started_at, lock.codes_sent = now, 0
    if lock.codes_sent >= portal_settings().two_factor_resend_per_hour:
        return False
    lock.codes_sent += 1
    lock.save()
    return True


def send_code(device, counted=False):
    """Send a new code for ``device`` (its earlier code stops working). False when the user
    is locked for wrong codes, or when ``counted`` (the user asked for a new code) and they
    have had as many new codes this hour as Portal configuration allows."""
    if locked_until(device.user) or (counted and not _may_send_code(device.user)):
        return False
    method_for(device).challenge(device)
    return True


def send_sign_in_code(user):
    """Email the code of a sign-in that has just passed the password step. Always sent
    (unless locked): the hourly limit is for "send me a new code" requests only, so a user
    who signs in often is never left without a code."""
    return send_code(sign_in_code_device(user))


def resend_sign_in_code(user):
    """The user asked for a new sign-in code; counted against the hourly limit."""
    return send_code(sign_in_code_device(user), counted=True)


def sign_in_code_device(user):
    """Where a sign-in code goes: the user's own device, else a one-off email device (an
    account without two-step verification that sign-in protection asks for a code)."""
    return sign_in_device(user) or pending_device(user) or METHODS["email"].new_device(user)


def has_live_code(device):
    return bool(device.token and device.valid_until and device.valid_until > timezone.now())


def ensure_code_sent(user):
    """Send a sign-in code unless one is still valid (a user sent to the code step by a page
    that needs verification, who may reload it)."""
    device = sign_in_device(user)
    return has_live_code(device) or send_code(device)


@transaction.atomic
def check_code(device, code):
    """VERIFIED, WRONG, EXPIRED or LOCKED. Too many wrong codes in a row lock the user
    for the minutes Portal configuration says."""
    lock = _lock_for_update(device.user)
    if lock.is_locked():
        return LOCKED
    result = method_for(device).check(device, code.strip())
    if result == WRONG:
        config = portal_settings()
        lock.failures += 1
        if lock.failures >= config.two_factor_max_attempts:
            lock.failures = 0
            lock.locked_until = timezone.now() + timedelta(
                minutes=config.two_factor_lockout_minutes
            )
            result = LOCKED
    elif result == VERIFIED:
        lock.failures = 0
    lock.save()
    return result


def unlock(user):
    """Lift a wrong-code lock (staff, from the admin)."""
    TwoFactorLock.objects.filter(user=user).update(failures=0, locked_until=None)


# -- turning it on and off --------------------------------------------------------------


def pending_device(user):
    """The device being set up (not yet confirmed), if any."""
    return next(_devices(user, confirmed=False), None)


def start_turning_on(user, method="email"):
    """Create an unconfirmed device and send its first code; False when no code could be
    sent (limit reached)."""
    device = pending_device(user) or METHODS[method].new_device(user)
    return send_code(device, counted=True)


def confirm_turning_on(user, code):
    """Check the code of the device being set up; on success the device is confirmed and
    returned with the result."""
    device = pending_device(user)
    if device is None:
        return EXPIRED, None
    result = check_code(device, code)
    if result == VERIFIED:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return result, device


def can_turn_off(user):
    return user_has_two_factor(user) and not required_for(user)


def turn_off(user):
    """Remove the user's devices. Refused for users who must keep it."""
    if required_for(user):
        raise PermissionError("This user must keep two-step verification.")
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    # The session's device is gone: it no longer answers sign_in_device in this request.
    user.otp_device = None
