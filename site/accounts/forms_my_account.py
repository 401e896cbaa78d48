"""Forms of My account. Labels and hints come from the portal texts in texts/my_account.py;
the rules they check live in accounts.my_account."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm

from . import contact_details, my_account
from .forms_registration import title_field
from .names import clean_person_name


class PersonalDetailsForm(PortalForm, forms.Form):
    text_prefix = "account.my_account.personal_details"

    title = title_field()
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter your first name")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        error_messages={"required": _("Enter your last name")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
    )
    professional_role = forms.CharField(
        label=_("Your role"),
        max_length=100,
        error_messages={"required": _("Enter your role")},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=150,
        error_messages={"required": _("Enter the organisation you work for")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def __init__(self, *args, user, **kwargs):
        initial = {
            "title": user.title,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "professional_role": user.professional_role,
            "organisation": user.organisation,
        }
        super().__init__(*args, initial=initial, **kwargs)
        if not user.is_professional:
            del self.fields["professional_role"]
            del self.fields["organisation"]

    def clean_first_name(self):
        return clean_person_name(self.cleaned_data["first_name"], "first_name")

    def clean_last_name(self):
        return clean_person_name(self.cleaned_data["last_name"], "last_name")


def _phone_field(label, message):
    field = forms.CharField(
        label=label,
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    field.invalid_message = message
    return field


class ContactDetailsForm(PortalForm, forms.Form):
    text_prefix = "account.my_account.contact_details"

    address_line_1 = forms.CharField(
        label=_("Address line 1"),
        max_length=100,
        error_messages={"required": _("Enter address line 1, typically the building and street")},
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    address_line_2 = forms.CharField(
        label=_("Address line 2 (optional)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    town = forms.CharField(
        label=_("Town or city"),
        max_length=60,
        error_messages={"required": _("Enter your town or city")},
        widget=forms.TextInput(
            attrs={"autocomplete": "address-level2", "class": "govuk-!-width-two-thirds"}
        ),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        error_messages={"required": _("Enter your postcode")},
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        ),
    )
    home_phone = _phone_field(
        _("Home phone (optional)"),
        _("Enter a home phone number, like 01632 960 001 or +44 1632 960 001"),
    )
    mobile_phone = _phone_field(
        _("Mobile phone (optional)"),
        _("Enter a mobile phone number, like 07700 900 982 or +44 7700 900 982"),
    )
    work_phone = _phone_field(
        _("Work phone (optional)"),
        _("Enter a work phone number, like 01632 960 001 or +44 1632 960 001"),
    )

    def __init__(self, *args, user, **kwargs):
        initial = {name: getattr(user, name) for name in my_account.CONTACT_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)

    def clean_postcode(self):
        return contact_details.clean_postcode(self.cleaned_data["postcode"])

    def _clean_phone(self, name):
        value = self.cleaned_data[name]
        if not value:
            return ""
        return contact_details.normalise_phone(value, self.fields[name].invalid_message)

    def clean_home_phone(self):
        return self._clean_phone("home_phone")

    def clean_mobile_phone(self):
        return self._clean_phone("mobile_phone")

    def clean_work_phone(self):
        return self._clean_phone("work_phone")


def _language_choices():
    # Each language is named in itself ("Cymraeg"), as a reader of that language looks for it.
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class PreferredLanguageForm(PortalForm, forms.Form):
    text_prefix = "account.my_account.language"

    preferred_language = forms.ChoiceField(
        label=_("Which language should we use when we email you?"),
        choices=_language_choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={
            "required": _("Select the language for your emails"),
            "invalid_choice": _("Select the language for your emails"),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, initial={"preferred_language": user.preferred_language}, **kwargs)
