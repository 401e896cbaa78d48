"""My account: the rules for a user changing their own details.

Each function changes only the user it is given; views pass the signed-in user, so no view
takes an id from the URL.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import addresses
from .models import PENDING, REJECTED, VERIFIED

# A change to these fields means the council no longer knows who the professional works for.
REVERIFY_FIELDS = ("organisation",)

_PHONE_CHARACTERS = re.compile(r"^[0-9 +()]+$")
PHONE_DIGITS = (10, 15)


def clean_postcode(value):
    """A UK postcode written the usual way ("CF10 1AA"); ValidationError if it is not one."""
    if not addresses.is_valid_postcode(value):
        raise ValidationError(_("Enter a real postcode, like CF10 1AA"), code="postcode")
    return addresses.normalise_postcode(value)


def normalise_phone(value, message):
    """A phone number as typed, with runs of spaces collapsed.

    Lenient on purpose: digits, spaces, "+" and brackets, with 10 to 15 digits in all, so
    national and international numbers written the usual ways are accepted.
    """
    phone = " ".join(value.split())
    digits = sum(character.isdigit() for character in phone)
    low, high = PHONE_DIGITS
    if not _PHONE_CHARACTERS.match(phone) or not low <= digits <= high:
        raise ValidationError(message, code="phone")
    return phone


def _same(old, new):
    return " ".join(old.split()).casefold() == " ".join(new.split()).casefold()


def changes_need_reverification(user, **new_values):
    """Whether saving these values would send a professional back to awaiting verification."""
    if not user.is_professional or user.verification_state not in (VERIFIED, REJECTED):
        return False
    return any(
        field in new_values and not _same(getattr(user, field), new_values[field])
        for field in REVERIFY_FIELDS
    )


def update_personal_details(user, *, first_name, last_name, professional_role="", organisation=""):
    """Save the user's name (and a professional's role and organisation).

    A verified or rejected professional who changes organisation goes back to awaiting
    verification, so staff look again before SEND information is shared. Returns True when
    that happened.
    """
    reverify = changes_need_reverification(user, organisation=organisation)
    user.first_name, user.last_name = first_name, last_name
    fields = ["first_name", "last_name"]
    if user.is_professional:
        user.professional_role, user.organisation = professional_role, organisation
        fields += ["professional_role", "organisation"]
    if reverify:
        # The earlier decision was about another organisation, so it no longer stands.
        user.verification_state, user.verified_by, user.verified_at = PENDING, None, None
        fields += ["verification_state", "verified_by", "verified_at"]
    user.save(update_fields=fields)
    return reverify


CONTACT_FIELDS = (
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "home_phone",
    "mobile_phone",
    "work_phone",
)


def update_contact_details(user, **details):
    """Save the user's address and phone numbers (already validated and normalised)."""
    for field in CONTACT_FIELDS:
        setattr(user, field, details.get(field, ""))
    user.save(update_fields=list(CONTACT_FIELDS))


def set_preferred_language(user, language):
    """The language the portal's emails to this user are written in."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
