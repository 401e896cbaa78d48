"""Forms of the sign-in journey: they check input only; accounts.sign_in and
accounts.two_factor decide."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm

from .widgets import one_time_code_input


class SignInForm(PortalForm, forms.Form):
    text_prefix = "account.sign_in.form"

    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        error_messages={"required": _("Enter your email address")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeField(forms.CharField):
    def to_python(self, value):
        # People copy codes with spaces around or inside them.
        return "".join(super().to_python(value).split())


class CodeForm(PortalForm, forms.Form):
    text_prefix = "account.sign_in.code_form"

    code = CodeField(
        label=_("Code"),
        help_text=_("The code is 6 digits."),
        error_messages={"required": _("Enter the code from the email")},
        validators=[
            RegexValidator(r"^\d{6}$", _("Enter the code as 6 digits, for example 123456"))
        ],
        widget=one_time_code_input(),
    )
