"""The consent step of registration, as the accounts registration wizard asks for it
(service "registration_consent", see accounts.registration), and the "may register again" rule
(service "may_register_again")."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.http import urlencode

from . import services
from .models import REGISTRATION, WITHDRAWN, ConsentRecord

# What the person registering agreed to, until their account exists:
# {"statement": <ConsentStatement pk>, "language": <language shown>}.
SESSION_KEY = "gdpr.registration_consent"


def remember_agreement(session, statement, language):
    session[SESSION_KEY] = {"statement": statement.pk, "language": language}


class RegistrationConsent:
    """The provider object the registration wizard calls."""

    def start_url(self, request, next_url):
        return f"{reverse('gdpr:registration_consent')}?{urlencode({'next': next_url})}"

    def is_given(self, request):
        # Before the first statement is published there is nothing to agree to.
        return SESSION_KEY in request.session or services.current_statement() is None

    def record(self, request, user):
        """Store the agreement against the new account, if what was agreed is still the
        current statement; otherwise the user is asked to agree at their next request."""
        agreed = request.session.pop(SESSION_KEY, None)
        current = services.current_statement()
        if not agreed or current is None or agreed["statement"] != current.pk:
            return None
        try:
            return services.record_agreement(user, current, agreed["language"], REGISTRATION)
        except ValidationError:  # replaced by a newer statement a moment ago
            return None


registration_consent = RegistrationConsent()


def may_register_again(user):
    """An account closed by withdrawing consent may be registered again with its address."""
    if user.is_active:
        return False
    latest = ConsentRecord.objects.filter(user=user).order_by("-created_at", "-pk").first()
    return latest is not None and latest.action == WITHDRAWN
