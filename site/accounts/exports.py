"""The accounts part of a subject access export (see core.subject_access for the format).

Secrets are never exported: the password, the secret answer and the emailed codes are held only
as one-way hashes, and the export says that they are held instead of showing them.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from core.subject_access import field

from . import two_factor
from .models import EmailConfirmation, Invitation, TwoFactorLock


def export_user(user):
    items = [_profile(user), _security(user)]
    items += [_password_change(row) for row in user.password_history.all()]
    items += [_email_confirmation(row) for row in EmailConfirmation.objects.filter(user=user)]
    invitations = Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user))
    items += [_invitation(invitation) for invitation in invitations]
    items += _sign_in_records(user)
    return {
        "title": _("Account"),
        "items": items,
        "notes": [
            _(
                "The password, the answer to the secret question and the codes sent by email "
                "are stored only as one-way hashes, which cannot be turned back into the "
                "original words, so they are not part of this export."
            ),
            _(
                "Sign-in records are kept under the email address used to sign in; records "
                "under an earlier email address are not listed."
            ),
        ],
    }


def _language(code):
    return dict(settings.LANGUAGES).get(code, code)


def _profile(user):
    fields = [
        field("title", _("Title"), user.title, user.get_title_display()),
        field("first_name", _("First name"), user.first_name),
        field("last_name", _("Last name"), user.last_name),
        field("email", _("Email address"), user.email),
        field("kind", _("Kind of account"), user.kind, user.get_kind_display()),
        field(
            "preferred_language",
            _("Preferred language"),
            user.preferred_language,
            _language(user.preferred_language),
        ),
        field("address_line_1", _("Address line 1"), user.address_line_1),
        field("address_line_2", _("Address line 2"), user.address_line_2),
        field("town", _("Town or city"), user.town),
        field("postcode", _("Postcode"), user.postcode),
        field("home_phone", _("Home phone"), user.home_phone),
        field("mobile_phone", _("Mobile phone"), user.mobile_phone),
        field("work_phone", _("Work phone"), user.work_phone),
        field("is_active", _("Account active"), user.is_active),
        field("date_joined", _("Registered"), user.date_joined),
        field("last_login", _("Last signed in"), user.last_login),
        field("email_confirmed_at", _("Email address confirmed"), user.email_confirmed_at),
    ]
    if user.is_professional or user.professional_role or user.organisation:
        fields += [
            field("professional_role", _("Role"), user.professional_role),
            field("organisation", _("Organisation"), user.organisation),
            field(
                "verification_state",
                _("Verification"),
                user.verification_state,
                user.get_verification_state_display(),
            ),
            field("verification_note", _("Verification note"), user.verification_note),
            field("verified_at", _("Verified or rejected"), user.verified_at),
        ]
    return {"kind": "profile", "title": _("Profile"), "fields": fields}


def _security(user):
    held = _("Held (stored only as a one-way hash)")
    device = two_factor.sign_in_device(user)
    method = two_factor.method_for(device) if device else None
    lock = TwoFactorLock.objects.filter(user=user).first()
    fields = [
        field(
            "password",
            _("Password"),
            user.has_usable_password(),
            held if user.has_usable_password() else "–",
        ),
        field(
            "secret_question",
            _("Secret question"),
            user.secret_question,
            user.get_secret_question_display(),
        ),
        field(
            "secret_answer",
            _("Answer to the secret question"),
            bool(user.secret_answer),
            held if user.secret_answer else "–",
        ),
        field("two_factor_on", _("Two-step verification on"), device is not None),
        field("two_factor_method", _("Two-step verification method"), method and method.key),
    ]
    if lock:
        fields += [
            field("two_factor_failures", _("Wrong codes in a row"), lock.failures),
            field("two_factor_locked_until", _("Locked out until"), lock.locked_until),
        ]
    return {"kind": "security", "title": _("Security"), "fields": fields}


def _password_change(row):
    return {
        "kind": "password_set",
        "title": _("Password set"),
        "fields": [field("created_at", _("When"), row.created_at)],
    }


def _email_confirmation(row):
    return {
        "kind": "email_confirmation",
        "title": _("Email address confirmation"),
        "fields": [
            field("created_at", _("Code sent"), row.created_at),
            field("expires_at", _("Expires"), row.expires_at),
            field("used_at", _("Used"), row.used_at),
            field("attempts", _("Attempts"), row.attempts),
        ],
    }


def _invitation(invitation):
    # The code is left out: it is a credential that links an account to a child.
    return {
        "kind": "invitation",
        "title": _("Invitation"),
        "fields": [
            field("email", _("Email address"), invitation.email),
            field("child_name", _("Child's name"), invitation.child_name),
            field(
                "language",
                _("Language of the email"),
                invitation.language,
                _language(invitation.language),
            ),
            field("created_at", _("Sent"), invitation.created_at),
            field("expires_at", _("Expires"), invitation.expires_at),
            field("status", _("Status"), invitation.status, invitation.get_status_display()),
            field("accepted_at", _("Accepted"), invitation.accepted_at),
            field("cancelled_at", _("Cancelled"), invitation.cancelled_at),
        ],
    }


def _sign_in_records(user):
    """django-axes' records of sign-ins and failed attempts (with the address and browser)."""
    by_email = Q(username__iexact=user.email)
    records = [
        ("sign_in", _("Sign-in"), row, row.logout_time)
        for row in AccessLog.objects.filter(by_email)
    ]
    records += [
        ("failed_sign_in", _("Failed sign-in"), row, None)
        for row in AccessFailureLog.objects.filter(by_email)
    ]
    records += [
        ("failed_sign_ins_counted", _("Failed sign-ins being counted"), row, None)
        for row in AccessAttempt.objects.filter(by_email)
    ]
    records.sort(key=lambda record: record[2].attempt_time, reverse=True)
    return [
        {
            "kind": kind,
            "title": title,
            "fields": [
                field("attempt_time", _("When"), row.attempt_time),
                *([field("logout_time", _("Signed out"), logout)] if logout else []),
                field("ip_address", _("IP address"), row.ip_address),
                field("user_agent", _("Browser"), row.user_agent),
            ],
        }
        for kind, title, row, logout in records
    ]
