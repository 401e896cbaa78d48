"""My account: the rules for a user changing their own details.

Each function changes only the user it is given; views pass the signed-in user, so no view
takes an id from the URL.
"""

from .models import PENDING, REJECTED, VERIFIED

# A change to these fields means the council no longer knows who the professional works for.
REVERIFY_FIELDS = ("organisation",)


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


def update_personal_details(
    user, *, first_name, last_name, title="", professional_role="", organisation=""
):
    """Save the user's name and title (and a professional's role and organisation).

    A verified or rejected professional who changes organisation goes back to awaiting
    verification, so staff look again before SEND information is shared. Returns True when
    that happened.
    """
    reverify = changes_need_reverification(user, organisation=organisation)
    user.title, user.first_name, user.last_name = title, first_name, last_name
    fields = ["title", "first_name", "last_name"]
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
