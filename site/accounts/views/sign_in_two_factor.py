"""My account → two-step verification: turn it on (confirming an emailed code) or off, and
the page a user without it sees when an area requires it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from core.config import portal_settings
from core.texts import raw_text
from portal.access import public

from .. import sign_in as service
from .. import two_factor
from ..forms_sign_in import CodeForm

TEMPLATES = "accounts/sign_in/"


def _next(request):
    return service.safe_next(request, request.POST.get("next") or request.GET.get("next"))


def _with_next(url_name, next_url):
    url = reverse(url_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def lock_message(until):
    """The clear message of the wrong-code lock."""
    return _(
        "You have entered a wrong code too many times. For your security, you cannot use "
        "a code for %(minutes)d minutes. Try again after %(time)s."
    ) % {
        "minutes": portal_settings().two_factor_lockout_minutes,
        "time": timezone.localtime(until).strftime("%H:%M"),
    }


@login_required
def manage(request):
    user, next_url = request.user, _next(request)
    if request.method == "POST" and request.POST.get("action") == "on":
        if two_factor.user_has_two_factor(user):
            return redirect("accounts:two_factor")
        if not two_factor.start_turning_on(user):
            messages.error(request, _("You have asked for too many codes. Try again later."))
            return redirect(_with_next("accounts:two_factor", next_url))
        return redirect(_with_next("accounts:two_factor_confirm", next_url))
    if request.method == "POST" and request.POST.get("action") == "off":
        if not user.is_verified():
            # Turning it off needs the code, like any other change that weakens the account.
            return redirect(_with_next("accounts:sign_in_code", reverse("accounts:two_factor")))
        if two_factor.can_turn_off(user):
            two_factor.turn_off(user)
            messages.success(request, raw_text("account.two_factor.turned_off"))
        return redirect("accounts:two_factor")
    context = {
        "is_on": two_factor.user_has_two_factor(user),
        "can_turn_off": two_factor.can_turn_off(user),
        "next": next_url or "",
    }
    return render(request, TEMPLATES + "two_factor.html", context)


@login_required
def confirm(request):
    user, next_url = request.user, _next(request)
    if two_factor.pending_device(user) is None:
        return redirect("accounts:two_factor")
    form = CodeForm()
    if request.method == "POST" and "resend" in request.POST:
        if two_factor.start_turning_on(user):
            messages.success(request, _("We have sent you a new code."))
        elif not two_factor.locked_until(user):
            messages.error(request, _("You have asked for too many codes. Try again later."))
        return redirect(_with_next("accounts:two_factor_confirm", next_url))
    if request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            result, device = two_factor.confirm_turning_on(user, form.cleaned_data["code"])
            if result == two_factor.VERIFIED:
                otp_login(request, device)
                messages.success(request, raw_text("account.two_factor.turned_on"))
                # The "now on" banner shows on the two-step verification page, which then
                # offers to continue where the user was going.
                return redirect(_with_next("accounts:two_factor", next_url))
            if result == two_factor.EXPIRED:
                form.add_error("code", _("The code has expired. Ask for a new code."))
            elif result == two_factor.WRONG:
                form.add_error("code", _("The code is not correct. Check the email and try again."))
    until = two_factor.locked_until(user)
    context = {
        "form": CodeForm() if until else form,
        "next": next_url or "",
        "locked_message": lock_message(until) if until else "",
        "minutes": portal_settings().two_factor_code_minutes,
    }
    return render(request, TEMPLATES + "two_factor_confirm.html", context)


def needed(request):
    """ "This area requires two-step verification" (access.two_factor_required sends users
    without it here)."""
    context = {"next": _next(request) or ""}
    return render(request, TEMPLATES + "two_factor_needed.html", context)


urlpatterns = [
    path("two-step-verification/", manage, name="two_factor"),
    path("two-step-verification/confirm/", confirm, name="two_factor_confirm"),
    public(path("two-step-verification/required/", needed, name="two_factor_needed")),
]
