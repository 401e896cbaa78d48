"""The identifiers and formats of the council's register: what makes a UPN, an NHS number, a
postcode or a name valid. Plain functions, shared by the models' validators and the CSV import
(which validates 100,000 rows without building a form per row)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The council case system's limits, which the register copies.
FORENAME_MAX = 15
MIDDLE_NAMES_MAX = 25
SURNAME_MAX = 30
PREFERRED_NAME_MAX = 30
COUNCIL_ID_MAX = 20

# DfE "Unique Pupil Number" check letters: 23 letters, I, O and S left out.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# A permanent UPN: check letter and 12 digits. A temporary one ends in a letter instead.
_UPN_SHAPE = re.compile(r"^[A-Z][0-9]{11}[0-9A-Z]$")
_NHS_SHAPE = re.compile(r"^[0-9]{10}$")
# The shape of a UK postcode once spaces are removed: outward code, then digit and two letters.
_POSTCODE_SHAPE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")


def upn_check_letter(body):
    """The check letter of a UPN whose 12 characters after the check letter are ``body``.

    DfE algorithm: the characters are weighted 2 to 13 (a letter counts as its position in
    ``UPN_LETTERS``), and the sum modulo 23 picks the letter."""
    total = sum(
        weight * (int(char) if char.isdigit() else UPN_LETTERS.index(char))
        for weight, char in enumerate(body, start=2)
    )
    return UPN_LETTERS[total % 23]


def normalise_upn(value):
    return "".join((value or "").split()).upper()


def upn_problem(value):
    """Why ``value`` (normalised) is not a UPN, or None when it is one."""
    if len(value) != 13:
        return _("A UPN has 13 characters.")
    if not _UPN_SHAPE.match(value) or value[-1] in "IOS":
        return _(
            "A UPN is a check letter, 11 digits and a last digit (or letter for a temporary UPN)."
        )
    if upn_check_letter(value[1:]) != value[0]:
        return _("The UPN's check letter does not match its digits.")
    return None


def nhs_check_digit(first_nine):
    """The NHS number's check digit, or None when the digits can have none (modulus 11 gives
    10): weights 10 to 2, and 11 minus the sum modulo 11, where 11 becomes 0."""
    total = sum(
        weight * int(digit) for weight, digit in zip(range(10, 1, -1), first_nine, strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def normalise_nhs_number(value):
    # People write NHS numbers as 3-3-4 groups with spaces or dashes.
    return "".join(char for char in (value or "") if char not in " -")


def nhs_number_problem(value):
    """Why ``value`` (normalised) is not an NHS number, or None when it is one."""
    if not _NHS_SHAPE.match(value):
        return _("An NHS number has 10 digits.")
    if nhs_check_digit(value[:9]) != int(value[9]):
        return _("The NHS number's check digit does not match its digits.")
    return None


def normalise_postcode(value):
    """Upper case with one space before the last three characters: "cf10 1aa" → "CF10 1AA"."""
    compact = "".join((value or "").split()).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def postcode_problem(value):
    if not _POSTCODE_SHAPE.match(value.replace(" ", "")):
        return _("Enter a real UK postcode, like CF10 1AA.")
    return None


def _raise_if(message):
    if message:
        raise ValidationError(message, code="invalid")


def validate_upn(value):
    _raise_if(upn_problem(normalise_upn(value)))


def validate_nhs_number(value):
    _raise_if(nhs_number_problem(normalise_nhs_number(value)))


def validate_postcode(value):
    _raise_if(postcode_problem(normalise_postcode(value)))
