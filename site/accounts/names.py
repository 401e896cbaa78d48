"""The rule for a person's name typed on the portal: letters (Welsh and other accented letters
too), with spaces, hyphens and apostrophes between them.

Names reach council emails and letters, so anything else (digits, brackets, angle brackets,
links) is refused where it is typed, as well as escaped where it is shown.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import TITLES

# Letters are word characters that are not digits or underscores; ’ is the typographic
# apostrophe phones type.
_PERSON_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*$")

MESSAGES = {
    "first_name": _("First name must only include letters, spaces, hyphens and apostrophes"),
    "last_name": _("Last name must only include letters, spaces, hyphens and apostrophes"),
    "child_name": _("The child's name must only include letters, spaces, hyphens and apostrophes"),
}


def clean_person_name(value, field):
    """``value`` tidied (one space between words, accents composed) or ValidationError with
    the message for ``field`` (a key of MESSAGES)."""
    value = " ".join(unicodedata.normalize("NFC", value or "").split())
    if value and not _PERSON_NAME.match(value):
        raise ValidationError(MESSAGES[field], code="name_characters")
    return value


def titled_name(title, first_name, last_name):
    """ "Dr Rhian Jones", or "Rhian Jones" with no title: the words shown back to a user. The
    title is a value of ``models.TITLES``, shown in the page's language."""
    return " ".join(filter(None, [str(dict(TITLES).get(title, "")), first_name, last_name]))
