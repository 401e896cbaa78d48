"""Services: what one part of the portal asks of another without importing it (DESIGN.md §3).

Each service is declared once, here, with its interface (a ``typing.Protocol``) and its
fallback (the dotted path of what answers when no installed app provides it). An app provides a
service with a ``ServiceSpec`` in its config (``portal.plugins``); callers ask ``get(name)`` and
always receive something that satisfies the Protocol, so they never branch on "no provider".
``portal.checks`` verifies at start-up that every provider is declared, unique and satisfies
its Protocol, and that every path imports.

Adding a service (see docs/plugins.md): a Protocol, a fallback, one ``declare()`` line.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .plugins import service_providers


@dataclass(frozen=True)
class Declaration:
    name: str
    protocol: type
    fallback: str


_declarations = {}


def declare(name, protocol, fallback):
    """Declare the service ``name``: providers must satisfy ``protocol``; ``fallback`` is the
    dotted path of the provider used when no installed app provides it."""
    declaration = Declaration(name, protocol, fallback)
    if _declarations.setdefault(name, declaration) != declaration:
        raise ValueError(f"Service {name!r} is already declared differently")
    return declaration


def declarations():
    """Every declared service, keyed by name."""
    return dict(_declarations)


def get(name):
    """The installed provider of service ``name``, or its fallback. ``portal.checks`` makes sure
    at most one app provides it."""
    try:
        declaration = _declarations[name]
    except KeyError:
        raise LookupError(f"No service {name!r} is declared in portal.services") from None
    providers = service_providers(name)
    return import_string(providers[0][1].func if providers else declaration.fallback)


# --- the portal's services ---------------------------------------------------------------


class Notify(Protocol):
    """Tell ``user`` about something, in their language: ``subject_key`` and ``body_key`` name
    portal texts, filled in with ``context``; ``link`` (an absolute URL) is where the user can
    act on it. The fallback emails the whole notice (``{link}`` is a placeholder of the body);
    the messaging plugin will post it as a portal message and email only that there is one."""

    def __call__(
        self,
        user,
        subject_key: str,
        body_key: str,
        context: Mapping[str, object],
        *,
        link: str | None = None,
    ) -> None: ...


class RegistrationConsent(Protocol):
    """The consent step of registration (see accounts.registration)."""

    def start_url(self, request, next_url: str) -> str:
        """The consent page; once consent is given it sends the user on to ``next_url``."""

    def is_given(self, request) -> bool:
        """Whether the person registering in this session has given consent."""

    def record(self, request, user) -> object:
        """Store the consent against the new account (called once it exists)."""


class MayRegisterAgain(Protocol):
    """Whether the address of the closed account ``user`` may be registered again (reopening
    that account)."""

    def __call__(self, user) -> bool: ...


class ChildrenOfUser(Protocol):
    """The children linked to a portal user, each a mapping with "name" and optionally
    "date_of_birth" and "relationship"."""

    def __call__(self, user) -> Sequence[Mapping[str, str]]: ...


class Match(Protocol):
    """Find the council's record of the child in ``details`` (a ``records.services.
    PersonDetails``): return the ``records.ChildRecord`` they were matched to, or ``None`` while
    the match waits for a person to decide. The fallback accepts every child as a new record;
    the matching plugin ranks candidates and decides or hands them to the SEND team."""

    def __call__(self, details) -> object: ...


class CheckUpload(Protocol):
    """Check a file a portal user uploads against the council's rules (accepted types and
    largest size from Portal configuration, its content really that type, a virus scan):
    return what was found (``content_type``, ``sha256``, ``size``) or raise ``ValidationError``
    with the portal's wording. The fallback refuses every file, since no app could check it;
    the SEND plugin provides the checks its forms use."""

    def __call__(self, uploaded_file) -> object: ...


class NoConsentStep:
    """Registration without a consent step: consent is never asked for, nothing is recorded."""

    def start_url(self, request, next_url):
        return next_url

    def is_given(self, request):
        return True

    def record(self, request, user):
        return None


no_consent_step = NoConsentStep()


def never_register_again(user):
    """Without a rule to reopen closed accounts, an address that has one stays taken."""
    return False


def refuse_uploads(uploaded_file):
    """Without an app that checks uploads, no file is kept: one nobody checked could carry a
    virus."""
    raise ValidationError(_("Files cannot be accepted on this site."), code="unchecked")


def no_children(user):
    """Without an app that records children, nobody has children linked."""
    return []


declare("notify", Notify, fallback="core.emails.notify_by_email")
declare("registration_consent", RegistrationConsent, fallback="portal.services.no_consent_step")
declare("may_register_again", MayRegisterAgain, fallback="portal.services.never_register_again")
declare("children_of_user", ChildrenOfUser, fallback="portal.services.no_children")
declare("check_upload", CheckUpload, fallback="portal.services.refuse_uploads")
declare("match", Match, fallback="records.services.accept_as_new_record")
