"""Service accounts and their tokens: creating an account with its own staff user, setting its
scopes (which sets that user's permissions), issuing a token shown once, revoking it, and
finding the token a request presents."""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import STAFF

from . import scopes
from .models import ApiToken, ServiceAccount

TOKEN_PREFIX = "sp_"  # noqa: S105 (says what a token is; not a secret)


def digest(token):
    """What is stored of a token: its SHA-256. Tokens are 256 random bits, so a plain hash
    is enough (a slow password hash would only slow down every API call)."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_account(name, scope_names, *, ip_allowlist="", rate_limit=None):
    """A service account with a council staff user of its own that can never sign in."""
    user = get_user_model().objects.create_user(
        email=f"{slugify(name)[:40] or 'client'}.{secrets.token_hex(4)}@service-account.invalid",
        password=None,
        first_name=name[:150],
        kind=STAFF,
    )
    account = ServiceAccount.objects.create(
        name=name, user=user, ip_allowlist=ip_allowlist, rate_limit=rate_limit
    )
    set_scopes(account, scope_names)
    return account


@transaction.atomic
def set_scopes(account, scope_names):
    """Give ``account`` exactly ``scope_names``, and its user exactly their permissions."""
    unknown = set(scope_names) - set(scopes.SCOPES)
    if unknown:
        raise ValueError(f"Unknown scopes: {', '.join(sorted(unknown))}")
    account.scopes = sorted(set(scope_names))
    account.save(update_fields=["scopes"])
    account.user.user_permissions.set(scopes.permissions_for(account.scopes))


def issue_token(account, expires_at=None, token=None):
    """A new token for ``account``: returns (ApiToken, the token itself), which is never
    stored. ``token`` is given only by the demo, which prints the same one on every run."""
    token = token or TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        account=account, prefix=token[:10], digest=digest(token), expires_at=expires_at
    )
    return row, token


def revoke(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def find_token(presented):
    """The usable token ``presented`` names with its account and user, or None: unknown,
    revoked and expired tokens are all refused alike."""
    row = ApiToken.objects.select_related("account__user").filter(digest=digest(presented)).first()
    if row is None or not row.is_usable() or not row.account.user.is_active:
        return None
    return row


def mark_used(token, now=None):
    """Record the token's last use, at most once a minute so busy clients do not write a row
    on every request."""
    now = now or timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
