"""Who may see documents to view, registered in ``portal.access`` from
``plugins.send.access.register_rules``: staff holding "send.manage_involvement" see every
document (they publish and withdraw them on the involvement); a portal user sees what
``services.visible_to`` allows, and the children whose documents list they may open."""

from portal import access

from ..involvements.authentication import MANAGE, child_record_ids_for, child_records_for
from . import services

DOCUMENT = "send.document"
CHILD = "send.documents_child"


class DocumentRule(access.Rule):
    model = "send.Document"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        return services.visible_to(user, queryset)

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        if action != "view" or obj is None:
            return False
        return services.visible_to(user).filter(pk=obj.pk).exists()


class DocumentsChildRule(access.Rule):
    """A child's "Documents to view" list: for the portal users authenticated on the child.
    A second view of child records (the register's own kind is staff's), so it names no
    model for ``kind_of``."""

    model = "records.ChildRecord"
    names_model = False

    def scope(self, user, queryset):
        return queryset.filter(pk__in=child_record_ids_for(user))

    def may(self, user, action, obj=None):
        if action != "view":
            return False
        children = child_records_for(user)
        return children.exists() if obj is None else children.filter(pk=obj.pk).exists()


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register(DOCUMENT, DocumentRule())
    access.register(CHILD, DocumentsChildRule())
