"""Rules for postcodes and phone numbers, shared by registration and My account."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import addresses

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
