"""Who reaches the Wagtail admin: council staff, with two-step verification.

A signed-in citizen or professional gets a page saying the area is for council staff (Wagtail
alone would send them to its login page, which is the portal's sign-in, which sends a
signed-in user back: a redirect loop). The admin's own login page is replaced by the portal's
sign-in (same lockouts, same code step, one place to sign in); every other admin page needs a
verified session. Two-step verification is turned off with
PORTAL_ADMIN_REQUIRES_TWO_FACTOR = False.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse

from .access import verification_redirect

ADMIN_PREFIX = "/admin/"
# Reached before or while signing out; the password reset pages are for signed-out users.
OPEN_PATHS = ("/admin/logout/", "/admin/password_reset/")


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = None
        if request.path.startswith(ADMIN_PREFIX):
            response = self.refuse_non_staff(request)
            if response is None and settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR:
                response = self.check(request)
        return response or self.get_response(request)

    def refuse_non_staff(self, request):
        user = request.user
        if not user.is_authenticated or request.path.startswith(OPEN_PATHS):
            return None
        if user.has_perm("wagtailadmin.access_admin"):
            return None
        return render(request, "accounts/staff_only.html", status=403)

    def check(self, request):
        if request.path == reverse("wagtailadmin_login"):
            next_url = request.GET.get("next") or reverse("wagtailadmin_home")
            return redirect(f"{reverse('accounts:sign_in')}?{urlencode({'next': next_url})}")
        if request.path.startswith(OPEN_PATHS) or not request.user.is_authenticated:
            return None  # Wagtail sends signed-out visitors to its login, i.e. to ours
        return verification_redirect(request)
