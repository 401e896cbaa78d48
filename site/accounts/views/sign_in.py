"""Sign in (password, then the emailed code), the offer to turn on two-step verification,
the lockout page and sign out."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from core.config import portal_settings
from portal.access import public

from .. import sign_in as service
from .. import two_factor
from ..forms_sign_in import CodeForm, SignInForm
from . import sign_in_two_factor
from .sign_in_two_factor import lock_message

TEMPLATES = "accounts/sign_in/"
TOO_MANY_CODES = gettext_lazy(
    "You have asked for too many new codes. Use the code in the last email we sent you, or "
    "ask for a new code in an hour."
)


def _with_next(url_name, next_url):
    url = reverse(url_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def sign_in(request):
    next_url = service.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(service.landing_url(request, next_url))
    form = SignInForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        user, problem = service.check_password(
            request, form.cleaned_data["email"], form.cleaned_data["password"]
        )
        if problem == service.UNCONFIRMED:
            return render(request, TEMPLATES + "unconfirmed.html")
        if user is not None:
            if service.start(request, user, next_url):
                return redirect("accounts:sign_in_code")
            return redirect(_with_next("accounts:two_factor_offer", next_url))
        form.add_error(None, _("Email address or password is incorrect"))
    return render(request, TEMPLATES + "sign_in.html", {"form": form, "next": next_url})


def locked_out(request, credentials, *args, **kwargs):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): too many wrong passwords for
    this account or from this address."""
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, TEMPLATES + "locked_out.html", {"minutes": minutes}, status=429)


def _code_step_user(request):
    """Whose code this page asks for: the half-signed-in user, or a signed-in user with
    two-step verification on whose session is not verified yet (e.g. sent here by the admin)."""
    pending = service.pending_user(request)
    if pending is not None:
        return pending, True
    user = request.user
    if user.is_authenticated and not user.is_verified() and two_factor.user_has_two_factor(user):
        return user, False
    return None, False


def sign_in_code(request):
    user, pending = _code_step_user(request)
    if user is None:
        return redirect("accounts:sign_in")
    next_url = service.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not pending and request.method == "GET":
        two_factor.ensure_code_sent(user)
    form = CodeForm()
    refused = False
    if request.method == "POST" and "resend" in request.POST:
        if two_factor.resend_sign_in_code(user):
            messages.success(request, _("We have sent you a new code."))
            return redirect(_with_next("accounts:sign_in_code", next_url))
        # Shown on this page rather than after a redirect, so its heading can say to use
        # the last code; an earlier "new code sent" notice not yet shown is out of date.
        refused = not two_factor.locked_until(user)
        list(messages.get_messages(request))
    elif request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            device = two_factor.sign_in_code_device(user)
            result = two_factor.check_code(device, form.cleaned_data["code"])
            if result == two_factor.VERIFIED:
                if pending:
                    next_url = service.finish(request, user, device)
                else:
                    otp_login(request, device)
                return redirect(service.landing_url(request, next_url))
            if result == two_factor.EXPIRED:
                form.add_error("code", _("The code has expired. Ask for a new code."))
            elif result == two_factor.WRONG:
                form.add_error("code", _("The code is not correct. Check the email and try again."))
    until = two_factor.locked_until(user)
    if until:
        form = CodeForm()
    context = {
        "form": form,
        "next": next_url,
        "refused_message": TOO_MANY_CODES if refused else "",
        "locked_message": lock_message(until) if until else "",
        "minutes": portal_settings().two_factor_code_minutes,
    }
    return render(request, TEMPLATES + "code.html", context, status=429 if refused else 200)


def two_factor_offer(request):
    """After signing in without two-step verification: turn it on now, or carry on."""
    if not request.user.is_authenticated:
        return redirect("accounts:sign_in")
    next_url = service.safe_next(request, request.GET.get("next"))
    if two_factor.user_has_two_factor(request.user):
        return redirect(service.landing_url(request, next_url))
    landing = service.landing_url(request, next_url)
    context = {
        "next": landing,
        # Nothing can be done without it when every service the user can use needs it.
        "not_now_url": None if two_factor.every_service_requires(request.user) else landing,
    }
    return render(request, TEMPLATES + "offer.html", context)


@require_POST
def sign_out(request):
    auth.logout(request)
    return redirect("accounts:signed_out")


def signed_out(request):
    return render(request, TEMPLATES + "signed_out.html")


urlpatterns = [
    public(path("sign-in/", sign_in, name="sign_in")),
    public(path("sign-in/code/", sign_in_code, name="sign_in_code")),
    public(path("sign-in/two-step-verification/", two_factor_offer, name="two_factor_offer")),
    public(path("sign-out/", sign_out, name="sign_out")),
    public(path("signed-out/", signed_out, name="signed_out")),
    *sign_in_two_factor.urlpatterns,
]
