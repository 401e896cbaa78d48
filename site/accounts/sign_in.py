"""Signing in: the password step, the half-signed-in session, and finishing the sign-in.

Between a correct password and a correct code the user is not signed in: only their id
(and where they were going) is kept in the session, so nothing of theirs can be seen yet.

Wrong passwords (docs/architecture.md, "Accounts: security rules"): django-axes locks one account *from
one address* (AXES_LOCKOUT_PARAMETERS) after AXES_FAILURE_LIMIT wrong passwords, for
AXES_COOLOFF_TIME, so nobody elsewhere can lock a parent out. Across all addresses together,
an account with that many wrong passwords in the cool-off time is "under attack": its
correct password is then followed by a code emailed to the account's address even when
two-step verification is off, so guessing from many addresses gains nothing while the
parent can still sign in.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import auth
from django.db.models import Sum
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from core.announcements import landing_url_after_sign_in

from . import two_factor

PENDING_USER = "accounts.sign_in.user"
PENDING_BACKEND = "accounts.sign_in.backend"
NEXT = "accounts.sign_in.next"

INCORRECT, UNCONFIRMED = "incorrect", "unconfirmed"


def safe_next(request, url):
    """``url`` when it stays on this site, else None."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def check_password(request, email, password):
    """(user, None) for a correct email and password, else (None, INCORRECT or UNCONFIRMED).

    Unknown email, wrong password and deactivated account are one answer, so the page does
    not tell who has an account. authenticate() lets django-axes count the failure per
    account and per IP address (and refuse while they are locked out).
    """
    user = auth.authenticate(request, email=email.strip().lower(), password=password)
    if user is None:
        return None, INCORRECT
    if user.email_confirmed_at is None:
        return None, UNCONFIRMED
    return user, None


def wrong_passwords_everywhere(email):
    """Wrong passwords for ``email`` from every address within the cool-off time."""
    since = timezone.now() - get_cool_off()
    total = AccessAttempt.objects.filter(username__iexact=email, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


def needs_code(user):
    """Whether this sign-in needs an emailed code: two-step verification is on, or the
    account's password is being guessed from elsewhere."""
    if two_factor.user_has_two_factor(user):
        return True
    return wrong_passwords_everywhere(user.email) >= settings.AXES_FAILURE_LIMIT


def start(request, user, next_url):
    """After a correct password: sign in straight away, or send a code and keep the user
    half-signed-in. Returns True when a code step follows."""
    next_url = safe_next(request, next_url)
    if not needs_code(user):
        finish(request, user, next_url=next_url)
        return False
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_BACKEND] = user.backend
    request.session[NEXT] = next_url
    two_factor.send_sign_in_code(user)
    return True


def pending_user(request):
    """The half-signed-in user of this session, or None."""
    from .models import User

    user_id = request.session.get(PENDING_USER)
    if user_id is None or request.user.is_authenticated:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def finish(request, user, device=None, next_url=None):
    """Sign the user in (verified with ``device`` when given); returns where they were
    going."""
    backend = request.session.get(PENDING_BACKEND) or getattr(user, "backend", None)
    next_url = next_url or request.session.get(NEXT)
    for key in (PENDING_USER, PENDING_BACKEND, NEXT):
        request.session.pop(key, None)
    auth.login(request, user, backend=backend)
    if device is not None and device.confirmed:
        # A one-off code (two-step verification off) does not make a verified session.
        otp_login(request, device)
    return next_url


def landing_url(request, next_url):
    """Where a user goes once signed in (and past the two-step verification offer)."""
    return landing_url_after_sign_in(safe_next(request, next_url), request.user)
