"""Who may see what of accounts: views that need a two-step verified session (the decorator
and mixin plugins use), and the rule of "accounts.account" for staff acting on accounts.

Signed out: the sign-in page (settings.LOGIN_URL). Signed in with two-step verification on
but not used in this session: the code step. Without it: a page saying the area requires it.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from portal import access

from . import two_factor
from .staff import MANAGE_USERS, VERIFY_PROFESSIONALS


def verification_redirect(request, next_url=None):
    """The response for a user whose session is not two-step verified, or None when it is."""
    next_url = next_url or request.get_full_path()
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(next_url)  # settings.LOGIN_URL
    if user.is_verified():
        return None
    query = urlencode({"next": next_url})
    if two_factor.user_has_two_factor(user):
        return redirect(f"{reverse('accounts:sign_in_code')}?{query}")
    return redirect(f"{reverse('accounts:two_factor_needed')}?{query}")


def two_factor_required(view):
    """Decorator for views a plugin marks as requiring two-step verification."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return verification_redirect(request) or view(request, *args, **kwargs)

    return wrapped


class TwoFactorRequiredMixin:
    """Class-based view counterpart of :func:`two_factor_required`."""

    def dispatch(self, request, *args, **kwargs):
        return verification_redirect(request) or super().dispatch(request, *args, **kwargs)


class AccountRule(access.Rule):
    """Council staff act on portal accounts from the admin: "manage" (see, unlock, reset,
    deactivate…) needs "accounts.manage_portal_users", "verify" (verify or reject a
    professional) needs "accounts.verify_professionals". Only superusers act on staff
    accounts: otherwise a user manager could take over an administrator's account by
    changing its email address and resetting its password."""

    model = "accounts.User"
    permissions = {"manage": MANAGE_USERS, "verify": VERIFY_PROFESSIONALS}

    def scope(self, user, queryset):
        if any(access.has_permission(user, p) for p in self.permissions.values()):
            return queryset
        return queryset.none()

    def may(self, user, action, obj=None):
        permission = self.permissions.get(action)
        if permission is None or not access.has_permission(user, permission):
            return False
        return obj is None or user.is_superuser or not (obj.is_council_staff or obj.is_superuser)


class InvitationRule(access.Rule):
    """On the portal, an invitation is its recipient's once they have accepted it with its
    code (the code itself is the secret that lets them). The SEND team manage invitations
    in the admin through the invitation viewset's own model permissions."""

    model = "accounts.Invitation"

    def scope(self, user, queryset):
        return queryset.filter(accepted_by=user)

    def may(self, user, action, obj=None):
        return action == "view" and obj is not None and obj.accepted_by_id == user.pk


def register_rules():
    """For ``AccountsConfig.ready()``."""
    access.register("accounts.account", AccountRule())
    access.register("accounts.invitation", InvitationRule())
