"""Who sees invitations to a child's case: on the portal, the person they were sent to
(their account's email address); in the admin, staff with "send.manage_involvement"."""

from portal import access

from ..involvements.authentication import MANAGE, InvolvementRowRule

INVITATION = "send.case_invitation"
BULK = "send.bulk_invitation"


class InvitationRule(access.Rule):
    """Staff with "send.manage_involvement" see, activate and decline every invitation; a
    portal user sees only the invitations sent to their email address."""

    model = "send.CaseInvitation"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        return queryset.filter(email__iexact=user.email)

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        return obj is not None and action == "view" and obj.email.lower() == user.email.lower()


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register(INVITATION, InvitationRule())
    # Bulk runs are the SEND team's working records, like an involvement's rows.
    access.register(BULK, InvolvementRowRule("send.BulkInvitationRun"))
