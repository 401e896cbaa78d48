"""Views that need a two-step verified session: the decorator and mixin plugins use.

Signed out: the sign-in page. Signed in with two-step verification on but not used in this
session: the code step. Without it: a page saying the area requires it.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor


def verification_redirect(request, next_url=None):
    """The response for a user whose session is not two-step verified, or None when it is."""
    next_url = next_url or request.get_full_path()
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(next_url, reverse("accounts:sign_in"))
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
