"""Who sees actions to complete on the portal: only the user asked, and only while they are
authenticated on the child's open involvement (``involvements.authentication``); anyone
else gets 404. Staff reach actions through their involvement ("send.manage_involvement")."""

from portal import access

from ..involvements.authentication import MANAGE, child_record_ids_for, child_records_for
from . import portal

ACTION = "send.action"
CHILD = "send.actions_child"


class ActionRule(access.Rule):
    """An open action is seen and started by the user asked, while authenticated on the
    child; staff with "send.manage_involvement" see and cancel every action."""

    model = "send.Action"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        return queryset.filter(pk__in=portal.open_actions(user).values("pk"))

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        if obj is None or action not in ("view", "start"):
            return False
        return portal.open_actions(user).filter(pk=obj.pk).exists()


class ChildRule(access.Rule):
    """A child's "Items to complete" page: the child records the user is authenticated on."""

    model = "records.ChildRecord"
    # The register's own rule names child records; this is a second view of them.
    names_model = False

    def scope(self, user, queryset):
        return queryset.filter(pk__in=child_record_ids_for(user))

    def may(self, user, action, obj=None):
        if obj is None or action != "view":
            return False
        return child_records_for(user).filter(pk=obj.pk).exists()


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register(ACTION, ActionRule())
    access.register(CHILD, ChildRule())
