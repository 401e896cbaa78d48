"""Confirming the email address after registering: code, link, new code, account ready.

The address being confirmed is kept in the session ("registration_email"). Pages answer
alike whether or not it has an account, so they never reveal who is registered.
"""

from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from portal.access import NOT_AN_ID, public, route

from .. import confirmation
from ..forms_registration import ConfirmCodeForm, ResendForm

SESSION_EMAIL = "registration_email"


class CheckEmailView(FormView):
    """ "Check your email": the code from the email confirms the address."""

    form_class = ConfirmCodeForm
    template_name = "accounts/registration/check_email.html"

    def dispatch(self, request, *args, **kwargs):
        self.email = request.session.get(SESSION_EMAIL)
        if not self.email:
            return redirect("accounts:resend_confirmation")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            confirmation.confirm_code(self.email, form.cleaned_data["code"])
        except confirmation.ConfirmationError as error:
            form.add_error("code", str(error))
            return self.form_invalid(form)
        del self.request.session[SESSION_EMAIL]
        return redirect("accounts:register_ready")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email=self.email,
            resent="resent" in self.request.GET,
            hours=confirmation.REGISTRATION_CODE_HOURS,
            **kwargs,
        )


def confirm_link(request, token):
    """The link in the email; a used or expired one says so and offers a new code."""
    try:
        confirmation.confirm_link(token)
    except confirmation.ConfirmationError as error:
        return render(request, "accounts/registration/link_invalid.html", {"message": error})
    request.session.pop(SESSION_EMAIL, None)
    return redirect("accounts:register_ready")


class ResendView(FormView):
    """ "Send me a new code": the same answer whether or not the address has an account."""

    form_class = ResendForm
    template_name = "accounts/registration/resend.html"

    def get_initial(self):
        return {"email": self.request.session.get(SESSION_EMAIL, "")}

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        confirmation.resend_confirmation(email)
        self.request.session[SESSION_EMAIL] = email
        return redirect(reverse("accounts:confirm_email") + "?resent=1")

    def get_context_data(self, **kwargs):
        return super().get_context_data(per_hour=confirmation.RESENDS_PER_HOUR, **kwargs)


class ReadyView(TemplateView):
    template_name = "accounts/registration/ready.html"


urlpatterns = [
    public(path("register/confirm/", CheckEmailView.as_view(), name="confirm_email")),
    public(
        route(
            path("register/confirm/<str:token>/", confirm_link, name="confirm_email_link"),
            token=NOT_AN_ID,
        )
    ),
    public(path("register/new-code/", ResendView.as_view(), name="resend_confirmation")),
    public(path("register/ready/", ReadyView.as_view(), name="register_ready")),
]
