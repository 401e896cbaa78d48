"""Forms of the credentials journeys. Labels and hints are portal texts (accounts.texts.
credentials); messages are gettext. Password boxes are never filled in again after an error,
as GOV.UK asks; everything else a user typed is kept."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm

from . import credentials
from .credentials import normalise_email
from .models import SECRET_QUESTIONS
from .passwords import PortalPasswordValidator


def _password_field(label, autocomplete, required_message):
    return forms.CharField(
        label=label,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete, "spellcheck": "false"}),
        error_messages={"required": required_message},
    )


def _secret_question_field(label):
    return forms.ChoiceField(
        label=label,
        choices=SECRET_QUESTIONS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select your secret question"),
            "invalid_choice": _("Select your secret question"),
        },
    )


def _secret_answer_field(label, required_message):
    return forms.CharField(
        label=label,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": required_message,
            "max_length": _("Your secret answer must be 100 characters or fewer"),
        },
    )


def _email_field(label, required_message):
    return forms.EmailField(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": required_message,
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
    )


class CurrentPasswordMixin:
    """A ``current_password`` field checked against the signed-in user's password."""

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Your current password is incorrect"), code="wrong_password")
        return password


class PasswordForgottenForm(PortalForm, forms.Form):
    text_prefix = "account.credentials.forgotten"

    email = _email_field(_("Email address"), _("Enter your email address"))

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class NewPasswordForm(PortalForm, forms.Form):
    """A new password, typed twice, checked against every rule of the password policy."""

    text_prefix = "account.credentials.reset"

    new_password = _password_field(_("New password"), "new-password", _("Enter a new password"))
    new_password_confirm = _password_field(
        _("Confirm new password"), "new-password", _("Enter the new password again")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["new_password"].help_text = PortalPasswordValidator().get_help_text()

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        # Each broken rule is its own message, all shown at once.
        validate_password(password, self.user)
        return password

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("new_password"), cleaned.get("new_password_confirm")
        if password and again and password != again:
            self.add_error(
                "new_password_confirm",
                ValidationError(_("The passwords do not match"), code="password_mismatch"),
            )
        return cleaned


class PasswordResetForm(NewPasswordForm):
    """The page of a reset link: a new password, and the answer to the user's secret
    question when they chose one."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        if credentials.asks_secret_question(user):
            question = dict(SECRET_QUESTIONS).get(user.secret_question, "")
            self.fields["secret_answer"] = _secret_answer_field(
                question, _("Enter the answer to your secret question")
            )
            self.order_fields(["secret_answer", "new_password", "new_password_confirm"])

    def clean_secret_answer(self):
        answer = self.cleaned_data["secret_answer"]
        try:
            right = credentials.check_reset_secret_answer(self.user, answer)
        except credentials.TooManyRequests:
            raise ValidationError(
                _(
                    "You have given a wrong answer too many times. Wait an hour, then use the "
                    "link again."
                ),
                code="too_many_answers",
            ) from None
        if not right:
            raise ValidationError(
                _("The answer to your secret question is not correct"), code="wrong_answer"
            )
        return answer


class PasswordChangeForm(CurrentPasswordMixin, NewPasswordForm):
    text_prefix = "account.credentials.password"

    current_password = _password_field(
        _("Current password"), "current-password", _("Enter your current password")
    )
    field_order = ["current_password", "new_password", "new_password_confirm"]


class SecretQuestionChangeForm(CurrentPasswordMixin, PortalForm, forms.Form):
    text_prefix = "account.credentials.secret"

    current_password = _password_field(
        _("Current password"), "current-password", _("Enter your current password")
    )
    secret_question = _secret_question_field(_("Secret question"))
    secret_answer = _secret_answer_field(_("Secret answer"), _("Enter a secret answer"))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class EmailChangeForm(CurrentPasswordMixin, PortalForm, forms.Form):
    text_prefix = "account.credentials.email"

    new_email = _email_field(_("New email address"), _("Enter your new email address"))
    current_password = _password_field(
        _("Current password"), "current-password", _("Enter your current password")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self):
        email = normalise_email(self.cleaned_data["new_email"])
        if email == self.user.email:
            raise ValidationError(
                _("Enter a different email address from the one you use now"), code="unchanged"
            )
        return email
