"""Session safety: signed-in users are signed out after a spell without activity.

The idle limit is `session_idle_minutes` in Portal configuration; SESSION_COOKIE_AGE is the
absolute limit from sign-in, however active the user is. Both are checked here on the server,
so users without JavaScript are signed out too; the timeout warning in the browser only asks
`session_status` how long is left.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.config import portal_settings

LAST_ACTIVITY_KEY = "accounts.session.last_activity"
SIGNED_IN_AT_KEY = "accounts.session.signed_in_at"
# Activity is stored at most this often: storing it on every page wrote the session to the
# database on every request. The idle limit is counted in minutes, so a session ends at most
# this many seconds before its exact limit.
ACTIVITY_STEP_SECONDS = 30


def idle_seconds():
    return portal_settings().session_idle_minutes * 60


def seconds_left(session):
    """Seconds until the session ends for want of activity (or reaches its absolute limit)."""
    now = timezone.now().timestamp()
    last_activity = session.get(LAST_ACTIVITY_KEY, now)
    signed_in_at = session.get(SIGNED_IN_AT_KEY, now)
    return min(
        last_activity + idle_seconds() - now,
        signed_in_at + settings.SESSION_COOKIE_AGE - now,
    )


def record_activity(session):
    now = timezone.now().timestamp()
    if now - session.get(LAST_ACTIVITY_KEY, 0) >= ACTIVITY_STEP_SECONDS:
        session[LAST_ACTIVITY_KEY] = now
    session.setdefault(SIGNED_IN_AT_KEY, now)


def reports_session_time(view):
    """Mark the view that tells the timeout warning how long the session has left. Its GET
    requests do not count as activity (only "Stay signed in", a POST, does), and once the
    session has ended it still answers, rather than being redirected."""
    view.reports_session_time = True
    return view


def _counts_as_activity(request, view):
    if getattr(view, "reports_session_time", False):
        return request.method not in ("GET", "HEAD")
    # Wagtail's page editor pings every few seconds while it is open, whether or not anyone
    # is at the keyboard.
    match = request.resolver_match
    return match is None or match.namespace != "wagtailadmin_editing_sessions"


def _is_admin(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class IdleTimeoutMiddleware:
    """Signs out users idle for longer than Portal configuration allows.

    Goes after the authentication and message middleware. Portal pages then redirect to the
    "You have been signed out" page (accounts:timed_out); the Wagtail admin sends the user to
    its own sign-in page (with a message).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        if seconds_left(request.session) <= 0:
            logout(request)
            if getattr(view, "reports_session_time", False):
                return None
            if _is_admin(request):
                messages.info(
                    request, gettext("You have been signed out because you were inactive.")
                )
                return None  # the admin redirects anonymous users to its sign-in page
            return redirect("accounts:timed_out")
        if _counts_as_activity(request, view):
            record_activity(request.session)
        return None
