"""The page shown after an idle session ends, and the endpoint the timeout warning asks how
long a session has left."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.session import idle_seconds, reports_session_time, seconds_left
from portal.access import public


@require_GET
def timed_out(request):
    return render(
        request, "accounts/session/timed_out.html", {"idle_minutes": idle_seconds() // 60}
    )


@reports_session_time
@never_cache
@require_http_methods(["GET", "POST"])
def session_status(request):
    """GET: how long the session has left, without extending it. POST (the "Stay signed in"
    button, with its CSRF token): the IdleTimeoutMiddleware has just counted it as activity."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0})
    return JsonResponse(
        {"signed_in": True, "seconds_left": max(0, round(seconds_left(request.session)))}
    )


urlpatterns = [
    public(path("signed-out/inactive/", timed_out, name="timed_out")),
    public(path("session/", session_status, name="session_status")),
]
