"""The consent gate: a signed-in citizen or professional who has not agreed to the current
consent statement sees it before anything else (or withdraws)."""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from . import services

# Pages a user who has still to agree can reach: the agreement page itself, the ways to
# withdraw instead, signing out, the session keep-alive and the council's stylesheet.
ALLOWED = {
    "gdpr:agree",
    "gdpr:withdraw",
    "gdpr:withdraw_confirm",
    "gdpr:withdrawn",
    "accounts:sign_out",
    "accounts:signed_out",
    "accounts:session_status",
    "accounts:timed_out",
    "theme_css",
}


def _view_name(request):
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def consent_gate(request):
    """Redirect to the agreement page, or None to let the request through."""
    if not services.needs_agreement(request.user, request.session):
        return None
    if _view_name(request) in ALLOWED:
        return None
    url = reverse("gdpr:agree")
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)
