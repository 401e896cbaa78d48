"""Credentials: forgotten password, password and secret question changes, email address changes.

A forgotten password is reset with an emailed single-use link (Django's token generator: it
stops working once the password changes). Users who chose a secret question answer it on the
link's page as well; users without one reset with the link alone.

Views, the admin and tests call these functions; they hold the rules and send the automatic
emails the council words (Portal texts › Account).

Settings relied on: Django's ``PASSWORD_RESET_TIMEOUT`` is the life of a reset link and is
quoted in the email in whole hours. The portal wants it at 24 hours (86400 seconds): a parent
who reads email once a day can still use the link, and it dies with the next password change
anyway. Django's default of three days also works, only longer than needed.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_q.tasks import async_task

from core.emails import send_email, send_user_email

logger = logging.getLogger(__name__)

# Forgotten-password requests allowed per hour. An address is tried by one person; an IP
# address may be a school or council office, so it gets more room.
RESET_REQUESTS_PER_EMAIL = 5
RESET_REQUESTS_PER_IP = 20
RESET_WINDOW_SECONDS = 60 * 60
# Wrong secret answers on a reset link's page allowed per account per hour.
MAX_WRONG_SECRET_ANSWERS = 5

EMAIL_CHANGE_LINK_HOURS = 24
_EMAIL_CHANGE_SALT = "accounts.credentials.email_change"


class TooManyRequests(Exception):
    """More forgotten-password requests than the hourly limit allows."""


class InvalidLink(Exception):
    """A link that has expired, been used already or been tampered with."""


def normalise_email(email):
    return (email or "").strip().lower()


def _absolute_url(user, url_name, **kwargs):
    # Links open in the recipient's language, on the portal's public address.
    with translation.override(user.preferred_language):
        path = reverse(url_name, kwargs=kwargs)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- Forgotten password -----------------------------------------------------------------


def reset_link_hours():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)


def _count(key):
    cache.add(key, 0, timeout=RESET_WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the window closed between add() and incr()
        cache.set(key, 1, timeout=RESET_WINDOW_SECONDS)
        return 1


def _count_reset_request(email, ip_address):
    """Count one request against the address and the IP; raise when either is over."""
    hashed = hashlib.sha256(email.encode()).hexdigest()
    per_email = _count(f"accounts:reset:email:{hashed}")
    per_ip = _count(f"accounts:reset:ip:{ip_address}")
    if per_email > RESET_REQUESTS_PER_EMAIL or per_ip > RESET_REQUESTS_PER_IP:
        raise TooManyRequests


def request_password_reset(email, ip_address):
    """Queue the forgotten-password email for ``email``; raises TooManyRequests over the
    hourly limits (counted the same for unknown addresses).

    The request does the same work whatever the address: it counts the request and queues
    one task, which looks the account up. So neither the response nor its timing tells
    whether an address has an account.
    """
    email = normalise_email(email)
    _count_reset_request(email, ip_address)
    transaction.on_commit(
        lambda: async_task(
            "accounts.credentials.send_reset_link_to", email, task_name="password-reset"
        )
    )


def send_reset_link_to(email):
    """The django-q2 task: email a reset link if ``email`` has an active account."""
    user = get_user_model().objects.filter(email=email, is_active=True).first()
    if user is None:
        return
    send_password_reset_email(user)


def send_password_reset_email(user):
    """Email ``user`` a single-use link to choose a new password."""
    link = _absolute_url(
        user,
        "accounts:password_reset",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )
    send_user_email(
        user,
        "account.emailsubject.password_forgotten",
        "account.email_password_forgotten",
        urgent=True,
        link=link,
        hours=reset_link_hours(),
    )


def user_from_reset_link(uidb64, token):
    """The user a reset link belongs to; raises InvalidLink if it expired or was used.

    The token covers the password hash, so it stops working once the password changes."""
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        user = get_user_model().objects.get(pk=pk, is_active=True)
    except (ValueError, TypeError, OverflowError, ValidationError, get_user_model().DoesNotExist):
        raise InvalidLink from None
    if not default_token_generator.check_token(user, token):
        raise InvalidLink
    return user


def asks_secret_question(user):
    """Whether a reset link also asks the user's secret question (they chose one)."""
    return bool(user.secret_question and user.secret_answer)


def check_reset_secret_answer(user, answer):
    """Check the secret answer asked on a reset link's page. Raises TooManyRequests after
    MAX_WRONG_SECRET_ANSWERS wrong answers in an hour: whoever holds the link may not guess
    for ever. Returns whether the answer is right."""
    key = f"accounts:reset:answer:{user.pk}"
    if (cache.get(key) or 0) >= MAX_WRONG_SECRET_ANSWERS:
        raise TooManyRequests
    if user.check_secret_answer(answer):
        return True
    _count(key)
    return False


# --- Password and secret question --------------------------------------------------------


def set_new_password(user, password):
    """Save a password the forms have validated, and tell the user by email.

    Every session signed in before then stops working: Django checks a hash of the password
    on each request. A view that keeps its own session calls update_session_auth_hash.
    """
    user.set_password(password)
    user.save(update_fields=["password"])  # also records the password history
    send_user_email(user, "account.emailsubject.password_changed", "account.email_password_changed")
    logger.info("Password of user %s changed", user.pk)


def change_secret_question(user, secret_question, secret_answer):
    """Replace the secret question and answer, and tell the user by email."""
    user.secret_question = secret_question
    user.set_secret_answer(secret_answer)
    user.save(update_fields=["secret_question", "secret_answer"])
    send_user_email(
        user,
        "account.emailsubject.secret_question_changed",
        "account.email_secret_question_changed",
    )


# --- Email address -----------------------------------------------------------------------


def request_email_change(user, new_email):
    """Send a confirmation link to the new address and a notice to the current one.

    The address is not checked against other accounts here, so the form cannot be used to
    find out who has an account; confirm_email_change refuses a taken address.
    """
    new_email = normalise_email(new_email)
    token = signing.dumps(
        {"user": user.pk, "old": user.email, "new": new_email}, salt=_EMAIL_CHANGE_SALT
    )
    link = _absolute_url(user, "accounts:email_change_confirm", token=token)
    send_email(
        new_email,
        "account.emailsubject.email_changed",
        "account.email_email_changed",
        language=user.preferred_language,
        audience=user.kind,
        urgent=True,
        name=user.get_full_name() or user.email,
        link=link,
        hours=EMAIL_CHANGE_LINK_HOURS,
    )
    send_user_email(
        user,
        "account.emailsubject.email_change_notice",
        "account.email_email_change_notice",
        new_email=new_email,
    )
    logger.info("User %s asked to change their email address", user.pk)


def email_change_from_link(token):
    """(user, new address) of a confirmation link; raises InvalidLink if it expired, was
    used (the account's address is no longer the one it was made for) or was altered."""
    try:
        data = signing.loads(token, salt=_EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_LINK_HOURS * 3600)
    except signing.BadSignature:
        raise InvalidLink from None
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    if user is None or user.email != data["old"]:
        raise InvalidLink
    return user, data["new"]


def _check_email_free(user, new_email):
    taken = get_user_model().objects.filter(email=new_email).exclude(pk=user.pk).exists()
    if taken:
        raise ValidationError(
            _("That email address is already used by another account."), code="email_taken"
        )


def _change_email(user, new_email):
    _check_email_free(user, new_email)
    user.email = new_email
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["email", "email_confirmed_at"])
    sign_out_everywhere(user)


@transaction.atomic
def confirm_email_change(user, new_email):
    """Make ``new_email`` the account's address (the link proved the user reads it) and sign
    the user out everywhere. Raises ValidationError if another account took it meanwhile."""
    _change_email(user, normalise_email(new_email))
    logger.info("User %s confirmed a new email address", user.pk)


def sign_out_everywhere(user):
    """End every session of ``user``. Changing the email address does not change the password
    hash Django checks, so the sessions are removed instead."""
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == user_id:
            store(session.session_key).delete()


# --- Staff actions (Portal users panel) ---------------------------------------------------


def staff_reset_password(user, by=None):
    """A staff member resets a user's password: the user gets the forgotten-password email
    with a reset link; the current password keeps working until the link is used."""
    send_password_reset_email(user)
    logger.info(
        "Staff user %s sent a password reset link to user %s", getattr(by, "pk", None), user.pk
    )


@transaction.atomic
def staff_change_email(user, new_email, by):
    """A staff member changes a user's email address at once (the council has checked it).

    The new address gets a confirmation that it is now the one to sign in with, the old one a
    notice; the user is signed out everywhere. Raises ValidationError if the address is
    invalid or another account uses it.
    """
    new_email = normalise_email(new_email)
    validate_email(new_email)
    if new_email == user.email:
        raise ValidationError(
            _("That is already the account's email address."), code="email_unchanged"
        )
    old_email = user.email
    _change_email(user, new_email)
    send_user_email(
        user,
        "account.emailsubject.email_changed_by_staff",
        "account.email_email_changed_by_staff",
        new_email=new_email,
    )
    send_email(
        old_email,
        "account.emailsubject.email_change_notice",
        "account.email_email_change_notice",
        language=user.preferred_language,
        audience=user.kind,
        name=user.get_full_name() or old_email,
        new_email=new_email,
    )
    logger.info("Staff user %s changed the email address of user %s", by.pk, user.pk)
