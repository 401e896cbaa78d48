"""Registering a citizen or professional account: the steps, their answers and the account.

The answers of each step are kept in the session (``SESSION_KEY``) until the user confirms
them on "Check your answers", so going back or getting a later step wrong never loses what
was typed. Passwords and secret answers are hashed before they reach the session.

GDPR consent (services)
-----------------------
The consent step is the service ``"registration_consent"`` (its Protocol is in portal.services):
every registration step first redirects to its ``start_url`` until ``is_given`` says yes, the
account is only created with consent, and ``record`` stores it against the new account. The
GDPR plugin provides it; the fallback has no consent step.

The service ``"may_register_again"`` says whether the address of an inactive account may be
registered again (the GDPR plugin: consent was withdrawn). When it says yes, the account is
reopened with the new answers, its address unconfirmed until the emailed code is entered. The
fallback says no: an existing address is always "already registered".
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from core.emails import send_user_email
from portal import services
from portal.plugins import CITIZEN, PROFESSIONAL

from .confirmation import new_code, send_confirmation
from .models import PENDING

SESSION_KEY = "registration"

# Every step in order; "work" only for professionals. "address" is chosen from the lookup
# or typed in by hand after the "postcode" step.
STEPS = ("name", "work", "postcode", "address", "phone", "account", "secret")
PROFESSIONAL_ONLY = {"work"}


def consent_redirect(request, next_url):
    """The consent page to send the user to first, or None when no consent is needed now."""
    consent = services.get("registration_consent")
    if consent.is_given(request):
        return None
    return consent.start_url(request, next_url)


# --- answers in the session -------------------------------------------------------------


def start(session, kind):
    """Begin (or restart as another kind) a registration; earlier answers are kept."""
    answers = session.get(SESSION_KEY) or {}
    answers["kind"] = PROFESSIONAL if kind == PROFESSIONAL else CITIZEN
    if answers["kind"] == CITIZEN:
        answers.pop("work", None)
    session[SESSION_KEY] = answers


def answers(session):
    return session.get(SESSION_KEY) or {}


def save_step(session, step, data):
    current = answers(session)
    current[step] = data
    if step == "postcode":
        # A new postcode means the address has to be chosen again.
        current.pop("address", None)
    session[SESSION_KEY] = current


def steps_for(current):
    professional = current.get("kind") == PROFESSIONAL
    return [step for step in STEPS if professional or step not in PROFESSIONAL_ONLY]


def next_step(current, after):
    """The step to show after ``after``: the next unanswered one, else "check"."""
    steps = steps_for(current)
    following = steps[steps.index(after) + 1 :] if after in steps else steps
    for step in following:
        if step not in current:
            return step
    missing = [step for step in steps if step not in current]
    return missing[0] if missing else "check"


def previous_step(current, step):
    """The step before ``step`` for the Back link ("start" before the first)."""
    steps = steps_for(current)
    if step == "check":
        return steps[-1]
    index = steps.index(step)
    return steps[index - 1] if index else "start"


def step_url(current, step):
    """The page of a step; the address step is the list, or the form when typed by hand."""
    if step == "address" and current.get("address", {}).get("manual"):
        return reverse("accounts:register_address_manual")
    return reverse(f"accounts:register_{step}")


def is_complete(current):
    return "kind" in current and all(step in current for step in steps_for(current))


def unsaved_user(current):
    """A User built from the answers so far (not saved), e.g. for the password rules."""
    user = get_user_model()(
        email=current.get("account", {}).get("email", ""),
        first_name=current.get("name", {}).get("first_name", ""),
        last_name=current.get("name", {}).get("last_name", ""),
    )
    return user


# --- creating the account ---------------------------------------------------------------


def _language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _new_user(current):
    name, address = current["name"], current["address"]
    phone, account, secret = current["phone"], current["account"], current["secret"]
    user = get_user_model()(
        email=account["email"],
        # A registration begun before titles were asked has none.
        title=name.get("title", ""),
        first_name=name["first_name"],
        last_name=name["last_name"],
        kind=current["kind"],
        preferred_language=_language(),
        address_line_1=address["address_line_1"],
        address_line_2=address.get("address_line_2", ""),
        town=address["town"],
        postcode=address["postcode"],
        home_phone=phone.get("home_phone", ""),
        mobile_phone=phone.get("mobile_phone", ""),
        work_phone=phone.get("work_phone", ""),
        secret_question=secret["secret_question"],
        secret_answer=secret["secret_answer_hash"],
        password=account["password_hash"],
    )
    if current["kind"] == PROFESSIONAL:
        user.professional_role = current["work"]["professional_role"]
        user.organisation = current["work"]["organisation"]
        user.work_address = current["work"]["work_address"]
        user.work_phone = current["work"]["work_phone"]
        user.verification_state = PENDING
    return user


def _tell_existing_user(email):
    # A new account's confirmation code is hashed, which is slow on purpose; hash one here
    # too, so the time the last step takes does not tell that the address has an account.
    make_password(new_code())
    existing = get_user_model().objects.get(email__iexact=email)
    with translation.override(existing.preferred_language):
        path = reverse("accounts:sign_in")
    send_user_email(
        existing,
        "account.emailsubject.registration_exists",
        "account.email_registration_exists",
        link=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
    )


def _save_new(user):
    """Save a new user unless the address is taken (in any case); True when saved."""
    if get_user_model().objects.filter(email__iexact=user.email).exists():
        return False
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # registered at the same moment by another request
        return False
    return True


def _reopen(user):
    """Save ``user`` over the closed account with the same address when a plugin says it may
    be registered again; True when reopened."""
    closed = get_user_model().objects.filter(email__iexact=user.email, is_active=False).first()
    if closed is None or not services.get("may_register_again")(closed):
        return False
    user.pk = closed.pk
    user.save(force_update=True)
    return True


def register(request):
    """Create the account from the answers in the session and email its confirmation.

    The answers must be complete and consent given (see the module docstring). When the
    email address already has an account, that address is told someone tried to register
    and no account is made; either way the caller shows the same "Check your email" page.
    Returns the address the confirmation went to.
    """
    current = answers(request.session)
    if not is_complete(current):
        raise ValueError("Registration answers are incomplete")
    consent = services.get("registration_consent")
    if not consent.is_given(request):
        raise PermissionError("Registration consent has not been given")
    email = current["account"]["email"]
    user = _new_user(current)
    if _save_new(user) or _reopen(user):
        consent.record(request, user)
        send_confirmation(user)
    else:
        _tell_existing_user(email)
    del request.session[SESSION_KEY]
    return email
