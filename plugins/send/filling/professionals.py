"""What a professional confirms before a form: their name, role and organisation, stored on
the submission so the council reads them as they were, even if the account changes later."""

from django.db import transaction

from .services import locked_draft


def professional_details(submission):
    """The professional's details for the form: those confirmed, else their account's."""
    if submission.professional_name:
        return {
            "name": submission.professional_name,
            "role": submission.professional_role,
            "organisation": submission.professional_organisation,
        }
    user = submission.created_by
    return {
        "name": user.get_full_name(),
        "role": user.professional_role,
        "organisation": user.organisation,
    }


def confirm_professional(submission, user, name, role, organisation):
    """A professional confirms their name, role and organisation for this form."""
    with transaction.atomic():
        submission = locked_draft(submission)
        submission.professional_name = name
        submission.professional_role = role
        submission.professional_organisation = organisation
        submission.save(
            update_fields=[
                "professional_name",
                "professional_role",
                "professional_organisation",
                "updated_at",
            ]
        )
    return submission
