from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from .announcements import for_reader, live_announcements, mark_seen
from .config import branding


def _safe_next(request):
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None


@require_GET
def announcements(request):
    """Live announcements with a Continue button; straight on when there are none."""
    from django.urls import reverse

    continue_url = _safe_next(request) or reverse("wagtail_serve", args=("",))
    items = live_announcements(get_language())
    if not items:
        return redirect(continue_url)
    if request.user.is_authenticated:
        mark_seen(request.user, items)
    return render(
        request,
        "core/announcements.html",
        {"announcements": for_reader(items, request.user), "continue_url": continue_url},
    )


@require_GET
def theme_css(request):
    """The council's brand colour as CSS, cached by browsers under a versioned URL."""
    response = render(
        request, "core/theme.css", {"colour": branding().brand_colour}, content_type="text/css"
    )
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@requires_csrf_token
def bad_request(request, exception):
    """The themed 400 page (e.g. a form larger than DATA_UPLOAD_MAX_MEMORY_SIZE). Django's own
    handler renders 400.html without the request, which the portal's base template needs for
    its language, header and footer."""
    return render(request, "400.html", status=400)


@requires_csrf_token
def csrf_failure(request, reason=""):
    """The themed page for a form refused by the CSRF check (settings.CSRF_FAILURE_VIEW):
    Django's own is a bare page in English whatever the visitor's language."""
    return render(request, "403_csrf.html", status=403)
