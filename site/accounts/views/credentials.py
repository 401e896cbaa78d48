"""Forgotten password, and changing the password, secret question or email address.

The rules are in accounts.credentials; these views move the user between the pages.
"""

from axes.helpers import get_client_ip_address
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from portal.access import NOT_AN_ID, public, route

from .. import credentials
from ..forms_credentials import (
    EmailChangeForm,
    PasswordChangeForm,
    PasswordForgottenForm,
    PasswordResetForm,
    SecretQuestionChangeForm,
)

TEMPLATES = "accounts/credentials"
# The new address waits in the session between the confirmation and the page after it.
_CHANGED_EMAIL = "accounts.credentials.changed_email"
_MY_ACCOUNT_LINK = {
    "link_url": reverse_lazy("accounts:my_account"),
    "link_key": "account.credentials.my_account_link",
}


def _posted(request):
    # An empty POST is still a submission: its form must show its errors.
    return request.POST if request.method == "POST" else None


def _form_page(request, form, prefix, template="form.html", status=200, **context):
    context = {"form": form, "prefix": prefix, **context}
    return render(request, f"{TEMPLATES}/{template}", context, status=status)


def _message(request, prefix, status=200, **context):
    return render(
        request, f"{TEMPLATES}/message.html", {"prefix": prefix, **context}, status=status
    )


# --- Forgotten password -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def password_forgotten(request):
    form = PasswordForgottenForm(_posted(request))
    if form.is_valid():
        try:
            credentials.request_password_reset(
                form.cleaned_data["email"], get_client_ip_address(request)
            )
        except credentials.TooManyRequests:
            form.add_error(
                None,
                _("You have asked for a reset link too many times. Wait an hour, then try again."),
            )
            return _form_page(
                request, form, "account.credentials.forgotten", "password_forgotten.html", 429
            )
        # The same page follows whatever was entered, so it tells nobody who has an account.
        return redirect("accounts:password_forgotten_sent")
    return _form_page(request, form, "account.credentials.forgotten", "password_forgotten.html")


def password_forgotten_sent(request):
    return _message(
        request,
        "account.credentials.forgotten.sent",
        hours=credentials.reset_link_hours(),
        link_url=reverse("accounts:password_forgotten"),
        link_key="account.credentials.forgotten.again",
    )


@never_cache
@sensitive_post_parameters("secret_answer", "new_password", "new_password_confirm")
@require_http_methods(["GET", "POST"])
def password_reset(request, uidb64, token):
    try:
        user = credentials.user_from_reset_link(uidb64, token)
    except credentials.InvalidLink:
        return _message(
            request,
            "account.credentials.reset.invalid",
            link_url=reverse("accounts:password_forgotten"),
            link_key="account.credentials.reset.invalid.again",
        )
    form = PasswordResetForm(user, _posted(request))
    if form.is_valid():
        credentials.set_new_password(user, form.cleaned_data["new_password"])
        return redirect("accounts:password_reset_done")
    return _form_page(request, form, "account.credentials.reset")


def password_reset_done(request):
    return _message(
        request,
        "account.credentials.reset.done",
        panel=True,
        link_url=reverse("accounts:sign_in"),
        link_key="account.credentials.reset.done.sign_in",
    )


# --- Changes while signed in -------------------------------------------------------------


def _done_in_my_account(request, prefix):
    return _message(request, prefix, panel=True, **_MY_ACCOUNT_LINK)


@login_required
@sensitive_post_parameters("current_password", "new_password", "new_password_confirm")
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, _posted(request))
    if form.is_valid():
        credentials.set_new_password(request.user, form.cleaned_data["new_password"])
        # This session stays signed in; every other one now fails Django's password check.
        update_session_auth_hash(request, request.user)
        return redirect("accounts:password_change_done")
    return _form_page(
        request, form, "account.credentials.password", back_url=reverse("accounts:my_account")
    )


@login_required
def password_change_done(request):
    return _done_in_my_account(request, "account.credentials.password.done")


@login_required
@sensitive_post_parameters("current_password", "secret_answer")
@require_http_methods(["GET", "POST"])
def secret_question_change(request):
    form = SecretQuestionChangeForm(request.user, _posted(request))
    if form.is_valid():
        credentials.change_secret_question(
            request.user, form.cleaned_data["secret_question"], form.cleaned_data["secret_answer"]
        )
        return redirect("accounts:secret_question_change_done")
    return _form_page(
        request, form, "account.credentials.secret", back_url=reverse("accounts:my_account")
    )


@login_required
def secret_question_change_done(request):
    return _done_in_my_account(request, "account.credentials.secret.done")


@login_required
@sensitive_post_parameters("current_password")
@require_http_methods(["GET", "POST"])
def email_change(request):
    form = EmailChangeForm(request.user, _posted(request))
    if form.is_valid():
        new_email = form.cleaned_data["new_email"]
        credentials.request_email_change(request.user, new_email)
        request.session[_CHANGED_EMAIL] = new_email
        return redirect("accounts:email_change_sent")
    return _form_page(
        request,
        form,
        "account.credentials.email",
        "email_change.html",
        back_url=reverse("accounts:my_account"),
    )


@login_required
def email_change_sent(request):
    return _message(
        request,
        "account.credentials.email.sent",
        email=request.session.get(_CHANGED_EMAIL, ""),
        hours=credentials.EMAIL_CHANGE_LINK_HOURS,
        **_MY_ACCOUNT_LINK,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def email_change_confirm(request, token):
    """The link in the email to the new address. Opening it only shows a button, so a mail
    scanner that follows links does not change the address."""
    prefix = "account.credentials.email"
    try:
        user, new_email = credentials.email_change_from_link(token)
    except credentials.InvalidLink:
        return _message(request, f"{prefix}.invalid")
    if request.user.is_authenticated and request.user.pk != user.pk:
        return _message(request, f"{prefix}.other_account", status=403)
    if request.method == "POST":
        try:
            credentials.confirm_email_change(user, new_email)
        except ValidationError:
            return _message(request, f"{prefix}.taken", status=409)
        logout(request)
        request.session[_CHANGED_EMAIL] = new_email
        return redirect("accounts:email_change_done")
    return render(request, f"{TEMPLATES}/email_change_confirm.html", {"email": new_email})


def email_change_done(request):
    return _message(
        request,
        "account.credentials.email.done",
        panel=True,
        email=request.session.get(_CHANGED_EMAIL, ""),
        link_url=reverse("accounts:sign_in"),
        link_key="account.credentials.email.done.sign_in",
    )


urlpatterns = [
    public(path("password-forgotten/", password_forgotten, name="password_forgotten")),
    public(
        path("password-forgotten/sent/", password_forgotten_sent, name="password_forgotten_sent")
    ),
    public(path("password-reset/done/", password_reset_done, name="password_reset_done")),
    public(
        route(
            path("password-reset/<uidb64>/<token>/", password_reset, name="password_reset"),
            uidb64=NOT_AN_ID,
            token=NOT_AN_ID,
        )
    ),
    path("password/", password_change, name="password_change"),
    path("password/changed/", password_change_done, name="password_change_done"),
    path("secret-question/", secret_question_change, name="secret_question_change"),
    path(
        "secret-question/changed/", secret_question_change_done, name="secret_question_change_done"
    ),
    path("email-address/", email_change, name="email_change"),
    path("email-address/sent/", email_change_sent, name="email_change_sent"),
    public(
        route(
            path(
                "email-address/confirm/<str:token>/",
                email_change_confirm,
                name="email_change_confirm",
            ),
            token=NOT_AN_ID,
        )
    ),
    public(path("email-address/changed/", email_change_done, name="email_change_done")),
]
