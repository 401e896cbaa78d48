"""The forms of the registration steps and of email confirmation.

Labels and hints come from the portal texts ``account.registration.<form>.<field>.label`` and
``.hint`` (accounts/texts/registration.py); error messages are gettext strings.
"""

import re

from django import forms
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm

from . import contact_details
from .models import SECRET_QUESTIONS, TITLES
from .names import clean_person_name
from .widgets import one_time_code_input


def _text_input(autocomplete=None, classes=None, **attrs):
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    if classes:
        attrs["class"] = classes
    return forms.TextInput(attrs=attrs)


class StartForm(PortalForm, forms.Form):
    text_prefix = "account.registration.start"
    professional = forms.BooleanField(required=False)


def title_field():
    """The optional title (Mr, Mrs, Miss, Ms, Mx, Dr), asked with the name."""
    return forms.ChoiceField(
        label=_("Title (optional)"),
        required=False,
        choices=[("", _("No title")), *TITLES],
        widget=forms.Select(attrs={"autocomplete": "honorific-prefix"}),
        error_messages={"invalid_choice": _("Select a title from the list, or no title")},
    )


class NameForm(PortalForm, forms.Form):
    text_prefix = "account.registration.name"
    title = title_field()
    first_name = forms.CharField(
        max_length=150,
        widget=_text_input("given-name", spellcheck="false"),
        error_messages={"required": _("Enter your first name")},
    )
    last_name = forms.CharField(
        max_length=150,
        widget=_text_input("family-name", spellcheck="false"),
        error_messages={"required": _("Enter your last name")},
    )

    def clean_first_name(self):
        return clean_person_name(self.cleaned_data["first_name"], "first_name")

    def clean_last_name(self):
        return clean_person_name(self.cleaned_data["last_name"], "last_name")


def _postcode_field():
    return forms.CharField(
        max_length=10,
        widget=_text_input("postal-code", "govuk-input--width-10"),
        error_messages={
            "required": _("Enter a postcode"),
            "max_length": _("Enter a real postcode"),
        },
    )


class PostcodeForm(PortalForm, forms.Form):
    text_prefix = "account.registration.postcode"
    postcode = _postcode_field()

    def clean_postcode(self):
        return contact_details.clean_postcode(self.cleaned_data["postcode"])


class AddressChoiceForm(PortalForm, forms.Form):
    """One of the addresses the lookup found, by its position in the list."""

    text_prefix = "account.registration.choose_address"
    address = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select an address")},
    )

    def __init__(self, *args, addresses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].choices = [
            (index, address.as_text()) for index, address in enumerate(addresses)
        ]


class ManualAddressForm(PortalForm, forms.Form):
    text_prefix = "account.registration.manual_address"
    address_line_1 = forms.CharField(
        max_length=100,
        widget=_text_input("address-line1"),
        error_messages={"required": _("Enter address line 1, typically the building and street")},
    )
    address_line_2 = forms.CharField(
        max_length=100, required=False, widget=_text_input("address-line2")
    )
    town = forms.CharField(
        max_length=60,
        widget=_text_input("address-level2", "govuk-!-width-two-thirds"),
        error_messages={"required": _("Enter town or city")},
    )
    postcode = _postcode_field()

    def clean_postcode(self):
        return contact_details.clean_postcode(self.cleaned_data["postcode"])


PHONE_ERROR = _("Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")


def validate_phone(value):
    contact_details.normalise_phone(value, PHONE_ERROR)


def _phone_field(autocomplete):
    return forms.CharField(
        max_length=20,
        required=False,
        validators=[validate_phone],
        error_messages={"max_length": PHONE_ERROR},
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": autocomplete, "class": "govuk-input--width-20"}
        ),
    )


class PhoneForm(PortalForm, forms.Form):
    text_prefix = "account.registration.phone"
    home_phone = _phone_field("home tel")
    mobile_phone = _phone_field("mobile tel")
    work_phone = _phone_field("work tel")

    def clean(self):
        cleaned = super().clean()
        return {key: " ".join(value.split()) for key, value in cleaned.items()}


class WorkForm(PortalForm, forms.Form):
    text_prefix = "account.registration.work"
    professional_role = forms.CharField(
        max_length=100,
        widget=_text_input("organization-title"),
        error_messages={"required": _("Enter your role")},
    )
    organisation = forms.CharField(
        max_length=150,
        widget=_text_input("organization"),
        error_messages={"required": _("Enter the name of your organisation")},
    )
    # The council writes to and rings professionals at work, not at home.
    work_address = forms.CharField(
        max_length=300,
        # No autocomplete token: browsers only know a home or shipping street address.
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter your work address"),
            "max_length": _("Your work address must be 300 characters or fewer"),
        },
    )
    work_phone = _phone_field("work tel")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_phone"].required = True
        self.fields["work_phone"].error_messages["required"] = _("Enter your work phone number")

    def clean_work_phone(self):
        return " ".join(self.cleaned_data["work_phone"].split())


# Passwords and secret answers are never shown again, so going back to their step must not
# force the user to type them again.
KEPT_HINT = _("Leave this blank to keep what you entered before.")


class AccountForm(PortalForm, forms.Form):
    """Email address and password. ``user`` (unsaved) is checked against the password rules;
    ``password_kept`` lets a user who comes back to this step leave the password blank."""

    text_prefix = "account.registration.account"
    email = forms.EmailField(
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    password = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirmation = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, password_kept=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.password_kept = password_kept
        self.fields["password"].help_text = (
            KEPT_HINT if password_kept else " ".join(password_validators_help_texts())
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password", "")
        confirmation = cleaned.get("password_confirmation", "")
        if not password and not confirmation and self.password_kept:
            return cleaned
        if not password:
            self.add_error("password", _("Enter a password"))
        elif not confirmation:
            self.add_error("password_confirmation", _("Enter your password again"))
        elif password != confirmation:
            self.add_error("password_confirmation", _("The passwords do not match"))
        else:
            if self.user is not None and "email" in cleaned:
                self.user.email = cleaned["email"]
            try:
                validate_password(password, self.user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ProfessionalAccountForm(AccountForm):
    """The same, asking for a work email address."""

    text_prefix = "account.registration.professional_account"


class SecretForm(PortalForm, forms.Form):
    text_prefix = "account.registration.secret"
    secret_question = forms.ChoiceField(
        choices=SECRET_QUESTIONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a secret question")},
    )
    secret_answer = forms.CharField(
        max_length=100,
        required=False,
        widget=_text_input("off", spellcheck="false"),
    )

    def __init__(self, *args, answer_kept=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer_kept = answer_kept
        if answer_kept:
            self.fields["secret_answer"].help_text = KEPT_HINT

    def clean_secret_answer(self):
        answer = " ".join(self.cleaned_data["secret_answer"].split())
        if not answer and not self.answer_kept:
            raise ValidationError(_("Enter the answer to your secret question"), code="required")
        return answer


class ConfirmCodeForm(PortalForm, forms.Form):
    text_prefix = "account.registration.confirm"
    code = forms.CharField(
        max_length=20,
        widget=one_time_code_input(),
        error_messages={"required": _("Enter the code from the email")},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not re.fullmatch(r"[0-9]{6}", code):
            raise ValidationError(_("The code must be 6 digits"), code="code_format")
        return code


class ResendForm(PortalForm, forms.Form):
    text_prefix = "account.registration.resend"
    email = forms.EmailField(
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
